import type { FlowJob, Job } from "bullmq";
import { isFinalFailure } from "./classify-failure.js";
import { JOB_NAMES, ParseJobSchema, type PageJobResult, type ParseJobResult } from "./job-payload.js";
import { loadJobBytes } from "./load-job-bytes.js";
import { buildPageFlow, processAssembleJob, processPageJob } from "./page-jobs.js";
import type { ParsePool } from "./parse-pool.js";
import type { ThreadResult } from "./parse-thread.js";
import type { RecordStore } from "./record-store.js";

/** A failure that retrying cannot fix: the job fails at once with this code (BullMQ's UnrecoverableError). */
export type MakeFinalError = (message: string) => Error;

/** What a job needs besides its data: the parse threads, the store, and how to add a long scan's page jobs. */
export interface JobServices {
  pool: ParsePool;
  store: RecordStore;
  final: MakeFinalError;
  /** A PDF with more pages to OCR than this is split into page jobs; 0: never. */
  splitPages: number;
  queueName: string;
  addFlow(flow: FlowJob): Promise<unknown>;
  /** "<code>: <message>" as the error a job fails with: final for input errors, retried otherwise. */
  fail(code: string, message: string): Error;
  isFinal(code: string): boolean;
}

/** The services with `fail` and `isFinal` filled in from the failure classes. */
export function jobServices(base: Omit<JobServices, "fail" | "isFinal">): JobServices {
  return {
    ...base,
    isFinal: isFinalFailure,
    fail: (code, message) => (isFinalFailure(code) ? base.final(`${code}: ${message}`) : new Error(`${code}: ${message}`)),
  };
}

/** Runs a job of any kind: a document, one page of a long scan, or a long scan's assembly. */
export function processAnyJob(job: Job, services: JobServices): Promise<ParseJobResult | PageJobResult> {
  if (job.name === JOB_NAMES.page) return processPageJob(job.data, services);
  if (job.name === JOB_NAMES.assemble) return processAssembleJob(job, services);
  return processJob(job.data, services, { attempts: job.opts.attempts, backoff: job.opts.backoff });
}

/**
 * Runs one document job: read the file (or fetch the URL), check it is still the content that
 * was enqueued, parse it on a thread, save the outcome. Input errors are saved as an error entry
 * and fail the job once (`final`); transient ones (unreachable store, crashed thread, missing
 * mount, HTTP errors) throw a plain Error, "<code>: <message>", so BullMQ retries with backoff.
 * A PDF with more than `splitPages` pages to OCR is not parsed here: its page jobs are added.
 */
export async function processJob(data: unknown, services: JobServices, retry: { attempts?: number; backoff?: Job["opts"]["backoff"] } = {}): Promise<ParseJobResult> {
  const started = Date.now();
  const checked = ParseJobSchema.safeParse(data);
  if (!checked.success) throw services.final(`invalid_job: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const job = checked.data;
  const loaded = await loadJobBytes(job);
  const action = services.splitPages > 0 ? ({ kind: "plan", splitPages: services.splitPages } as const) : undefined;
  const result: ThreadResult = loaded.ok ? await services.pool.parse({ name: job.name, bytes: loaded.bytes, options: job.options, action }) : loaded;
  if (result.ok && "split" in result) {
    await services.addFlow(buildPageFlow(services.queueName, job, result.split.ocrPages, retry));
    return { sha256: job.sha256, ok: true, code: null, pages: result.split.pages, ms: Date.now() - started, split: result.split.ocrPages.length };
  }
  if (!result.ok && !isFinalFailure(result.code)) throw new Error(`${result.code}: ${result.message}`);
  if (result.ok && !("json" in result)) throw new Error(`internal: ${job.name}: the thread returned no record`);
  await services.store.save({ sha256: job.sha256, name: job.name, ...result }); // rejects when the store is unreachable: retried
  if (!result.ok) throw services.final(`${result.code}: ${result.message}`);
  return { sha256: job.sha256, ok: true, code: null, pages: result.pages, ms: Date.now() - started };
}
