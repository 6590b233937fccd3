import { createChildPool, findChildScript } from "../isolate/index.js";
import type { ParseTask, TaskResult } from "./parse-task.js";

/** Runs parse tasks, each within its limits; never rejects. */
export interface TaskRunner {
  run(task: ParseTask): Promise<TaskResult>;
  /** Stops everything still running (fail-fast, end of batch). */
  close(): Promise<void>;
}

export interface RunnerLimits {
  /** Child processes, one document each at a time. */
  processes: number;
  /** CPU time of one document, ms (--timeout). */
  timeoutMs: number;
  /** Heap of one document's process, MiB (--max-memory). */
  memoryMb: number;
}

/**
 * Every document, even a single one, is parsed in a child process (dist/batch-worker.js) that
 * may die alone: out of memory, a V8 fatal error or over its CPU time, it is killed, the input
 * gets `out_of_memory`, `crashed` or `timeout`, and the next document gets a fresh process.
 */
export function createProcessRunner(limits: RunnerLimits): TaskRunner {
  const pool = createChildPool<ParseTask, TaskResult>({
    script: findChildScript(import.meta.url, "batch-worker"),
    size: limits.processes,
    memoryMb: limits.memoryMb,
    timeoutMs: limits.timeoutMs,
  });
  return {
    async run(task) {
      const outcome = await pool.run(task);
      if (outcome.ok) return outcome.value;
      return { ok: false, code: outcome.code, message: outcome.message };
    },
    close: () => pool.close(),
  };
}
