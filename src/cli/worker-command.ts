import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { isVanbanError } from "../errors.js";
import { DEFAULT_QUEUE_NAME, DEFAULT_TABLE, ServerUnreachableError, redisConnection, startWorker, validateWorkerOptions } from "../queue/index.js";

export const WORKER_HELP = `Usage: vanban worker --redis URL (--out DIR | --pg URL) [options]

Takes parse jobs from the queue (vanban queue add) until stopped with SIGTERM or Ctrl-C.
Run any number of workers, on any machines that see the queued paths (or reach the
queued URLs). Failure semantics, PostgreSQL table, sizing: docs/scale.md.

Options:
  --redis <url>           redis://host:6379 (default: $VANBAN_REDIS_URL).
  --out <dir>             Write <sha256>.json (failures: <sha256>.error.json) under dir.
  --pg <url>              Upsert records into PostgreSQL (postgres://user@host/db).
  --pg-table <name>       Table (default ${DEFAULT_TABLE}); created when missing.
  --queue <name>          Queue name (default ${DEFAULT_QUEUE_NAME}).
  -j, --concurrency <n>   Documents parsed at once, each on its own thread (default: CPU count).
  --timeout <seconds>     Time limit per job, a document or one page of a long scan
                          (default 120): error "timeout", not retried.
  --lock <seconds>        A job whose worker stops renewing its lock for this long (killed,
                          cut off) goes to another worker (default 30).
  --grace <seconds>       On SIGTERM, time for the jobs in hand to finish before they are
                          handed back to the queue (default 60).
  --split-pages <n>       A PDF with more than n pages to OCR becomes one job per page, read
                          by every worker and assembled into one record (default 8; 0: never).
  -q, --quiet             No per-job lines on stderr.`;

/** `vanban worker …`: runs until SIGTERM / SIGINT; returns the exit code. */
export async function runWorkerCommand(argv: string[], version: string): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        redis: { type: "string" },
        out: { type: "string" },
        pg: { type: "string" },
        "pg-table": { type: "string", default: DEFAULT_TABLE },
        queue: { type: "string", default: DEFAULT_QUEUE_NAME },
        concurrency: { type: "string", short: "j" },
        timeout: { type: "string", default: "120" },
        lock: { type: "string", default: "30" },
        grace: { type: "string", default: "60" },
        "split-pages": { type: "string", default: "8" },
        quiet: { type: "boolean", short: "q", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${WORKER_HELP}\n`);
    return 0;
  }
  const redis = values.redis || process.env.VANBAN_REDIS_URL || undefined; // an empty variable counts as unset
  if (redis === undefined) return usage("--redis URL is required (or set VANBAN_REDIS_URL)");
  let options;
  try {
    options = validateWorkerOptions({
      redis,
      queue: values.queue,
      out: values.out ?? null,
      pg: values.pg ?? null,
      pgTable: values["pg-table"],
      concurrency: values.concurrency === undefined ? availableParallelism() : Number(values.concurrency),
      timeoutMs: Number(values.timeout) * 1000,
      lockMs: Math.round(Number(values.lock) * 1000),
      graceMs: Number(values.grace) * 1000,
      splitPages: Number(values["split-pages"]),
    });
    redisConnection(redis); // a malformed URL fails here, before anything starts
  } catch (error) {
    if (isVanbanError(error) && error.code === "invalid_options") return usage(error.message);
    throw error;
  }
  const log = values.quiet ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
  // The signals are heard before the worker starts: BullMQ takes a job as soon as its worker
  // exists, before it reports ready, and a SIGTERM then must hand that job back, not kill us.
  let worker: Awaited<ReturnType<typeof startWorker>> | null = null;
  let stopAsked = false;
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals++;
    if (signals > 1) process.exit(signal === "SIGINT" ? 130 : 143); // a second signal: at once
    log(`vanban: ${signal}: finishing the jobs in hand (up to ${options.graceMs / 1000} s), taking no new one`);
    stopAsked = true;
    if (worker) void worker.stop(options.graceMs);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  try {
    try {
      worker = await startWorker(options, version, { log });
    } catch (error) {
      if (!(error instanceof ServerUnreachableError)) throw error;
      process.stderr.write(`vanban: ${error.message}\n`);
      return 1;
    }
    log(`vanban: worker ready (${options.concurrency} at once) on queue ${options.queue}`);
    if (stopAsked) void worker.stop(options.graceMs);
    await worker.stopped;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  }
  log("vanban: worker stopped");
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`vanban: usage: ${message}\nRun "vanban worker --help" for usage.\n`);
  return 2;
}
