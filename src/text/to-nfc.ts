import { learnUnitTest } from "./unit-table.js";

/** Combining marks kept on one letter; no letter carries more than a few (Vietnamese: two). */
const MAX_MARKS_PER_LETTER = 8;
const LONG_MARK_RUN = /[\u0300-\u036F]{9}/u;
const LONG_MARK_RUN_ALL = /[\u0300-\u036F]{9,}/gu;

/**
 * A code unit NFC may change, or join to the character before it: a mark (every character NFC
 * reorders, or composes onto the one before, is a mark but for Hangul's vowel and final jamo),
 * those jamo, a surrogate (astral characters are not looked into), and a character that NFC
 * replaces (Ω → Ω). Any other character stays as it is and nothing before it reaches past it,
 * so NFC may cut the text before it. Learnt per code unit on first sight.
 */
const NFC_REACHES = /\p{M}|[\u1160-\u11FF\uD800-\uDFFF]/u;
/** Vietnamese marks: answered without `NFC_REACHES`, whose every-script class costs ~1 ms to compile. */
const COMBINING_DIACRITIC = /[\u0300-\u036F]/;
const mayChangeUnderNfc = learnUnitTest({ test: (c: string) => COMBINING_DIACRITIC.test(c) || NFC_REACHES.test(c) || c.normalize("NFC") !== c });

/**
 * Latin, Vietnamese, punctuation, symbols (arrows, mathematical, box drawing, shapes, dingbats),
 * the private use area (symbol-font bullets) and the half- and full-width forms: code units NFC
 * leaves as they are and never joins to what precedes them (`mayChangeUnderNfc` holds for none;
 * the test of toNfc around every BMP character checks it).
 */
export const LATIN_RANGES = String.raw`\0-\u02FF\u1E00-\u1EFF\u2002-\u20CF\u20F1-\u2125\u212C-\u2328\u232B-\u2ADB\uE000-\uF8FF\uFE30-\uFFFF`;
/** A character outside them, found by one regex scan, which runs faster than a test per character. */
const OUTSIDE_LATIN = new RegExp(`[^${LATIN_RANGES}]`, "g");

/**
 * NFC, after cutting runs of more than MAX_MARKS_PER_LETTER combining marks (Zalgo text,
 * damaged bytes): NFC reorders a run of marks in time quadratic in its length (500k marks:
 * minutes). Only the runs NFC may change are normalized, each with the character before it:
 * most text is NFC already, and `normalize` copies all of it (a scan costs a third as much).
 */
export function toNfc(text: string): string {
  let out = "";
  let copied = 0;
  let looked = 0;
  const re = OUTSIDE_LATIN;
  re.lastIndex = 0;
  while (re.test(text)) {
    const i = re.lastIndex - 1;
    if (!mayChangeUnderNfc(text.charCodeAt(i))) {
      // Text in another script: NFC of the rest in one call costs less than looking at each
      // character. (NFC may be cut before any character it cannot reach, as `copied` is.)
      if (++looked > text.length >> 6) return out + normalizePiece(text.slice(copied));
      continue;
    }
    // From the character before the run (its base) to the next one NFC cannot reach.
    const start = Math.max(copied, i - 1);
    let end = i + 1;
    while (end < text.length && mayChangeUnderNfc(text.charCodeAt(end))) end++;
    out += text.slice(copied, start) + normalizePiece(text.slice(start, end));
    copied = end;
    re.lastIndex = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function normalizePiece(piece: string): string {
  const capped = LONG_MARK_RUN.test(piece) ? piece.replace(LONG_MARK_RUN_ALL, (run) => run.slice(0, MAX_MARKS_PER_LETTER)) : piece;
  return capped.normalize("NFC");
}
