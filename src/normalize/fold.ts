import { composeSyllable, parseSyllable, tonePositions } from "./syllable.js";

const WORD = /[\p{L}\p{M}]+/gu;
const TONED = /[\u00C0-\u00C3\u00C8-\u00CA\u00CC\u00CD\u00D2-\u00D5\u00D9\u00DA\u00DD\u00E0-\u00E3\u00E8-\u00EA\u00EC\u00ED\u00F2-\u00F5\u00F9\u00FA\u00FD\u0128\u0129\u0168\u0169\u1EA0-\u1EF9]/u;

/**
 * Puts every tone mark in its classic place ("hoà" → "hòa", "uỷ" → "ủy") without changing the
 * length of the text, so that a match found in the result has the same offsets in the input.
 * Matching code runs its (case-insensitive, `iu`) patterns, written in classic spelling, on this.
 */
export function foldTones(text: string): string {
  if (!TONED.test(text)) return text;
  return text.replace(WORD, (word) => {
    if (!TONED.test(word)) return word;
    const syl = parseSyllable(word);
    if (!syl || syl.tone === null) return word;
    const { classic, modern } = tonePositions(syl);
    if (syl.tonePos === classic || syl.tonePos !== modern) return word;
    const folded = composeSyllable(syl.letters, syl.tone, classic);
    return folded.length === word.length ? folded : word;
  });
}

/** Case- and tone-placement-insensitive equality of two strings (NFC first). */
export function sameWords(a: string, b: string): boolean {
  return foldKey(a) === foldKey(b);
}

/** A comparison key: NFC, classic tone placement, lower case, single spaces. */
export function foldKey(text: string): string {
  return foldTones(text.normalize("NFC")).toLowerCase().replace(/\s+/g, " ").trim();
}
