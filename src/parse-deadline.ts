import { VanbanError } from "./errors.js";

/** When a parse must stop: the caller's `signal`, or `timeout` milliseconds after it started. */
export interface Deadline {
  /** Aborted (with the VanbanError as its reason) once the parse must stop; undefined when nothing can stop it. */
  readonly signal: AbortSignal | undefined;
  /** Throws the `aborted` / `timeout` VanbanError once the deadline has passed. */
  check(): void;
  /** Settles like `work`, or rejects with the VanbanError as soon as the deadline passes (the work is left behind). */
  race<T>(work: Promise<T>): Promise<T>;
  /** Clears the timer and the listener on the caller's signal. */
  dispose(): void;
}

export function createDeadline(options: { signal?: AbortSignal; timeout?: number }): Deadline {
  const { signal: outer, timeout } = options;
  if (outer === undefined && timeout === undefined) {
    return { signal: undefined, check: () => {}, race: (work) => work, dispose: () => {} };
  }
  const controller = new AbortController();
  const onAbort = (): void => {
    controller.abort(new VanbanError("aborted", "The parse was aborted (option `signal`).", { cause: outer?.reason }));
  };
  let timer: NodeJS.Timeout | undefined;
  if (outer?.aborted) onAbort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  if (timeout !== undefined && !controller.signal.aborted) {
    timer = setTimeout(() => {
      controller.abort(new VanbanError("timeout", `The parse took longer than ${timeout} ms (option \`timeout\`).`));
    }, timeout);
  }
  const signal = controller.signal;
  return {
    signal,
    check() {
      if (signal.aborted) throw signal.reason as VanbanError;
    },
    race<T>(work: Promise<T>): Promise<T> {
      if (signal.aborted) return Promise.reject(signal.reason as VanbanError);
      return new Promise<T>((resolve, reject) => {
        const stop = (): void => reject(signal.reason as VanbanError);
        signal.addEventListener("abort", stop, { once: true });
        work.then(
          (value) => {
            signal.removeEventListener("abort", stop);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener("abort", stop);
            reject(error);
          },
        );
      });
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    },
  };
}
