// Near-duplicate text: Jaccard similarity of word 5-gram shingles, hashed to numbers so that
// the sets of a whole corpus stay small.

/** Shingles of the first `chars` characters: NFC, lowercase, words of letters and digits only. */
export function shingles(text: string, chars = 3000, size = 5): Set<number> {
  const words = text.slice(0, chars).normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i + size <= words.length; i++) out.add(hash(words.slice(i, i + size).join(" ")));
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** FNV-1a, 32 bits: collisions among a few thousand shingles per file are negligible here. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
