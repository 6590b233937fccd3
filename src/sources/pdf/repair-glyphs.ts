import iconv from "iconv-lite";
import { ASCII_GLYPH_SHIFT, GLYPH_LAYOUTS, type GlyphLayout } from "./glyph-order.js";
import { isAcronym, isVietnameseWord } from "../../normalize/index.js";
import { LETTER_CLASS, LOWER_CLASS, MARK_CLASS, UPPER_CLASS } from "../../lexicon/letters.js";

/**
 * Repair of PDF text layers whose codes are glyph indices instead of characters (a CID font
 * without a usable ToUnicode map: "6Ӣ CÔNG 7+ѬѪ1*" for "SỞ CÔNG THƯƠNG"), font by font.
 */

/**
 * Characters PDF.js reports for WinAnsi bytes of some symbolic TrueType fonts when it reads them
 * through the font's Macintosh cmap ("C‘NG" for CÔNG, "ng‡y" for ngày): Mac Roman character →
 * the Windows-1252 character of the same byte.
 */
const MAC_ROMAN_MISREAD: ReadonlyMap<string, string> = (() => {
  const bytes = Buffer.alloc(128, 0);
  for (let k = 0; k < 128; k++) bytes[k] = 0x80 + k;
  const mac = iconv.decode(bytes, "macintosh");
  const win = iconv.decode(bytes, "win1252");
  const map = new Map<string, string>();
  for (let k = 0; k < 128; k++) if (mac[k] !== win[k] && mac[k] !== "\uFFFD" && win[k] !== "\uFFFD") map.set(mac[k], win[k]);
  return map;
})();

/** Characters that do not belong in Vietnamese text: controls, IPA/modifier letters, Greek, Cyrillic … */
const SUSPICIOUS_CLASS =
  "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u0180-\\u019F\\u01A2-\\u01AE\\u01B1-\\u02FF" +
  // Combining marks other than the five tones and the circumflex, breve and horn.
  "\\u0304\\u0305\\u0307\\u0308\\u030A-\\u031A\\u031C-\\u0322\\u0324-\\u036F" +
  "\\u00A1\\u00AF\\u00B8\\u00BF\\u0131\\u0370-\\u04FF\\u2020\\u2021\\u201A\\u201E\\u2030\\u221A\\u2260\\u2264\\u2265\\u25CA\\uFFFD";
const SUSPICIOUS_ALL = new RegExp(`[${SUSPICIOUS_CLASS}]`, "gu");
/** Quotes between two letters: Mac Roman misreadings of Ô, Õ ("C‘NG", "H’A"). */
const INNER_QUOTE = new RegExp(String.raw`(?<=[${LETTER_CLASS}])[‘’“”](?=[${LETTER_CLASS}])`, "gu");
/** A word followed by an acronym, run together ("dụngVLNCN"). */
const CAMEL_BOUNDARY = new RegExp(String.raw`(?<=[${LOWER_CLASS}][${MARK_CLASS}]*)(?=[${UPPER_CLASS}]{2,}$)`, "u");
/** Runs of letters (with combining marks) inside a token. */
const WORD_LETTERS = new RegExp(String.raw`[${LETTER_CLASS}${MARK_CLASS}]+`, "gu");

/** How to repair every run of one embedded font (see `findFontRepair`). */
export interface FontRepair {
  /** "glyphs": every code is a glyph index; "letters": only the non-ASCII codes are wrong. */
  mode: "glyphs" | "letters";
  /** Glyph layout used for the Vietnamese letters. */
  layout: string;
  /** ASCII shift of the layer: −29 in "glyphs" mode, 0 in "letters" mode. */
  shift: number;
  /** Repairs one run of this font (NFC). */
  apply: (text: string) => string;
}

/**
 * Decides how to repair all text of one embedded font, given the font's whole text (its runs
 * joined with spaces): the damage is the same throughout a font, so every run of it — even a
 * run of one letter, as when a word is split between a WinAnsi font and a CID font — is then
 * repaired alike with `apply`. Each reading is tried: every code a glyph index (ASCII sits 29
 * below its code, Vietnamese letters at their Times New Roman glyph indices), or only the
 * non-ASCII letters wrong (ASCII from a correct font; Mac Roman misreadings of WinAnsi fonts).
 * Null when the font's text is sound or no reading is better.
 */
export function findFontRepair(fontText: string): FontRepair | null {
  const identity = scoreText(fontText);
  const suspiciousBefore = countSuspicious(fontText);
  let best: { repair: FontRepair; score: number; text: string } | null = null;
  for (const layout of GLYPH_LAYOUTS) {
    for (const mode of ["letters", "glyphs"] as const) {
      const map = mode === "glyphs" ? mapGlyphs : mapLetters;
      const apply = (t: string): string => map(t, layout).normalize("NFC");
      const repaired = apply(fontText);
      if (repaired === fontText.normalize("NFC")) continue;
      const score = scoreText(repaired);
      if (!best || score > best.score) {
        best = { repair: { mode, layout: layout.name, shift: mode === "glyphs" ? ASCII_GLYPH_SHIFT : 0, apply }, score, text: repaired };
      }
    }
  }
  if (!best || best.score <= identity) return null;
  // The repair must clear most stray characters, or turn invalid words into valid ones.
  const good = suspiciousBefore > 0
    ? countSuspicious(best.text) <= suspiciousBefore / 4
    : countInvalidWords(best.text) < countInvalidWords(fontText);
  return good ? best.repair : null;
}

/**
 * Every character read as a glyph index, except white space: PDF readers insert their own spaces
 * between runs (glyph 32, "=", is rare enough to give up).
 */
function mapGlyphs(text: string, layout: GlyphLayout): string {
  let out = "";
  for (const ch of text) out += ch === " " || ch === "\n" || ch === "\t" || ch === "\r" || ch === "\f" ? ch : (layout.glyphs.get(ch.codePointAt(0)!) ?? ch);
  return out;
}

/** ASCII kept; Vietnamese glyph indices and Mac Roman misreadings repaired. */
function mapLetters(text: string, layout: GlyphLayout): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code < 0x80 ? ch : (layout.vietnamese.get(code) ?? MAC_ROMAN_MISREAD.get(ch) ?? ch);
  }
  return out;
}

/**
 * Plausibility of a token: valid syllables score by length, acronyms a little; invalid words,
 * extra word fragments and stray characters cost.
 */
function scoreToken(token: string): number {
  const words = (token.match(WORD_LETTERS) ?? []).flatMap((w) => w.split(CAMEL_BOUNDARY));
  let score = -3 * countSuspicious(token) - Math.max(0, words.length - 1);
  for (const word of words) {
    if (isVietnameseWord(word)) score += 1 + 0.5 * Math.min(word.length, 4);
    else if (isAcronym(word)) score += 0.5;
    else score -= 1.5;
  }
  return score;
}

function scoreText(text: string): number {
  let score = 0;
  for (const token of text.normalize("NFC").split(/\s+/)) if (token) score += scoreToken(token);
  return score;
}

function countSuspicious(text: string): number {
  return (text.match(SUSPICIOUS_ALL)?.length ?? 0) + (text.match(INNER_QUOTE)?.length ?? 0);
}

function countInvalidWords(text: string): number {
  let n = 0;
  for (const word of text.normalize("NFC").match(WORD_LETTERS) ?? []) if (!isVietnameseWord(word) && !isAcronym(word)) n++;
  return n;
}
