import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { errorResult, runParseTask, type ParseTask, type TaskResult } from "./parse-task.js";

/** Runs parse tasks, each within the time limit; never rejects. */
export interface TaskRunner {
  run(task: ParseTask): Promise<TaskResult>;
  /** Stops everything still running (fail-fast, end of batch). */
  close(): Promise<void>;
  /** True when a timed-out document may still be working in this thread. */
  readonly abandoned: boolean;
}

export function timeoutResult(timeoutMs: number): TaskResult {
  return { ok: false, code: "timeout", message: `Took longer than ${formatSeconds(timeoutMs)} s (--timeout); parsing was stopped.` };
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/**
 * The main thread, for one document or --concurrency 1: no worker start-up cost. The time
 * limit here is soft: the result is given up on time, but work that never yields keeps running
 * until it ends (main() then exits the process; see exitWhenAbandoned).
 */
export function createInProcessRunner(timeoutMs: number): TaskRunner {
  let abandoned = false;
  return {
    get abandoned() {
      return abandoned;
    },
    async run(task) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<TaskResult>((resolve) => {
        timer = setTimeout(() => {
          abandoned = true;
          resolve(timeoutResult(timeoutMs));
        }, timeoutMs);
      });
      try {
        return await Promise.race([runParseTask(task), timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {},
  };
}

/** Allowance for a fresh worker to start and load the parser before the time limit starts counting. */
const STARTUP_ALLOWANCE_MS = 30_000;

/**
 * A piscina pool of worker threads running dist/batch-worker.js. The time limit counts from
 * the moment the worker starts parsing (it says so on a MessagePort); a document over it is
 * aborted: piscina terminates its thread and starts a fresh one.
 */
export async function createPoolRunner(threads: number, timeoutMs: number): Promise<TaskRunner> {
  const { Piscina } = await import("piscina");
  const pool = new Piscina<ParseTask, TaskResult>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 30_000,
    // Each worker may hold one large document; a runaway one dies alone (ERR_WORKER_OUT_OF_MEMORY).
    resourceLimits: { maxOldGenerationSizeMb: 3072 },
  });
  let closed = false;
  return {
    abandoned: false,
    async run(task) {
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
        const transferList: Array<MessagePort | ArrayBuffer> = [port2];
        if (task.bytes) transferList.push(task.bytes.buffer as ArrayBuffer);
        return await pool.run({ ...task, startPort: port2 }, { signal: controller.signal, transferList });
      } catch (error) {
        if (timedOut) return timeoutResult(timeoutMs);
        if (closed) return { ok: false, code: "cancelled", message: "The batch stopped before this document finished." };
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ERR_WORKER_OUT_OF_MEMORY") {
          return { ok: false, code: "out_of_memory", message: "The document needed more memory than a worker may use; its worker was stopped." };
        }
        return errorResult(error);
      } finally {
        clearTimeout(timer);
        port1.close();
      }
    },
    async close() {
      closed = true;
      await pool.destroy();
    },
  };
}

/** dist/batch-worker.js beside the bundled CLI; the .ts source when run from src (tsx). */
function workerFile(): string {
  const js = fileURLToPath(new URL("./batch-worker.js", import.meta.url));
  if (existsSync(js)) return js;
  return fileURLToPath(new URL("./batch-worker.ts", import.meta.url));
}
