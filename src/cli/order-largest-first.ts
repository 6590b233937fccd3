import { stat } from "node:fs/promises";
import type { InputItem } from "./collect-inputs.js";

/** Files whose size is read at once. */
const STAT_CONCURRENCY = 64;

/**
 * The inputs' indices, biggest file first (ties and unreadable sizes keep input order). Under
 * --out, where order does not matter, starting the longest documents first keeps one long
 * document from running alone at the end of the batch while the other processes idle (the
 * longest-first rule of scheduling); file size is the estimate of a document's time at hand
 * before it is read.
 */
export async function orderLargestFirst(items: readonly InputItem[]): Promise<number[]> {
  const sizes = new Array<number>(items.length).fill(0);
  for (let start = 0; start < items.length; start += STAT_CONCURRENCY) {
    const slice = items.slice(start, start + STAT_CONCURRENCY);
    const read = await Promise.allSettled(slice.map((item) => (item.path === null || item.missing !== undefined ? Promise.resolve(null) : stat(item.path))));
    // A file that cannot be stat'ed keeps size 0: it fails when read, in its turn, with its own code.
    read.forEach((result, i) => {
      if (result.status === "fulfilled" && result.value !== null) sizes[start + i] = result.value.size;
    });
  }
  return items.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
}
