/**
 * Chữ cái: what a Vietnamese word is made of, in the three forms the stages need — a character
 * class for patterns, a code-unit test for hot loops, and the alphabet that orders điểm a), b) ….
 */

/**
 * Letters with their combining marks as explicit ranges (Basic Latin, Latin-1, Latin Extended-A/B,
 * combining marks, Latin Extended Additional), for use inside `[…]`. Not `\p{L}\p{M}`: under the
 * `i` flag a property class must be case-closed when the pattern is compiled, which cost ~100 ms
 * of start-up per process. Same set as `isLetterCode`.
 */
export const LETTER_RANGES = String.raw`a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0300-\u036F\u1E00-\u1EFF`;

/** One letter or combining mark, any script. */
export const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

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
