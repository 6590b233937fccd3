import { readFile } from "node:fs/promises";
import { isFinalFailure } from "./classify-failure.js";
import { FetchInputError, fetchBytes } from "./fetch-input.js";
import { hashBytes } from "./hash-bytes.js";
import { ParseJobSchema, type ParseJob, type ParseJobResult } from "./job-payload.js";
import type { ParsePool } from "./parse-pool.js";
import type { ThreadResult } from "./parse-thread.js";
import type { RecordStore } from "./record-store.js";

/** A failure that retrying cannot fix: the job fails at once with this code (BullMQ's UnrecoverableError). */
export type MakeFinalError = (message: string) => Error;

type Failure = ThreadResult & { ok: false };

/**
 * Runs one job: read the file (or fetch the URL), check it is still the content that was
 * enqueued, parse it on a thread, save the outcome. Input errors are saved as an error entry
 * and fail the job once (`final`); transient ones (unreachable store, crashed thread, missing
 * mount, HTTP errors) throw a plain Error, "<code>: <message>", so BullMQ retries with backoff.
 */
export async function processJob(data: unknown, pool: ParsePool, store: RecordStore, final: MakeFinalError): Promise<ParseJobResult> {
  const started = Date.now();
  const checked = ParseJobSchema.safeParse(data);
  if (!checked.success) throw final(`invalid_job: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const job = checked.data;
  const loaded = await loadBytes(job);
  let result: ThreadResult;
  if (!(loaded instanceof Uint8Array)) result = loaded;
  else if (hashBytes(loaded) !== job.sha256) result = { ok: false, code: "input_changed", message: `${job.path ?? job.name} changed after it was added to the queue; add it again.` };
  else result = await pool.parse({ name: job.name, bytes: loaded, options: job.options });
  if (!result.ok && !isFinalFailure(result.code)) throw new Error(`${result.code}: ${result.message}`);
  await store.save({ sha256: job.sha256, name: job.name, ...result }); // rejects when the store is unreachable: retried
  if (!result.ok) throw final(`${result.code}: ${result.message}`);
  return { sha256: job.sha256, ok: true, code: null, pages: result.pages, ms: Date.now() - started };
}

/** The job's bytes, or why they cannot be had (transient failures come back as such and are retried). */
async function loadBytes(job: ParseJob): Promise<Uint8Array | Failure> {
  if (job.url !== undefined) {
    try {
      return await fetchBytes(job.url, job.options.maxBytes);
    } catch (error) {
      if (error instanceof FetchInputError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  }
  try {
    return new Uint8Array(await readFile(job.path!)); // its own buffer: it is transferred to the parse thread
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "ENOTDIR") {
      return { ok: false, code: "not_found", message: `${job.path} cannot be read on this worker (is the shared folder mounted?)` };
    }
    throw error;
  }
}
