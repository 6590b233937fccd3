import { z } from "zod";

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

/**
 * One document to parse. The job id is `sha256`, so adding the same content twice is one job
 * and one record. Exactly one of `path` (absolute: every worker must see it, a shared mount)
 * and `url` (http or https, fetched by the worker).
 */
export const ParseJobSchema = z
  .strictObject({
    path: z.string().startsWith("/").optional(),
    url: z.string().regex(/^https?:\/\//iu, "an http(s) URL").optional(),
    name: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/u),
    options: JobParseOptionsSchema,
  })
  .refine((job) => (job.path === undefined) !== (job.url === undefined), "a job has exactly one of path and url");
export type ParseJob = z.infer<typeof ParseJobSchema>;

/** What a finished job keeps in Redis: small, the record itself lives in the store. */
export interface ParseJobResult {
  sha256: string;
  ok: boolean;
  code: string | null;
  pages: number | null;
  ms: number;
}
