import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { hashBytes } from "./hash-bytes.js";
import { hashUrl, nameOfUrl } from "./fetch-input.js";
import { ParseJobSchema, type JobParseOptions, type ParseJob } from "./job-payload.js";
import { withQueue } from "./queue-admin.js";

export interface AddOptions {
  redis: string;
  queue: string;
  options: JobParseOptions;
  /** Tries per job for transient failures (input errors fail on the first). */
  attempts: number;
  /** First retry after this long, doubling each time. */
  backoffMs: number;
}

/** A file (any path: stored absolute) or an http(s) URL (hashed by streaming its body once). */
export type QueueInput = { path: string; name: string } | { url: string };

export interface AddedFile {
  name: string;
  sha256: string;
  /** False when a job for the same content was already in the queue (any state): nothing added. */
  added: boolean;
}

/**
 * One job per file, its id the sha256 of the content: BullMQ ignores an add whose id exists,
 * so the same bytes added twice (under any name, from any machine) are one job. Finished jobs
 * are kept (small: the record is in the store) so that this holds after they ran, too.
 */
export async function addParseJobs(inputs: ReadonlyArray<QueueInput>, options: AddOptions, onAdded?: (file: AddedFile) => void): Promise<AddedFile[]> {
  return withQueue(options.redis, options.queue, async (queue) => {
    const out: AddedFile[] = [];
    for (const input of inputs) {
      const data = await describeInput(input, options.options);
      const { sha256 } = data;
      const existing = await queue.getJob(sha256);
      if (existing === undefined || existing === null) {
        await queue.add("parse", data, {
          jobId: sha256,
          attempts: options.attempts,
          backoff: { type: "exponential", delay: options.backoffMs },
          removeOnComplete: false,
          removeOnFail: false,
        });
      }
      const entry = { name: data.name, sha256, added: existing === undefined || existing === null };
      out.push(entry);
      onAdded?.(entry);
    }
    return out;
  });
}

/** The job of one input; the URL's name drops its query string (it may hold a signature). */
async function describeInput(input: QueueInput, options: JobParseOptions): Promise<ParseJob> {
  if ("url" in input) {
    const sha256 = await hashUrl(input.url, options.maxBytes);
    return ParseJobSchema.parse({ url: input.url, name: nameOfUrl(input.url), sha256, options });
  }
  const sha256 = hashBytes(await readFile(input.path));
  return ParseJobSchema.parse({ path: resolve(input.path), name: input.name, sha256, options });
}
