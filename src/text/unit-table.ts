/**
 * A flag per UTF-16 code unit: 1 for each of `chars` (all single code units), else 0. Scanning
 * a long text against such tables costs less than a regex for a two-character class pair.
 */
export function buildUnitTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
