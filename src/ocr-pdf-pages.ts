import { sniffFormat } from "./detect-format.js";
import { VanbanError } from "./errors.js";
import { readInput } from "./parse.js";
import type { ParseOptions, ResolvedParseOptions } from "./schema/options.js";
import type { PageOcr } from "./schema/page-ocr.js";
import type { Warning } from "./schema/span.js";

/**
 * OCR of a long scan in pieces (nhận dạng từng trang): `findOcrPages` says which pages of a PDF
 * need OCR, `ocrPdfPages` reads some of them (anywhere: another thread, another machine), and
 * `parse(pdf, { pageOcr })` assembles the record from those readings without running OCR again.
 * The record is the one a single `parse` gives.
 */

/**
 * The pages `parse` would send to OCR with these options, and the page count. It reads every
 * page's text layer: about as long as parsing a born-digital PDF, a fraction of one page's OCR.
 */
export async function findOcrPages(input: Uint8Array | ArrayBuffer | string, options?: ParseOptions): Promise<{ pages: number; ocrPages: number[] }> {
  const opts = await resolve(options);
  const bytes = await readPdfBytes(input, opts);
  const { findOcrPages: find } = await import("./sources/pdf/index.js");
  return find(bytes, opts);
}

/** The page count a PDF declares, from opening it only: cheap, to decide whether `findOcrPages` is worth its cost. */
export async function countPdfPages(input: Uint8Array | ArrayBuffer | string, options?: ParseOptions): Promise<number> {
  const opts = await resolve(options);
  const bytes = await readPdfBytes(input, opts);
  const { countPdfPages: count } = await import("./sources/pdf/index.js");
  return count(bytes, opts);
}

/** Pages whose text layer is read first to tell a scan from a born-digital PDF. */
const PROBE_PAGES = 3;

/**
 * The pages of a PDF worth OCR'ing in pieces, when there are more than `threshold` of them; else
 * null (parse it whole). Reading the text layer costs about a parse of it, so only a PDF with
 * more pages than `threshold` whose first pages need OCR is read through (a scan's empty text
 * layer reads fast; a born-digital PDF stops after its first pages). Anything
 * but a PDF, or `ocr: "never"`, gives null. A plan that misses pages costs time, never the
 * record: `parse` OCRs whatever `pageOcr` lacks.
 */
export async function planOcrPages(input: Uint8Array | ArrayBuffer | string, options: ParseOptions | undefined, threshold: number): Promise<{ pages: number; ocrPages: number[] } | null> {
  const opts = await resolve(options);
  if (opts.ocr === "never") return null;
  const bytes = await readBytes(input, opts);
  if (sniffFormat(bytes) !== "pdf") return null;
  // The probe reads the first pages and tells the page count: one opening of the document.
  const probe = await findOcrPages(bytes, { ...options, maxPages: Math.min(PROBE_PAGES, opts.maxPages ?? PROBE_PAGES) });
  if (probe.pages <= threshold || probe.ocrPages.length === 0) return null;
  const plan = probe.pages <= PROBE_PAGES ? probe : await findOcrPages(bytes, options);
  return plan.ocrPages.length > threshold ? plan : null;
}

/**
 * OCRs the given 1-based pages of a PDF (`ocrLanguage` as for `parse`; `password` for an encrypted
 * one). Each page comes back as plain JSON (`PageOcr`), ready for `parse`'s `pageOcr`.
 * A page missing from `pages` could not be read: `warnings` says why (`ocr_unavailable` when the
 * OCR packages are missing, `ocr_failed` for a page not in the document).
 */
export async function ocrPdfPages(
  input: Uint8Array | ArrayBuffer | string,
  pages: readonly number[],
  options?: ParseOptions,
): Promise<{ pages: PageOcr[]; warnings: Warning[] }> {
  const opts = await resolve(options);
  const bytes = await readPdfBytes(input, opts);
  const ocr = await import("./sources/ocr/index.js");
  const result = await ocr.recognizePdfPages(bytes, [...pages], { language: opts.ocrLanguage, password: opts.password });
  if ("unavailable" in result) return { pages: [], warnings: [{ code: "ocr_unavailable", message: result.unavailable, pages: [...pages] }] };
  return ocr.splitOcrResult(result);
}

async function resolve(options: ParseOptions | undefined): Promise<ResolvedParseOptions> {
  const { resolveOptions } = await import("./resolve-options.js");
  return resolveOptions(options);
}

/** The input's bytes, read as `parse` reads a path. */
async function readBytes(input: Uint8Array | ArrayBuffer | string, opts: ResolvedParseOptions): Promise<Uint8Array> {
  if (typeof input === "string") return readInput(input, opts.maxBytes, undefined);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (input instanceof Uint8Array) return Buffer.isBuffer(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : input;
  throw new VanbanError("invalid_options", "Pass a file path, a Uint8Array or an ArrayBuffer.");
}

/** The input's bytes (read as `parse` reads a path); anything but a PDF is refused. */
async function readPdfBytes(input: Uint8Array | ArrayBuffer | string, opts: ResolvedParseOptions): Promise<Uint8Array> {
  const bytes = await readBytes(input, opts);
  if (sniffFormat(bytes) !== "pdf") throw new VanbanError("unsupported_format", `${typeof input === "string" ? input : "The input"} is not a PDF: only PDF pages are OCR'd one by one.`);
  return bytes;
}
