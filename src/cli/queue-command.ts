import { parseArgs } from "node:util";
import { isVanbanError } from "../errors.js";
import { DEFAULT_QUEUE_NAME, FetchInputError, JobParseOptionsSchema, ServerUnreachableError, addParseJobs, isHttpUrl, drainQueue, readQueueStatus, retryFailedJobs } from "../queue/index.js";
import { parseByteSize } from "./args.js";
import { collectInputs } from "./collect-inputs.js";

export const QUEUE_HELP = `Usage:
  vanban queue add <file|dir|glob|url>... --redis URL [options]
  vanban queue status --redis URL          Jobs per state, failures per code (JSON on stdout).
  vanban queue retry-failed --redis URL    Put every failed job back in the queue.
  vanban queue drain --redis URL           Remove the jobs not started yet.

One job per file, keyed by the sha256 of its content: adding the same file twice is one job.
Paths are stored absolute: every worker must see them (a shared mount); http(s) URLs are
fetched by the worker (and once by queue add, to hash them). Workers: vanban worker.

Options:
  --redis <url>         redis://host:6379 (default: $VANBAN_REDIS_URL).
  --queue <name>        Queue name (default ${DEFAULT_QUEUE_NAME}).
  --format, --ocr, --ocr-lang, --max-pages, --max-bytes   As for vanban parse; kept in each job.
  --attempts <n>        Tries per job for transient failures (default 3); input errors fail once.
  --backoff <seconds>   First retry after this long, doubling each time (default 10).
  -q, --quiet           No summary on stderr.`;

const ACTIONS = ["add", "status", "retry-failed", "drain"] as const;

/** `vanban queue …`: returns the exit code (2 for usage errors). */
export async function runQueueCommand(argv: string[]): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        redis: { type: "string" },
        queue: { type: "string", default: DEFAULT_QUEUE_NAME },
        format: { type: "string", default: "auto" },
        ocr: { type: "string", default: "auto" },
        "ocr-lang": { type: "string", default: "vie" },
        "max-pages": { type: "string" },
        "max-bytes": { type: "string", default: "256M" },
        attempts: { type: "string", default: "3" },
        backoff: { type: "string", default: "10" },
        quiet: { type: "boolean", short: "q", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  const [action, ...inputs] = positionals;
  if (values.help || action === undefined) {
    process.stdout.write(`${QUEUE_HELP}\n`);
    return values.help ? 0 : 2;
  }
  if (!(ACTIONS as readonly string[]).includes(action)) return usage(`unknown queue action "${action}" (add, status, retry-failed, drain)`);
  const redis = values.redis || process.env.VANBAN_REDIS_URL || undefined; // an empty variable counts as unset
  if (redis === undefined) return usage("--redis URL is required (or set VANBAN_REDIS_URL)");
  if (action !== "add" && inputs.length > 0) return usage(`queue ${action} takes no inputs (got ${inputs.join(" ")})`);
  try {
    if (action === "status") {
      process.stdout.write(`${JSON.stringify(await readQueueStatus(redis, values.queue))}\n`);
      return 0;
    }
    if (action === "retry-failed") {
      const n = await retryFailedJobs(redis, values.queue);
      if (!values.quiet) process.stderr.write(`vanban: ${n} failed jobs put back in the queue\n`);
      return 0;
    }
    if (action === "drain") {
      const n = await drainQueue(redis, values.queue);
      if (!values.quiet) process.stderr.write(`vanban: ${n} waiting jobs removed\n`);
      return 0;
    }
    return await addInputs(inputs, redis, values);
  } catch (error) {
    if (isVanbanError(error) && error.code === "invalid_options") return usage(error.message);
    if (error instanceof ServerUnreachableError || error instanceof FetchInputError) {
      process.stderr.write(`vanban: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function addInputs(inputs: string[], redis: string, values: Record<string, string | boolean | undefined>): Promise<number> {
  if (inputs.length === 0) return usage("queue add needs at least one file, directory or glob");
  if (inputs.includes("-")) return usage("queue add reads files that workers can reach; stdin (-) cannot be queued");
  const maxBytes = parseByteSize(String(values["max-bytes"]));
  if (maxBytes === null) return usage(`--max-bytes must be a size such as 500k, 20M or 1G (got "${values["max-bytes"]}")`);
  const maxPages = values["max-pages"] === undefined ? null : positiveInt(String(values["max-pages"]));
  if (maxPages === undefined) return usage(`--max-pages must be a positive integer (got "${values["max-pages"]}")`);
  const attempts = positiveInt(String(values.attempts));
  if (attempts === undefined) return usage(`--attempts must be a positive integer (got "${values.attempts}")`);
  const backoff = Number(values.backoff);
  if (!Number.isFinite(backoff) || backoff < 0) return usage(`--backoff must be seconds, 0 or more (got "${values.backoff}")`);
  const options = JobParseOptionsSchema.safeParse({ format: values.format, ocr: values.ocr, ocrLanguage: values["ocr-lang"], maxPages, maxBytes });
  if (!options.success) return usage(options.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; "));

  // URLs are queued as they are (workers fetch them); everything else is expanded like vanban parse does.
  const urls = inputs.filter(isHttpUrl).map((url) => ({ url }));
  const paths = inputs.filter((i) => !isHttpUrl(i));
  const collected = paths.length > 0 ? await collectInputs(paths) : { items: [], badGlob: null };
  if (collected.badGlob !== null) return usage(collected.badGlob);
  const missing = collected.items.filter((i) => i.missing !== undefined || i.path === null);
  for (const item of missing) process.stderr.write(`vanban: ${item.name}: not_found: ${item.missing ?? "not a file"}\n`);
  const files = collected.items.filter((i) => i.missing === undefined && i.path !== null).map((i) => ({ path: i.path!, name: i.name }));
  if (files.length + urls.length === 0) return usage("no input files found");
  const added = await addParseJobs([...files, ...urls], { redis, queue: String(values.queue), options: options.data, attempts, backoffMs: Math.round(backoff * 1000) }, (file) => {
    process.stdout.write(`${JSON.stringify(file)}\n`);
  });
  if (!values.quiet) {
    const fresh = added.filter((a) => a.added).length;
    process.stderr.write(`vanban: ${fresh} jobs added, ${added.length - fresh} already in the queue${missing.length > 0 ? `, ${missing.length} not found` : ""}\n`);
  }
  return missing.length > 0 ? 1 : 0;
}

function positiveInt(text: string): number | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function usage(message: string): number {
  process.stderr.write(`vanban: usage: ${message}\nRun "vanban queue --help" for usage.\n`);
  return 2;
}
