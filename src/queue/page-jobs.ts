import type { FlowJob, Job, JobsOptions } from "bullmq";
import { PageOcrSchema } from "../schema/page-ocr.js";
import { AssembleJobSchema, JOB_NAMES, PageJobSchema, assembleJobId, pageJobId, type ParseJob, type PageJobResult, type ParseJobResult } from "./job-payload.js";
import { loadJobBytes } from "./load-job-bytes.js";
import type { JobServices } from "./process-job.js";

/**
 * A long scan as many jobs (BullMQ flow): one `ocr-page` job per page to OCR, spread over every
 * worker, and their parent `assemble`, which BullMQ releases once every page is read and which
 * makes the record from those readings. Ids come from the content hash, so the flow of one
 * document is added once however often its `parse` job runs.
 */
export function buildPageFlow(queueName: string, job: ParseJob, pages: readonly number[], retry: Pick<JobsOptions, "attempts" | "backoff">): FlowJob {
  return {
    name: JOB_NAMES.assemble,
    queueName,
    data: AssembleJobSchema.parse({ ...job, pages: [...pages] }),
    // The pages' readings (a few KB each) sit in Redis under this job until it is done: then drop them.
    opts: { jobId: assembleJobId(job.sha256), ...retry, removeOnComplete: true, removeOnFail: false },
    children: pages.map((page) => ({
      name: JOB_NAMES.page,
      queueName,
      data: PageJobSchema.parse({ ...job, page }),
      // A page that fails for good releases the assembly at once, which then fails with its page number.
      opts: { jobId: pageJobId(job.sha256, page), ...retry, continueParentOnFailure: true, removeOnComplete: true, removeOnFail: false },
    })),
  };
}

/** One page job: read the document, OCR the page on a thread, return the reading (kept for the assembly). */
export async function processPageJob(data: unknown, services: JobServices): Promise<PageJobResult> {
  const started = Date.now();
  const checked = PageJobSchema.safeParse(data);
  if (!checked.success) throw services.final(`invalid_job: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const job = checked.data;
  const bytes = await loadJobBytes(job);
  const result = bytes.ok ? await services.pool.parse({ name: job.name, bytes: bytes.bytes, options: job.options, action: { kind: "ocr", page: job.page } }) : bytes;
  if (!result.ok) throw services.fail(result.code, result.message);
  if (!("page" in result)) throw new Error(`internal: page ${job.page}: the thread returned no page`);
  return { sha256: job.sha256, page: job.page, ocr: result.page, ms: Date.now() - started };
}

/**
 * The assembly: once every page job is done, parse the document with their readings (no OCR
 * here) and save one record, the one a single worker would have made. A page that failed for
 * good fails the document: an error entry `ocr_failed` naming the page, and no retry. Put back
 * by hand (`queue retry-failed`), the assembly reads the missing pages itself.
 */
export async function processAssembleJob(bullJob: Job, services: JobServices): Promise<ParseJobResult> {
  const started = Date.now();
  const checked = AssembleJobSchema.safeParse(bullJob.data);
  if (!checked.success) throw services.final(`invalid_job: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const job = checked.data;
  const failures = Object.entries(await bullJob.getIgnoredChildrenFailures()).map(([key, reason]) => ({ page: pageOfKey(key), reason }));
  // Run again after failing (`queue retry-failed`): the pages without a reading are OCR'd here.
  if (failures.length > 0 && bullJob.attemptsMade === 0) {
    failures.sort((a, b) => a.page - b.page);
    const message = `page ${failures[0].page}: ${failures[0].reason}`;
    await services.store.save({ sha256: job.sha256, name: job.name, ok: false, code: "ocr_failed", message });
    throw services.final(`ocr_failed: ${message}`);
  }
  const values = Object.values(await bullJob.getChildrenValues<PageJobResult>());
  const pageOcr = values.map((v) => PageOcrSchema.parse(v.ocr));
  const bytes = await loadJobBytes(job);
  const result = bytes.ok ? await services.pool.parse({ name: job.name, bytes: bytes.bytes, options: job.options, action: { kind: "parse", pageOcr } }) : bytes;
  if (!result.ok) {
    const error = services.fail(result.code, result.message);
    if (!services.isFinal(result.code)) throw error;
    await services.store.save({ sha256: job.sha256, name: job.name, ok: false, code: result.code, message: result.message });
    throw error;
  }
  if (!("json" in result)) throw new Error(`internal: ${job.name}: the thread returned no record`);
  await services.store.save({ sha256: job.sha256, name: job.name, ...result }); // rejects when the store is unreachable: retried
  return { sha256: job.sha256, ok: true, code: null, pages: result.pages, ms: Date.now() - started };
}

/** The page of a child job's key (`bull:<queue>:ocr-<sha256>-<page>`). */
function pageOfKey(key: string): number {
  return Number(/-(?<page>\d+)$/u.exec(key)?.groups?.page ?? 0);
}
