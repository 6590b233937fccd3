/**
 * A flag per UTF-16 code unit: 1 for each of `chars` (all single code units), else 0. Scanning
 * a long text against such tables costs less than a regex for a two-character class pair when
 * the first class is common (a vowel then a toned vowel: 20 vs 45 ms over the 8 MB bench text);
 * when it is rare, V8's scan of the pattern is the faster (fold.ts: 4–5 vs 14 ms).
 */
export function buildUnitTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/**
 * The first index k ≥ `from` where `first` flags text[k] and `second` flags text[k + 1], or -1:
 * what a global regex `[first][second]` finds from lastIndex `from`, without running one.
 */
export function findUnitPair(text: string, from: number, first: Uint8Array, second: Uint8Array): number {
  let k = from;
  while (k + 1 < text.length) {
    const next = text.charCodeAt(k + 1);
    if (second[next] === 0) {
      k += 2 - first[next]; // a first character at k + 1 may still start a pair
      continue;
    }
    if (first[text.charCodeAt(k)] === 1) return k;
    k++;
  }
  return -1;
}

/**
 * `test` of one character (a regex, or any test of a one-character string), as a test of its
 * UTF-16 code unit remembered on first sight: hot loops ask it per character without a
 * one-letter string and a regex run each time. For BMP characters only (a surrogate is tested
 * alone).
 */
export function learnUnitTest(test: { test(char: string): boolean }): (code: number) => boolean {
  // 0 not seen yet, 1 no, 2 yes.
  const seen = new Uint8Array(0x10000);
  return (code) => {
    if (seen[code] === 0) seen[code] = test.test(String.fromCharCode(code)) ? 2 : 1;
    return seen[code] === 2;
  };
}
