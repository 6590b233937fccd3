import { z } from "zod";
import { DEFAULT_OPTIONS } from "./option-defaults.js";
import { PageOcrSchema } from "./page-ocr.js";

/** Options of `parse` and `parseText`; validated, unknown keys rejected. */
export const ParseOptionsSchema = z
  .strictObject({
    format: z
      .enum(["auto", "pdf", "docx", "doc", "markdown", "text"])
      .default(DEFAULT_OPTIONS.format)
      .describe("Force a format instead of detecting it from magic bytes and extension."),
    name: z.string().nullable().optional().describe("Source name recorded in `source.name`."),
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(DEFAULT_OPTIONS.maxBytes)
      .describe("Largest input accepted, in bytes (`too_large` above it)."),
    maxUncompressedBytes: z
      .number()
      .int()
      .positive()
      .default(DEFAULT_OPTIONS.maxUncompressedBytes)
      .describe("Cap on the inflated size of the DOCX parts read (`too_large` above it)."),
    maxPages: z.number().int().positive().nullable().default(DEFAULT_OPTIONS.maxPages).describe("Read at most this many PDF pages."),
    ocr: z.enum(["auto", "always", "never"]).default(DEFAULT_OPTIONS.ocr).describe("OCR pages without a usable text layer."),
    ocrLanguage: z
      .string()
      .regex(/^[a-z_]{3,10}(?:\+[a-z_]{3,10})*$/u, "a Tesseract language code such as `vie` or `vie+eng`")
      .default(DEFAULT_OPTIONS.ocrLanguage)
      .describe("Tesseract language(s) for OCR: `vie` (installed), or e.g. `vie+eng` after `npm install @tesseract.js-data/eng`."),
    password: z.string().optional().describe("Password of an encrypted PDF."),
    pageOcr: z
      .array(PageOcrSchema)
      .optional()
      .describe("OCR of PDF pages read beforehand (`ocrPdfPages`, e.g. on other machines): used for those pages instead of running OCR."),
    signal: z
      .custom<AbortSignal>((value) => value instanceof AbortSignal, "an AbortSignal")
      .optional()
      .describe("Aborting it stops the parse: `parse()` rejects with code `aborted`."),
    timeout: z.number().positive().optional().describe("Give up after this many milliseconds: `parse()` rejects with code `timeout`."),
  })
  .meta({ id: "ParseOptions" });
export type ParseOptions = z.input<typeof ParseOptionsSchema>;
export type ResolvedParseOptions = z.output<typeof ParseOptionsSchema>;
