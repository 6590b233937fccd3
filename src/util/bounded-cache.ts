/**
 * A memo of pure string functions with a size limit: when full it is emptied, not evicted
 * entry by entry. The inputs that repeat (words, type names, symbols) repeat within a document,
 * so a fresh start costs a few misses while an LRU would cost bookkeeping on every hit.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The cached value of `key`, computed by `compute` on a miss. */
  getOrCompute(key: K, compute: (key: K) => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) return hit as V;
    const value = compute(key);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
