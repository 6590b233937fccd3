import { getHeapStatistics } from "node:v8";

/**
 * Runs tasks with bounded parallelism and hands results over in input order (a reorder
 * buffer). At most `concurrency` tasks run. Results that finish before an earlier one wait in
 * the buffer, which is bounded by memory, not by count: one slow document does not stop new
 * work until the finished results behind it weigh `maxBufferedBytes` (as `sizeOf` estimates).
 * `run` must not reject. `emit` returns false to stop (fail-fast, closed stdout); tasks still
 * running are then left to the caller to cancel.
 */
export async function runOrdered<T, R>(
  items: readonly T[],
  options: { concurrency: number; maxBufferedBytes: number; sizeOf: (result: R) => number },
  run: (item: T, index: number) => Promise<R>,
  emit: (result: R, index: number) => Promise<boolean>,
): Promise<{ emitted: number; stopped: boolean }> {
  const concurrency = Math.max(1, options.concurrency);
  const done = new Map<number, R>();
  let bufferedBytes = 0;
  let next = 0;
  let emitted = 0;
  let running = 0;
  let stopped = false;
  let wake: (() => void) | null = null;

  const launch = (): void => {
    // The next input in order is always allowed to start: the buffer waits on it.
    while (!stopped && running < concurrency && next < items.length && (bufferedBytes < options.maxBufferedBytes || next === emitted)) {
      const index = next++;
      running++;
      void run(items[index], index).then((result) => {
        running--;
        done.set(index, result);
        bufferedBytes += options.sizeOf(result);
        launch();
        wake?.();
      });
    }
  };

  launch();
  while (emitted < items.length) {
    if (!done.has(emitted)) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
      continue;
    }
    const result = done.get(emitted)!;
    done.delete(emitted);
    bufferedBytes -= options.sizeOf(result);
    const index = emitted++;
    if (!(await emit(result, index))) {
      stopped = true;
      break;
    }
    launch();
  }
  return { emitted, stopped };
}

/**
 * Runs tasks with bounded parallelism and hands each result over as soon as it is done (for
 * --out, where order does not matter): a slow document never holds back the others. Emits
 * one at a time, in completion order. `order` gives the indices in the order to start them
 * (default: input order).
 */
export async function runUnordered<T, R>(
  items: readonly T[],
  options: { concurrency: number; order?: readonly number[] },
  run: (item: T, index: number) => Promise<R>,
  emit: (result: R, index: number) => Promise<boolean>,
): Promise<{ emitted: number; stopped: boolean }> {
  const concurrency = Math.max(1, options.concurrency);
  const ready: Array<{ result: R; index: number }> = [];
  let next = 0;
  let emitted = 0;
  let running = 0;
  let stopped = false;
  let wake: (() => void) | null = null;

  const launch = (): void => {
    while (!stopped && running < concurrency && next < items.length) {
      const index = options.order?.[next] ?? next;
      next++;
      running++;
      void run(items[index], index).then((result) => {
        running--;
        ready.push({ result, index });
        launch();
        wake?.();
      });
    }
  };

  launch();
  while (emitted < items.length) {
    const head = ready.shift();
    if (head === undefined) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
      continue;
    }
    emitted++;
    if (!(await emit(head.result, head.index))) {
      stopped = true;
      break;
    }
  }
  return { emitted, stopped };
}

/** Budget of the reorder buffer: a quarter of the heap (a few hundred MB with Node's defaults). */
export function reorderBufferBytes(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / 4);
}

/** Rough weight of a buffered result: its text (2 bytes a code unit at worst) plus bookkeeping. */
export function estimateResultBytes(result: unknown): number {
  const output = (result as { output?: unknown }).output;
  return 256 + (typeof output === "string" ? output.length * 2 : 0);
}
