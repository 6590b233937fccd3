import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import type { ThreadResult, ThreadTask } from "./parse-thread.js";

/** Parses on worker threads with a hard time limit; never rejects. */
export interface ParsePool {
  parse(task: Omit<ThreadTask, "startPort">): Promise<ThreadResult>;
  close(): Promise<void>;
}

/** Allowance for a fresh thread to load the parser before the time limit starts counting. */
const STARTUP_ALLOWANCE_MS = 30_000;

/**
 * A piscina pool running dist/queue-thread.js. Parsing is synchronous CPU work: on the main
 * thread it would also stop BullMQ from renewing the job's lock, so the job would look stalled
 * and run twice. A document over the limit is aborted: piscina terminates its thread.
 */
export async function createParsePool(threads: number, timeoutMs: number): Promise<ParsePool> {
  const { Piscina } = await import("piscina");
  const pool = new Piscina<ThreadTask, ThreadResult>({
    filename: threadFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: 3072 },
  });
  let closed = false;
  let closing: Promise<void> | null = null;
  return {
    async parse(task) {
      const controller = new AbortController();
      const { port1, port2 } = new MessageChannel();
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      const arm = (ms: number): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, ms);
      };
      arm(timeoutMs + STARTUP_ALLOWANCE_MS);
      port1.once("message", () => arm(timeoutMs));
      try {
        return await pool.run({ ...task, startPort: port2 }, { signal: controller.signal, transferList: [port2, task.bytes.buffer as ArrayBuffer] });
      } catch (error) {
        if (timedOut) return { ok: false, code: "timeout", message: `Took longer than ${timeoutMs / 1000} s (--timeout); parsing was stopped.` };
        if (closed) return { ok: false, code: "cancelled", message: "The worker stopped before this document finished." };
        if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
          return { ok: false, code: "out_of_memory", message: "The document needed more memory than a parse thread may use." };
        }
        return { ok: false, code: "internal", message: `Parse thread failed: ${(error as Error).message}` };
      } finally {
        clearTimeout(timer);
        port1.close();
      }
    },
    close() {
      closed = true;
      closing ??= pool.destroy();
      return closing;
    },
  };
}

/** dist/queue-thread.js beside the bundled CLI; the .ts source when run from src (tsx). */
function threadFile(): string {
  const js = fileURLToPath(new URL("./queue-thread.js", import.meta.url));
  if (existsSync(js)) return js;
  return fileURLToPath(new URL("./parse-thread.ts", import.meta.url));
}
