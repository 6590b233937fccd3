import { hostname } from "node:os";
import { createFileStore } from "./file-store.js";
import type { PageJobResult, ParseJobResult } from "./job-payload.js";
import { createParsePool } from "./parse-pool.js";
import { createPgStore } from "./pg-store.js";
import { jobServices, processAnyJob } from "./process-job.js";
import type { RecordStore } from "./record-store.js";
import { redisConnection } from "./redis-connection.js";
import type { WorkerOptions } from "./worker-options.js";

export interface WorkerEvents {
  /** One line per job finished or failed, for the log (stderr). */
  log(line: string): void;
}

export interface RunningWorker {
  /** Resolves once the worker has stopped (after `stop`). */
  readonly stopped: Promise<void>;
  /**
   * Graceful stop: take no new job, let the jobs in hand finish within `graceMs`, then hand
   * back what is still running (failed as `cancelled`, so it is retried elsewhere).
   */
  stop(graceMs: number): Promise<void>;
}

/** Starts a BullMQ worker: `concurrency` jobs at once, each parsed on its own thread. */
export async function startWorker(options: WorkerOptions, version: string, events: WorkerEvents): Promise<RunningWorker> {
  const { Worker, FlowProducer, UnrecoverableError } = await import("bullmq");
  const store: RecordStore = options.pg !== null ? await createPgStore(options.pg, { table: options.pgTable, version, poolSize: Math.min(options.concurrency, 10) }) : createFileStore(options.out!);
  const pool = await createParsePool(options.concurrency, options.timeoutMs);
  // Long scans: their page jobs and assembly are added by whichever worker plans them.
  const flows = new FlowProducer({ connection: redisConnection(options.redis) });
  const services = jobServices({
    pool,
    store,
    final: (message) => new UnrecoverableError(message),
    splitPages: options.splitPages,
    queueName: options.queue,
    addFlow: (flow) => flows.add(flow),
  });
  const worker = new Worker<unknown, ParseJobResult | PageJobResult>(options.queue, (job) => processAnyJob(job, services), {
    connection: redisConnection(options.redis),
    // Recorded on each job it takes (processedBy): which machine and process ran it.
    name: `${hostname()}:${process.pid}`,
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs,
    // A job found stalled more than twice (its workers keep dying on it) fails instead of looping.
    maxStalledCount: 2,
    autorun: true,
  });
  const nameOf = (data: unknown): string => String((data as { name?: unknown } | null)?.name ?? "?");
  worker.on("completed", (job, result) => events.log(`vanban: ${describeDone(nameOf(job.data), result)}`));
  worker.on("failed", (job, error) => {
    if (job) events.log(`vanban: failed ${nameOf(job.data)} (attempt ${job.attemptsMade}): ${error.message}`);
  });
  // Redis going away is expected (restarts, failover): ioredis reconnects; the log says so.
  worker.on("error", (error) => events.log(`vanban: worker: ${error.message}`));
  flows.on("error", (error) => events.log(`vanban: worker: ${error.message}`));

  let resolveStopped = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  let stopping: Promise<void> | null = null;
  const stop = (graceMs: number): Promise<void> => {
    stopping ??= (async () => {
      const graceful = worker.close(); // takes no new job, waits for those in hand
      const timer = setTimeout(() => {
        // Out of time: stop the parse threads. Each job in hand fails as `cancelled`, a transient
        // failure, so BullMQ puts it back (after its backoff) for any worker to take.
        void pool.close();
      }, graceMs);
      await graceful;
      clearTimeout(timer);
      await pool.close();
      await flows.close();
      await store.close();
      resolveStopped();
    })();
    return stopping;
  };
  await worker.waitUntilReady();
  return { stopped, stop };
}

/** The log line of a finished job: a document, a long scan handed to page jobs, or one page. */
function describeDone(name: string, result: ParseJobResult | PageJobResult): string {
  if ("page" in result) return `done ${name} page ${result.page} (${result.ms} ms)`;
  if (result.split !== undefined) return `split ${name} into ${result.split} page jobs (${result.pages ?? "?"} pages)`;
  return `done ${name} (${result.pages ?? "?"} pages, ${result.ms} ms)`;
}
