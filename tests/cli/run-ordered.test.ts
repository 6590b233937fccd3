import { describe, expect, it } from "vitest";
import { runOrdered } from "../../src/cli/run-ordered.js";

/** Resolves after the given number of macrotask turns: completion order differs from input order. */
function after(turns: number): Promise<void> {
  return turns <= 0 ? Promise.resolve() : new Promise((resolve) => setImmediate(() => void after(turns - 1).then(resolve)));
}

describe("runOrdered", () => {
  it("emits in input order whatever the completion order, within the concurrency and window bounds", async () => {
    const delays = [9, 1, 5, 0, 7, 2, 3, 8, 0, 4, 6, 1];
    let running = 0;
    let maxRunning = 0;
    let maxAhead = 0;
    let emittedCount = 0;
    const emitted: number[] = [];
    await runOrdered(
      delays.map((d, i) => ({ d, i })),
      { concurrency: 3, window: 6 },
      async (item, index) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        maxAhead = Math.max(maxAhead, index - emittedCount + 1);
        await after(item.d);
        running--;
        return item.i;
      },
      async (result) => {
        emitted.push(result);
        emittedCount++;
        return true;
      },
    );
    expect(emitted).toEqual(delays.map((_, i) => i));
    expect(maxRunning).toBe(3);
    expect(maxAhead).toBeLessThanOrEqual(6);
  });

  it("stops when emit says so", async () => {
    const seen: number[] = [];
    const result = await runOrdered(
      [0, 1, 2, 3, 4, 5],
      { concurrency: 2, window: 4 },
      async (n) => n,
      async (n) => {
        seen.push(n);
        return n !== 2;
      },
    );
    expect(seen).toEqual([0, 1, 2]);
    expect(result).toEqual({ emitted: 3, stopped: true });
  });

  it("handles no items", async () => {
    expect(await runOrdered([], { concurrency: 4, window: 8 }, async () => 0, async () => true)).toEqual({ emitted: 0, stopped: false });
  });
});
