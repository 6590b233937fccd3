/**
 * Runs tasks with bounded parallelism and hands results over in input order (a reorder
 * buffer): at most `concurrency` tasks run, and at most `window` are started but not yet
 * emitted, so memory stays bounded however many inputs there are. `run` must not reject.
 * `emit` returns false to stop (fail-fast, closed stdout); tasks still running are then
 * left to the caller to cancel.
 */
export async function runOrdered<T, R>(
  items: readonly T[],
  options: { concurrency: number; window: number },
  run: (item: T, index: number) => Promise<R>,
  emit: (result: R, index: number) => Promise<boolean>,
): Promise<{ emitted: number; stopped: boolean }> {
  const concurrency = Math.max(1, options.concurrency);
  const window = Math.max(concurrency, options.window);
  const done = new Map<number, R>();
  let next = 0;
  let emitted = 0;
  let running = 0;
  let stopped = false;
  let wake: (() => void) | null = null;

  const launch = (): void => {
    while (!stopped && running < concurrency && next < items.length && next - emitted < window) {
      const index = next++;
      running++;
      void run(items[index], index).then((result) => {
        running--;
        done.set(index, result);
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
    const index = emitted++;
    if (!(await emit(result, index))) {
      stopped = true;
      break;
    }
    launch();
  }
  return { emitted, stopped };
}
