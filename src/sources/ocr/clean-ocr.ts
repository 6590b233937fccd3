import { GARBLED_SO_LINE, LEADING_SPECK } from "../../lexicon/ocr-confusions.js";

/**
 * Careful clean-up of OCR output (làm sạch kết quả nhận dạng). Only noise that breaks extraction
 * is touched, only when the reading is unambiguous, and every change is reported so the caller
 * can record it: nothing is ever invented. Pure functions, no engine needed.
 */

/** Below this confidence (0–100) a line is reported as `ocr_low_confidence`. */
export const LOW_CONFIDENCE = 60;
/** Below this confidence an isolated symbol at a line edge is taken for a stamp or scan speck. */
const SPECK_CONFIDENCE = 30;

/**
 * A digit, a dot and/or spaces, then the slash of a số ký hiệu: "12. /QĐ-UBND", "1380 /QĐ-TTg",
 * "05 /2022/QĐ-UBND". The code after the slash starts with two capitals or "X-" ("2 / Điều" is not one).
 */
const NUMBER_SLASH_GAP = /(?<number>\d+)(?:\s*\.\s*|\s+)(?<slash>\/(?:(?:19|20)\d{2}\/)?(?:[\p{Lu}Đ]{2}|[\p{Lu}Đ]-))/gu;
/** "số:" opening a line: only the Số line of a header starts like that (then a ký hiệu follows). */
const LOWER_SO_LINE = /^số(?<rest>\s?[:.]\s?.*\/.*)$/u;
/** Letters read for digits, between two digits: O/o for 0, l/I/| for 1. */
const CONFUSABLE_BETWEEN_DIGITS = /(?<=\d)[OoIl|]{1,2}(?=\d)/gu;
/** A token that is a số ký hiệu once digits are fixed: 12/QĐ-UBND, 05/2022/QĐ-UBND, 67-KH/TU. */
const SYMBOL_TOKEN = /^\d{1,6}(?:\/(?:19|20)\d{2})?(?:\/|-(?=[\p{Lu}Đ]+\/))[\p{Lu}Đ]/u;
/** A token that is a date once digits are fixed: 07/4/2014, 04-3-2022, 27.06.2025. */
const DATE_TOKEN = /^\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}$/u;
/** A year token after "năm": 2O25 → 2025. */
const YEAR_TOKEN = /^(?:19|20)\d{2}$/u;
const YEAR_LEAD = /(?:^|\s)năm$/iu;
const TOKEN = /\S+/gu;
/** Punctuation that may close a token without being part of it. */
const TRAILING_PUNCT = /[,;:.)”"]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** List markers and brackets that must survive even when read with low confidence. */
const MEANINGFUL_SYMBOL = /^[-+•–—*()[\]/.,;:%]$/u;

/** One change made to the text, for an `ocr_corrected` warning. */
export interface OcrCorrection {
  from: string;
  to: string;
  reason: "number_symbol_gap" | "digit_confusion" | "so_line_case" | "stray_mark" | "signer_rank";
}

export interface CleanedText {
  text: string;
  corrections: OcrCorrection[];
}

/**
 * Cleans one OCR line: closes the gap in "12. /QĐ-UBND", fixes O/l read for digits inside a
 * số ký hiệu or a date, and capitalises a line-opening "số:". "ngày 1Ÿ tháng 7" stays as
 * printed: Ÿ is not a known confusion, so the date parser sees it is not a date.
 */
export function cleanOcrText(text: string): CleanedText {
  const corrections: OcrCorrection[] = [];
  let out = text.replace(NUMBER_SLASH_GAP, (whole: string, number: string, slash: string) => {
    const fixed = number + slash;
    corrections.push({ from: whole, to: fixed, reason: "number_symbol_gap" });
    return fixed;
  });
  out = fixDigitConfusions(out, corrections);
  // No line opens with a lone full stop before a capital: it is a speck beside the first letter.
  const speck = LEADING_SPECK.exec(out);
  if (speck?.groups) {
    corrections.push({ from: speck.groups.speck, to: "", reason: "stray_mark" });
    out = out.slice(speck[0].length);
  }
  const so = LOWER_SO_LINE.exec(out);
  if (so?.groups) {
    const fixed = "Số" + so.groups.rest;
    corrections.push({ from: "số", to: "Số", reason: "so_line_case" });
    out = fixed;
  } else {
    const garbled = GARBLED_SO_LINE.exec(out);
    if (garbled?.groups && garbled.groups.so !== "Số") {
      corrections.push({ from: garbled.groups.so, to: "Số", reason: "so_line_case" });
      out = "Số" + garbled.groups.rest;
    }
  }
  return { text: out, corrections };
}

/** O→0 and l/I→1 between digits, only inside a token that then reads as a ký hiệu, a date or a year. */
function fixDigitConfusions(text: string, corrections: OcrCorrection[]): string {
  return text.replace(TOKEN, (token: string, offset: number) => {
    const core = token.replace(TRAILING_PUNCT, "");
    if (!/\d[OoIl|]{1,2}\d/u.test(core)) return token;
    const fixed = core.replace(CONFUSABLE_BETWEEN_DIGITS, (m) => m.replace(/[Oo]/gu, "0").replace(/[Il|]/gu, "1"));
    const isYear = YEAR_TOKEN.test(fixed) && YEAR_LEAD.test(text.slice(0, offset).trimEnd());
    if (!SYMBOL_TOKEN.test(fixed) && !DATE_TOKEN.test(fixed) && !isYear) return token;
    corrections.push({ from: core, to: fixed, reason: "digit_confusion" });
    return fixed + token.slice(core.length);
  });
}

/**
 * A whole line that is a stamp or signature speck: one or two characters, no letter or digit,
 * read with low confidence. Printed rules ("-------") and page numbers read well and stay.
 */
export function isStrayLine(text: string, confidence: number): boolean {
  const compact = text.replace(/\s+/gu, "");
  if (compact === "" || LETTER_OR_DIGIT.test(compact)) return false;
  if (confidence >= LOW_CONFIDENCE) return false;
  return [...compact].length <= 2 || confidence < SPECK_CONFIDENCE;
}

/**
 * A word at the edge of a line that is an isolated symbol read with very low confidence
 * ("|", "~", "'" left by a stamp border or a signature stroke). List markers and brackets stay.
 */
export function isStrayEdgeWord(text: string, confidence: number): boolean {
  const compact = text.trim();
  if (compact === "" || LETTER_OR_DIGIT.test(compact)) return false;
  if (confidence >= SPECK_CONFIDENCE) return false;
  if ([...compact].length === 1 && MEANINGFUL_SYMBOL.test(compact)) return false;
  return [...compact].length <= 3;
}
