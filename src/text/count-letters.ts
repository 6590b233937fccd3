import { learnUnitTest } from "./unit-table.js";

/** A letter of any script (chữ cái, \p{L}). */
const LETTER = /^\p{L}$/u;
const isLetterUnit = learnUnitTest(LETTER);

/**
 * How many letters of any script a text holds: what `text.match(/\p{L}/gu)?.length` gives,
 * without building that array. Counters that judge text of any script (page health) run it on
 * every run of every page.
 */
export function countLetters(text: string): number {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) letters++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A letter beyond the BMP (rare): tested as the code point it is.
        if (LETTER.test(text.slice(i, i + 2))) letters++;
        i++;
        continue;
      }
    }
    if (isLetterUnit(c)) letters++;
  }
  return letters;
}
