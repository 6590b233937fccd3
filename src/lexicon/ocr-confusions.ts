/**
 * Letters OCR confuses in Vietnamese print (nhầm lẫn ký tự khi nhận dạng), for post-correction:
 * a word is tried with one of these letters replaced, besides every variant of its diacritics.
 * Lower case, without diacritics: diacritics are varied separately. Kept short on purpose —
 * each pair widens the set of words a correction may turn into.
 */
import { UPPER_CLASS } from "./letters.js";
export const CONFUSABLE_LETTERS: Readonly<Record<string, readonly string[]>> = {
  // "RHÓ" for "PHÓ": the bowl of a P over a speck reads as R.
  r: ["p"],
  p: ["r"],
  // Thin strokes: l, i and t.
  l: ["i", "t"],
  i: ["l"],
  t: ["l"],
  // Open and closed bowls.
  c: ["e", "o"],
  e: ["c"],
  o: ["c", "a"],
  a: ["o"],
  // Arches.
  n: ["u", "h"],
  u: ["n"],
  h: ["n", "b"],
  b: ["h"],
};


/**
 * "Số" misread at the start of the Số line ("Sé:447 Ÿ /QĐ-BTP", "S6: 12/UBND"): S and one or
 * two other marks, then the colon, and a ký hiệu after a slash further on. Only then: a line
 * that merely starts with S and a colon is left as read.
 */
export const GARBLED_SO_LINE = new RegExp(String.raw`^(?<so>[Ss][^\s:;/\d]{1,2}|[Ss]6)\s?(?<rest>[:;]\s?[^/]{0,12}\/\s?(?:(?:19|20)\d{2}\/)?[${UPPER_CLASS}Đ].*)$`, "u");

/** A speck read as a full stop or comma glued before a line's first capital (".Hà Nội, ngày …"). */
export const LEADING_SPECK = new RegExp(String.raw`^(?<speck>[.,])\s?(?=[${UPPER_CLASS}])`, "u");
