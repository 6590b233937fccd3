import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InputItem } from "../../src/cli/collect-inputs.js";
import { orderLargestFirst } from "../../src/cli/order-largest-first.js";
import { runOrdered, runUnordered } from "../../src/cli/run-ordered.js";

/** Resolves after the given number of macrotask turns: completion order differs from input order. */
function after(turns: number): Promise<void> {
  return turns <= 0 ? Promise.resolve() : new Promise((resolve) => setImmediate(() => void after(turns - 1).then(resolve)));
}

/** A promise released by hand: a document that stays slow until the test says so. */
function deferred(): { promise: Promise<void>; release: () => void } {
  let release = (): void => {};
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

const unit = (): number => 1;

describe("runOrdered", () => {
  it("emits in input order whatever the completion order, with at most `concurrency` running", async () => {
    const delays = [9, 1, 5, 0, 7, 2, 3, 8, 0, 4, 6, 1];
    let running = 0;
    let maxRunning = 0;
    const emitted: number[] = [];
    await runOrdered(
      delays.map((d, i) => ({ d, i })),
      { concurrency: 3, maxBufferedBytes: 1000, sizeOf: unit },
      async (item) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await after(item.d);
        running--;
        return item.i;
      },
      async (result) => {
        emitted.push(result);
        return true;
      },
    );
    expect(emitted).toEqual(delays.map((_, i) => i));
    expect(maxRunning).toBe(3);
  });

  it("a slow first document does not stop new work while the buffer has room", async () => {
    const slow = deferred();
    const started: number[] = [];
    const emitted: number[] = [];
    const run = runOrdered(
      Array.from({ length: 20 }, (_, i) => i),
      { concurrency: 2, maxBufferedBytes: 1000, sizeOf: unit },
      async (n) => {
        started.push(n);
        if (n === 0) await slow.promise;
        return n;
      },
      async (n) => {
        emitted.push(n);
        return true;
      },
    );
    await after(50);
    expect(started.length).toBe(20); // a window of 2 × concurrency would have stopped at 4
    expect(emitted).toEqual([]);
    slow.release();
    await run;
    expect(emitted).toEqual(started.slice().sort((a, b) => a - b));
  });

  it("stops starting work once the finished results behind a slow one fill the buffer", async () => {
    const slow = deferred();
    const started: number[] = [];
    const emitted: number[] = [];
    const run = runOrdered(
      Array.from({ length: 10 }, (_, i) => i),
      { concurrency: 2, maxBufferedBytes: 3, sizeOf: unit },
      async (n) => {
        started.push(n);
        if (n === 0) await slow.promise;
        return n;
      },
      async (n) => {
        emitted.push(n);
        return true;
      },
    );
    await after(50);
    // 0 running; 1, 2, 3 done and buffered (3 bytes): nothing more starts.
    expect(started).toEqual([0, 1, 2, 3]);
    slow.release();
    await run;
    expect(emitted).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("stops when emit says so", async () => {
    const seen: number[] = [];
    const result = await runOrdered(
      [0, 1, 2, 3, 4, 5],
      { concurrency: 2, maxBufferedBytes: 100, sizeOf: unit },
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
    expect(await runOrdered([], { concurrency: 4, maxBufferedBytes: 8, sizeOf: unit }, async () => 0, async () => true)).toEqual({ emitted: 0, stopped: false });
  });
});

describe("runUnordered", () => {
  it("hands results over as they finish: a slow document holds nothing back", async () => {
    const slow = deferred();
    const emitted: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const run = runUnordered(
      Array.from({ length: 8 }, (_, i) => i),
      { concurrency: 3 },
      async (n) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        if (n === 0) await slow.promise;
        else await after(n % 3);
        running--;
        return n;
      },
      async (n, index) => {
        expect(index).toBe(n);
        emitted.push(n);
        return true;
      },
    );
    await after(50);
    expect(emitted.slice().sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    slow.release();
    const result = await run;
    expect(emitted.at(-1)).toBe(0);
    expect(maxRunning).toBe(3);
    expect(result).toEqual({ emitted: 8, stopped: false });
  });

  it("stops when emit says so", async () => {
    const seen: number[] = [];
    const result = await runUnordered([0, 1, 2, 3, 4, 5], { concurrency: 1 }, async (n) => n, async (n) => {
      seen.push(n);
      return n !== 1;
    });
    expect(seen).toEqual([0, 1]);
    expect(result).toEqual({ emitted: 2, stopped: true });
  });

  it("starts the inputs in the order given, each with its own index", async () => {
    const started: number[] = [];
    const emitted: Array<[string, number]> = [];
    await runUnordered(["a", "b", "c", "d"], { concurrency: 1, order: [2, 0, 3, 1] }, async (item, index) => {
      started.push(index);
      return item;
    }, async (item, index) => {
      emitted.push([item, index]);
      return true;
    });
    expect(started).toEqual([2, 0, 3, 1]);
    expect(emitted).toEqual([["c", 2], ["a", 0], ["d", 3], ["b", 1]]);
  });
});

describe("orderLargestFirst", () => {
  it("puts the biggest files first, keeps input order on ties, and leaves stdin and unreadable files last", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-order-"));
    try {
      const file = (name: string, bytes: number): InputItem => {
        writeFileSync(join(dir, name), "x".repeat(bytes));
        return { name, path: join(dir, name), outRel: name };
      };
      const items: InputItem[] = [
        file("small.txt", 10),
        { name: "-", path: null, outRel: "stdin" },
        file("big.txt", 5000),
        { name: "gone.txt", path: join(dir, "gone.txt"), outRel: "gone.txt" },
        file("mid-a.txt", 300),
        file("mid-b.txt", 300),
      ];
      expect(await orderLargestFirst(items)).toEqual([2, 4, 5, 0, 1, 3]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
