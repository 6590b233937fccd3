import { learnUnitTest } from "../text/unit-table.js";

/**
 * Chữ cái: what a Vietnamese word is made of, in the forms the stages need — character classes
 * for patterns, a code-unit test for hot loops, and the alphabet that orders điểm a), b) ….
 */

/**
 * Letters with their combining marks as explicit ranges (Basic Latin, Latin-1, Latin Extended-A/B,
 * combining marks, Latin Extended Additional), for use inside `[…]`. Not `\p{L}\p{M}`: under the
 * `i` flag a property class must be case-closed when the pattern is compiled, which cost ~100 ms
 * of start-up per process. Same set as `isLetterCode`. Latin alone, narrower than
 * `LETTER_CLASS` + `MARK_CLASS` below: the targets' patterns and their walks were measured with it.
 */
export const LETTER_RANGES = String.raw`a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0300-\u036F\u1E00-\u1EFF`;

/*
 * The Unicode classes the patterns need, spelled as explicit ranges for use inside `[…]` in place
 * of `\p{L}`, `\p{M}`, `\p{N}`, `\p{Lu}` and `\p{Ll}`. V8 expands a property class to every
 * script's ranges each time a pattern is compiled: 0.2–1.5 ms a pattern, about 30 ms of a small
 * document's first parse in every process (docs/performance.md, issue 18, ninth pass). These
 * classes cost 20–50 µs. They cover the scripts Vietnamese documents are written in: a letter of
 * another script (Chinese, Lao, Khmer …) is not a letter to the patterns.
 */

/** Letters (\p{L}) of Latin with its extensions and modifier letters, Greek and Cyrillic: exact within those blocks. */
export const LETTER_CLASS = String.raw`A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0370-\u0374\u0376\u0377\u037A-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u048A-\u052F\u1E00-\u1EFF`;

/** Combining marks (\p{M}) of the same blocks: the Latin diacritics Vietnamese tones are made of, and Cyrillic's. */
export const MARK_CLASS = String.raw`\u0300-\u036F\u0483-\u0489`;

/** Numerals (\p{N}) of the same blocks: 0–9, ² ³ ¹ and ¼ ½ ¾. */
export const NUMERAL_CLASS = String.raw`0-9\u00B2\u00B3\u00B9\u00BC-\u00BE`;

/** A letter, mark or numeral: what a word is made of, for word boundaries (`(?<![…])`, `(?![…])`). */
export const WORD_CLASS = LETTER_CLASS + MARK_CLASS + NUMERAL_CLASS;

/**
 * Capital letters (\p{Lu}) of Latin-1 and the Vietnamese alphabet: A–Z, À–Þ (not ×), Ă Đ Ĩ Ũ Ơ Ư
 * and the toned vowels Ạ … Ỹ. Narrower than `LETTER_CLASS`: every capital of Latin Extended and
 * Cyrillic alternates with its small letter, ~400 ranges that would cost as much as `\p{Lu}`.
 */
export const UPPER_CLASS = String.raw`A-Z\u00C0-\u00D6\u00D8-\u00DE\u0102\u0110\u0128\u0168\u01A0\u01AF${everyOtherCode(0x1ea0, 0x1ef8)}`;

/** Small letters (\p{Ll}) of Latin-1 and the Vietnamese alphabet: the small letters of `UPPER_CLASS`, with µ and ß. */
export const LOWER_CLASS = String.raw`a-z\u00B5\u00DF-\u00F6\u00F8-\u00FF\u0103\u0111\u0129\u0169\u01A1\u01B0${everyOtherCode(0x1ea1, 0x1ef9)}`;

/** One letter or combining mark. */
export const LETTER_OR_MARK = new RegExp(`[${LETTER_CLASS}${MARK_CLASS}]`, "u");

/** `LETTER_OR_MARK` of one UTF-16 code unit, for loops that walk a text unit by unit (words around a tone pair). */
export const isLetterOrMarkUnit = learnUnitTest(LETTER_OR_MARK);

/** `\uXXXX` for every other code from `first` to `last`: Latin Extended Additional alternates capital and small. */
function everyOtherCode(first: number, last: number): string {
  let out = "";
  for (let c = first; c <= last; c += 2) out += `\\u${c.toString(16).toUpperCase()}`;
  return out;
}

/**
 * Is this UTF-16 code unit part of a Vietnamese word? The test `LETTER_RANGES` spells as a class,
 * written by hand because a `\p{L}` regex per character would dominate the cost of walking back
 * from every number.
 */
export function isLetterCode(c: number): boolean {
  if (c < 0x41) return false;
  if (c <= 0x5a) return true;
  if (c < 0x61) return false;
  if (c <= 0x7a) return true;
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c <= 0x24f) return true;
  if (c >= 0x300 && c <= 0x36f) return true;
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  return false;
}

/** The Vietnamese alphabet in its order (no f, j, w, z; đ after d): điểm a), b) … đ), e). */
export const VIETNAMESE_ALPHABET = "abcdđeghiklmnopqrstuvxy";
