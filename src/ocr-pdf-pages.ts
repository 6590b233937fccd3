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

/** The input's bytes (read as `parse` reads a path); anything but a PDF is refused. */
async function readPdfBytes(input: Uint8Array | ArrayBuffer | string, opts: ResolvedParseOptions): Promise<Uint8Array> {
  let bytes: Uint8Array;
  if (typeof input === "string") bytes = await readInput(input, opts.maxBytes, undefined);
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else if (input instanceof Uint8Array) bytes = Buffer.isBuffer(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : input;
  else throw new VanbanError("invalid_options", "Pass a file path, a Uint8Array or an ArrayBuffer.");
  if (sniffFormat(bytes) !== "pdf") throw new VanbanError("unsupported_format", `${typeof input === "string" ? input : "The input"} is not a PDF: only PDF pages are OCR'd one by one.`);
  return bytes;
}
