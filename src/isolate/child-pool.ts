import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { ChildScript } from "./child-file.js";
import { childV8Flags } from "./child-v8-flags.js";
import { classifyExit } from "./classify-exit.js";
import { readProcessUsage } from "./read-process-usage.js";
import type { FromChild, ToChild } from "./serve-tasks.js";

export interface ChildPoolOptions {
  script: ChildScript;
  /** Documents parsed at once, one child process each. */
  size: number;
  /** V8 heap limit of each child (--max-old-space-size); resident memory may exceed it by RSS_MARGIN_MB. */
  memoryMb: number;
  /** CPU time a document may use (ms), counted from the moment its child starts parsing it. */
  timeoutMs: number;
  /** V8 flags that tune the children (`childV8Flags` for this Node by default). */
  tuningFlags?: string[];
}

export type ChildOutcome<R> = { ok: true; value: R } | { ok: false; code: "out_of_memory" | "crashed" | "timeout" | "cancelled" | "aborted"; message: string };

export interface ChildPool<P, R> {
  run(payload: P, options?: { signal?: AbortSignal }): Promise<ChildOutcome<R>>;
  /** Kills every child; documents still running end as `cancelled`. */
  close(): Promise<void>;
}

/** Room above the heap limit for buffers outside the V8 heap (file bytes, typed arrays) before the child is stopped. */
const RSS_MARGIN_MB = 256;
/** How often a running child's CPU time and memory are read. */
const POLL_MS = 200;
/** Wall-clock backstop, for a child that waits without using CPU (or where /proc is missing: then wall time is the limit). */
const WALL_FACTOR = 3;
const STARTUP_ALLOWANCE_MS = 30_000;
const STDERR_TAIL = 8192;

interface Slot {
  child: ChildProcess;
  stderrTail: string;
  busy: boolean;
  /** Started with the tuning flags. */
  tuned: boolean;
}

/** Node's exit code for an option it does not know: it refused to start. */
const BAD_OPTION_EXIT = 9;

/**
 * Child processes that parse one document at a time. Worker threads are not enough: V8 ends
 * the whole process on a heap-limit or invalid-size fatal error even inside a worker with
 * resourceLimits (measured on the hostile corpus, exit 133/134), so each document runs in a
 * process of its own that may die alone. A dead child is replaced on the next document.
 */
export function createChildPool<P, R>(options: ChildPoolOptions): ChildPool<P, R> {
  const slots = new Set<Slot>();
  const waiting: Array<(slot: Slot | null) => void> = [];
  const running = new Set<(outcome: ChildOutcome<R>) => void>();
  let nextId = 1;
  let closed = false;
  const tuningFlags = options.tuningFlags ?? childV8Flags(process.versions.v8, options.size >= availableParallelism());
  // Cleared when a child refuses a tuning flag: a Node newer than the flags were chosen for. The
  // children then start without them rather than not at all.
  let tuned = tuningFlags.length > 0;

  const spawnSlot = (): Slot => {
    const child = fork(options.script.file, [], {
      execArgv: [...options.script.execArgv, ...(tuned ? tuningFlags : []), `--max-old-space-size=${options.memoryMb}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
    });
    const slot: Slot = { child, stderrTail: "", busy: false, tuned };
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      slot.stderrTail = (slot.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    child.on("exit", () => slots.delete(slot));
    slots.add(slot);
    return slot;
  };

  const acquire = (): Promise<Slot | null> => {
    for (const slot of slots) {
      if (!slot.busy && slot.child.exitCode === null && slot.child.signalCode === null && slot.child.connected) {
        slot.busy = true;
        return Promise.resolve(slot);
      }
    }
    if (slots.size < options.size) {
      const slot = spawnSlot();
      slot.busy = true;
      return Promise.resolve(slot);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };

  const release = (slot: Slot): void => {
    slot.busy = false;
    if (closed) return;
    const next = waiting.shift();
    if (!next) return;
    if (slots.has(slot)) {
      slot.busy = true;
      next(slot);
    } else {
      const fresh = spawnSlot();
      fresh.busy = true;
      next(fresh);
    }
  };

  const runOn = (slot: Slot, payload: P, signal: AbortSignal | undefined): Promise<ChildOutcome<R>> =>
    new Promise((resolve) => {
      const id = nextId++;
      const { child } = slot;
      const sentAt = Date.now();
      let startCpuMs: number | null = null;
      let startedAt: number | null = null;
      let settled = false;
      let polling = false;

      const finish = (outcome: ChildOutcome<R>, kill: boolean): void => {
        if (settled) return;
        settled = true;
        clearInterval(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        signal?.removeEventListener("abort", onAbort);
        running.delete(cancel);
        if (kill) {
          slots.delete(slot);
          child.kill("SIGKILL");
        }
        resolve(outcome);
      };
      const cancel = (outcome: ChildOutcome<R>): void => finish(outcome, true);
      const onMessage = (message: FromChild): void => {
        if (message.id !== id) return;
        if (message.type === "start") {
          startCpuMs = message.cpuMs;
          startedAt = Date.now();
        } else finish({ ok: true, value: message.value as R }, false);
      };
      const onExit = (code: number | null, signalName: string | null): void => {
        // Let the last stderr chunk (V8's fatal message) arrive before reading it.
        setImmediate(() => finish({ ok: false, ...classifyExit(slot.stderrTail, code, signalName) }, false));
      };
      const onAbort = (): void => finish({ ok: false, code: "aborted", message: "The parse was aborted." }, true);
      const timedOut = (): ChildOutcome<R> => ({ ok: false, code: "timeout", message: `Used more than ${formatSeconds(options.timeoutMs)} s of CPU time (--timeout); parsing was stopped.` });
      const waitedOut = (): ChildOutcome<R> => ({ ok: false, code: "timeout", message: `Took more than ${formatSeconds(options.timeoutMs * WALL_FACTOR)} s of wall time (${WALL_FACTOR} × --timeout); parsing was stopped.` });

      const poll = async (): Promise<void> => {
        if (polling || settled) return;
        polling = true;
        try {
          const now = Date.now();
          const usage = child.pid === undefined ? null : await readProcessUsage(child.pid);
          if (settled) return;
          if (usage !== null && usage.rssMb > options.memoryMb + RSS_MARGIN_MB) {
            finish({ ok: false, code: "out_of_memory", message: `The document needed more than ${Math.round(usage.rssMb)} MB of memory (--max-memory ${options.memoryMb}M); its process was stopped.` }, true);
            return;
          }
          if (startedAt !== null && startCpuMs !== null) {
            const overCpu = usage !== null ? usage.cpuMs - startCpuMs > options.timeoutMs : now - startedAt > options.timeoutMs;
            if (overCpu) finish(timedOut(), true);
            else if (now - startedAt > options.timeoutMs * WALL_FACTOR) finish(waitedOut(), true);
          } else if (now - sentAt > options.timeoutMs * WALL_FACTOR + STARTUP_ALLOWANCE_MS) {
            finish(waitedOut(), true);
          }
        } finally {
          polling = false;
        }
      };
      const timer = setInterval(() => void poll(), POLL_MS);

      running.add(cancel);
      child.on("message", onMessage);
      child.once("exit", onExit);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      const message: ToChild = { id, payload };
      child.send(message, (error) => {
        if (error) finish({ ok: false, code: "crashed", message: `Could not hand the document to its process: ${error.message}` }, true);
      });
    });

  return {
    async run(payload, runOptions = {}) {
      for (;;) {
        if (closed) return { ok: false, code: "cancelled", message: "The batch stopped before this document started." };
        const slot = await acquire();
        if (slot === null) return { ok: false, code: "cancelled", message: "The batch stopped before this document started." };
        let outcome: ChildOutcome<R>;
        try {
          outcome = await runOn(slot, payload, runOptions.signal);
        } finally {
          release(slot);
        }
        if (outcome.ok || !slot.tuned || !(await refusedToStart(slot.child))) return outcome;
        // The document never reached its child: it goes to one started without the flags.
        tuned = false;
      }
    },
    async close() {
      closed = true;
      for (const cancel of [...running]) cancel({ ok: false, code: "cancelled", message: "The batch stopped before this document finished." });
      for (const resolve of waiting.splice(0)) resolve(null);
      for (const slot of slots) slot.child.kill("SIGKILL");
      slots.clear();
    },
  };
}

/** Did the child exit at once on an option Node does not know? Waits for its exit if it is still dying. */
async function refusedToStart(child: ChildProcess): Promise<boolean> {
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once("exit", resolve));
  return child.exitCode === BAD_OPTION_EXIT;
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
