import { z } from "zod";
import type { PageOcr } from "../schema/page-ocr.js";

/** Name of the BullMQ queue (and its Redis key prefix) unless --queue says otherwise. */
export const DEFAULT_QUEUE_NAME = "vanban";

/** Parse options carried by a job: what `vanban queue add` was told, applied by every worker alike. */
export const JobParseOptionsSchema = z.strictObject({
  format: z.enum(["auto", "pdf", "docx", "doc", "markdown", "text"]),
  ocr: z.enum(["auto", "always", "never"]),
  ocrLanguage: z.string().regex(/^[a-z_]{3,10}(?:\+[a-z_]{3,10})*$/u),
  maxPages: z.number().int().positive().nullable(),
  maxBytes: z.number().int().positive(),
});
export type JobParseOptions = z.infer<typeof JobParseOptionsSchema>;

/** Where a job's document is and what it is: exactly one of `path` and `url`. */
const JOB_INPUT = {
  path: z.string().startsWith("/").optional(),
  url: z.string().regex(/^https?:\/\//iu, "an http(s) URL").optional(),
  name: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  options: JobParseOptionsSchema,
};
const hasOneSource = (job: { path?: string; url?: string }): boolean => (job.path === undefined) !== (job.url === undefined);
const ONE_SOURCE = "a job has exactly one of path and url";

/**
 * One document to parse. The job id is `sha256`, so adding the same content twice is one job
 * and one record. Exactly one of `path` (absolute: every worker must see it, a shared mount)
 * and `url` (http or https, fetched by the worker).
 */
export const ParseJobSchema = z.strictObject(JOB_INPUT).refine(hasOneSource, ONE_SOURCE);
export type ParseJob = z.infer<typeof ParseJobSchema>;

/** OCR of one page of a long scan (job `ocr-<sha256>-<page>`, a child of the document's assembly). */
export const PageJobSchema = z.strictObject({ ...JOB_INPUT, page: z.number().int().positive() }).refine(hasOneSource, ONE_SOURCE);
export type PageJob = z.infer<typeof PageJobSchema>;

/** The record of a long scan from its pages' OCR (job `assemble-<sha256>`, parent of the page jobs). */
export const AssembleJobSchema = z.strictObject({ ...JOB_INPUT, pages: z.array(z.number().int().positive()).min(1) }).refine(hasOneSource, ONE_SOURCE);
export type AssembleJob = z.infer<typeof AssembleJobSchema>;

/**
 * Job names: a document is `parse`; a long scan's `parse` job adds one `ocr-page` job per page
 * to OCR and their parent `assemble`, which makes the record once every page is read.
 */
export const JOB_NAMES = { parse: "parse", page: "ocr-page", assemble: "assemble" } as const;

/**
 * Ids of a long scan's jobs, from the content hash: adding the flow twice adds nothing. Dashes,
 * not colons: BullMQ refuses a custom id with a colon (it separates the parts of its keys).
 */
export const pageJobId = (sha256: string, page: number): string => `ocr-${sha256}-${page}`;
export const assembleJobId = (sha256: string): string => `assemble-${sha256}`;

/** A page job's return value, kept in Redis (with its parent) until the assembly has read it. */
export interface PageJobResult {
  sha256: string;
  page: number;
  ocr: PageOcr;
  ms: number;
}

/** What a finished job keeps in Redis: small, the record itself lives in the store. */
export interface ParseJobResult {
  sha256: string;
  ok: boolean;
  code: string | null;
  pages: number | null;
  ms: number;
  /** A long scan handed to page jobs: how many pages they OCR (the record comes from the assembly). */
  split?: number;
}
