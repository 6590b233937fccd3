/** A letter of any script (chữ cái, \p{L}): learnt once per code unit, then read from LETTER_OF_UNIT. */
const LETTER = /^\p{L}$/u;
const UNKNOWN = 0;
const NO = 1;
const YES = 2;
/** `LETTER` per UTF-16 code unit, learnt on first sight: no array of one-letter strings per count. */
const LETTER_OF_UNIT = new Uint8Array(0x10000);

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
    let known = LETTER_OF_UNIT[c];
    if (known === UNKNOWN) known = LETTER_OF_UNIT[c] = LETTER.test(String.fromCharCode(c)) ? YES : NO;
    if (known === YES) letters++;
  }
  return letters;
}
