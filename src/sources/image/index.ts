import { unwrapLines, type SourceDocument } from "../../blocks/index.js";
import type { Warning } from "../../schema/span.js";
import type { ResolvedParseOptions } from "../../schema/options.js";
import { checkImageStructure } from "./check-image.js";

/**
 * Reads a scanned image file (ảnh quét: PNG, JPEG, multi-page TIFF) with OCR, through the same
 * recognition as scanned PDF pages: one page per image (per TIFF directory). Without the
 * optional OCR packages, or with `ocr: "never"`, the record is empty but for a warning.
 */
export async function readImage(data: Uint8Array, options: ResolvedParseOptions): Promise<SourceDocument> {
  checkImageStructure(data, options.name ?? null);
  const warnings: Warning[] = [];
  const empty: SourceDocument = { format: "image", blocks: [], pages: null, warnings, ocr: null };
  if (options.ocr === "never") {
    warnings.push({ code: "ocr_unavailable", message: "The input is an image and OCR is off (ocr: \"never\"): no text was read." });
    return empty;
  }
  let ocr: typeof import("../ocr/index.js");
  try {
    ocr = await import("../ocr/index.js");
  } catch (error) {
    warnings.push({ code: "ocr_unavailable", message: `The OCR module could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
    return empty;
  }
  const result = await ocr.recognizeImagePages(data, { language: options.ocrLanguage, maxPages: options.maxPages ?? undefined });
  if ("unavailable" in result) {
    warnings.push({ code: "ocr_unavailable", message: result.unavailable });
    return empty;
  }
  warnings.push(...result.warnings);
  const pages = result.pages;
  const known = pages.map((p) => p.confidence).filter((c): c is number => c !== null);
  const meanConfidence = known.length > 0 ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10 : null;
  return {
    format: "image",
    blocks: unwrapLines(pages.flatMap((p) => p.lines.map((line) => ({ ...line, page: line.page ?? p.page })))),
    pages: pages.length || null,
    warnings,
    ocr: { pages: pages.map((p) => p.page), meanConfidence, engine: result.engine },
  };
}
