import type { SourceLine } from "../../blocks/index.js";
import { VanbanError } from "../../errors.js";
import type { Warning } from "../../schema/span.js";
import type { OcrCorrection } from "./clean-ocr.js";
import { buildOcrLines, type OcrPageInput, type ZoneReadings } from "./ocr-lines.js";
import type { OcrBox } from "./ocr-segments.js";
import { lowConfidenceWarning } from "./page-ocr.js";
import { loadSyllableModel } from "./syllable-model.js";
import { ImageDecodeError, openImageRenderer } from "./decode-image.js";
import { openPdfRenderer, type CanvasModule, type PageImage, type PdfPageRenderer } from "./render-page.js";
import { acquireOcrEngine, checkOcrAvailability, importOptional, type ImportModule, type OcrEngine, type OcrRecognition } from "./tesseract-worker.js";

/**
 * OCR of PDF pages without a usable text layer (nhận dạng ký tự quang học). Everything heavy
 * (tesseract.js, its Vietnamese model, @napi-rs/canvas) is an optional dependency imported
 * lazily: when one is missing the caller gets `{ unavailable }` with how to install it.
 * Import this module lazily too (`await import(...)`): the text path never loads it.
 */

export { cleanOcrText, isStrayEdgeWord, isStrayLine, LOW_CONFIDENCE } from "./clean-ocr.js";
export type { CleanedText, OcrCorrection } from "./clean-ocr.js";
export { buildOcrLines } from "./ocr-lines.js";
export { combinePageOcr, splitOcrResult } from "./page-ocr.js";
export type { OcrBlock, OcrPageInput, OcrPageLines } from "./ocr-lines.js";
export { terminateOcr } from "./tesseract-worker.js";
export type { ImportModule } from "./tesseract-worker.js";

export interface OcrPage {
  page: number;
  lines: SourceLine[];
  /** Mean word confidence 0–100; null when nothing was read. */
  confidence: number | null;
  /** Lines read with confidence under LOW_CONFIDENCE (the result's `ocr_low_confidence` sums them). */
  lowConfidenceLines?: number;
}

export interface OcrResult {
  /** "tesseract.js 6.0.1 (vie)". */
  engine: string;
  pages: OcrPage[];
  /** `ocr_corrected`, `ocr_low_confidence`, `ocr_failed`: pass them on to the record. */
  warnings: Warning[];
}

export interface RecognizeOptions {
  /** Tesseract language code(s): "vie", "vie+eng". */
  language: string;
  /** Password of an encrypted PDF. */
  password?: string;
  /** Images: read only the first pages. */
  maxPages?: number;
  /** For tests: how optional packages are imported. */
  importModule?: ImportModule;
}

/** True when tesseract.js, the Vietnamese model and @napi-rs/canvas can be loaded. */
export async function isOcrAvailable(language = "vie"): Promise<boolean> {
  return (await checkOcrAvailability(language)) === null;
}

/**
 * OCRs the given 1-based pages of a PDF, one after the other with the thread's single worker
 * (the next page renders while the current one is read). Lines come in reading order with
 * page, gaps, font size, indent and alignment; the first page's header and the closing come
 * column by column. Never throws for content: a page that fails gets an `ocr_failed` warning.
 */
export async function recognizePdfPages(
  data: Uint8Array,
  pages: number[],
  options: RecognizeOptions,
): Promise<OcrResult | { unavailable: string }> {
  const prepared = await prepareOcr(options);
  if ("unavailable" in prepared) return prepared;
  const { importModule, canvas, acquired } = prepared;
  let renderer: PdfPageRenderer;
  try {
    renderer = await openPdfRenderer(data, canvas, options.password);
  } catch (error) {
    return { engine: acquired.name, pages: [], warnings: [{ code: "ocr_failed", message: `The PDF could not be rendered for OCR: ${errorMessage(error)}`, pages: [...pages] }] };
  }
  return recognizeRendered(renderer, pages, acquired, options.language, importModule);
}

/** The optional OCR packages loaded and an engine acquired, or why they cannot be. */
async function prepareOcr(
  options: RecognizeOptions,
): Promise<{ importModule: ImportModule; canvas: CanvasModule; acquired: Exclude<Awaited<ReturnType<typeof acquireOcrEngine>>, { unavailable: string }> } | { unavailable: string }> {
  const importModule = options.importModule ?? importOptional;
  const missing = await checkOcrAvailability(options.language, importModule);
  if (missing) return { unavailable: missing };
  const canvasModule = (await importModule("@napi-rs/canvas")) as Partial<CanvasModule> & { default?: CanvasModule };
  const canvas: CanvasModule = typeof canvasModule.createCanvas === "function" ? (canvasModule as CanvasModule) : canvasModule.default!;
  const acquired = await acquireOcrEngine(options.language, importModule);
  if ("unavailable" in acquired) return acquired;
  return { importModule, canvas, acquired };
}

/**
 * OCRs the pages of an image file (PNG, JPEG, multi-page TIFF): decoded to the same page images
 * as rendered PDF pages, then read the same way. The pages are all of the file's.
 */
export async function recognizeImagePages(data: Uint8Array, options: RecognizeOptions): Promise<OcrResult | { unavailable: string }> {
  const prepared = await prepareOcr(options);
  if ("unavailable" in prepared) return prepared;
  const { importModule, canvas, acquired } = prepared;
  let renderer: PdfPageRenderer;
  try {
    renderer = await openImageRenderer(data, canvas);
  } catch (error) {
    if (!(error instanceof ImageDecodeError)) throw error;
    // An image file no decoder can read is unreadable input, not a page OCR failed on.
    throw new VanbanError("corrupt", `The image could not be decoded: ${error.message}`, { cause: error });
  }
  const count = options.maxPages ? Math.min(options.maxPages, renderer.pageCount) : renderer.pageCount;
  const all = Array.from({ length: count }, (_, i) => i + 1);
  return recognizeRendered(renderer, all, acquired, options.language, importModule);
}

/** Reads rendered pages one after the other (the next renders while Tesseract reads one). */
async function recognizeRendered(renderer: PdfPageRenderer, pages: number[], first: OcrEngine, language: string, importModule: ImportModule): Promise<OcrResult> {
  let engine = first;
  const warnings: Warning[] = [];
  const model = loadSyllableModel();
  const result: OcrResult = { engine: engine.name, pages: [], warnings };
  try {
    const wanted = [...new Set(pages)].sort((a, b) => a - b);
    const valid = wanted.filter((p) => Number.isInteger(p) && p >= 1 && p <= renderer.pageCount);
    if (valid.length < wanted.length) {
      const bad = wanted.filter((p) => !valid.includes(p));
      warnings.push({ code: "ocr_failed", message: `Pages ${bad.join(", ")} are not in the document (${renderer.pageCount} pages).` });
    }
    const lowPages: number[] = [];
    let lowLines = 0;
    const render = (page: number) => renderer.render(page).then((image): PageImage | Error => image, (e: unknown) => asError(e));
    let next = valid.length ? render(valid[0]) : null;
    for (let i = 0; i < valid.length; i++) {
      const page = valid[i];
      const image = await next!;
      // Render the next page while Tesseract (in its own thread) reads this one.
      next = i + 1 < valid.length ? render(valid[i + 1]) : null;
      if (image instanceof Error) {
        warnings.push({ code: "ocr_failed", message: `Page ${page} could not be rendered for OCR: ${image.message}`, page });
        result.pages.push({ page, lines: [], confidence: null });
        continue;
      }
      let recognition;
      try {
        // Seals and arrival stamps faded out before the first reading: read into the header, their
        // print and frame garble the Số line and the trích yếu beside them.
        recognition = await engine.recognize((zonesOff() ? null : image.sealFreeImage) ?? image.image, image.dpi);
      } catch (error) {
        warnings.push({ code: "ocr_failed", message: `OCR failed on page ${page}: ${errorMessage(error)}`, page });
        result.pages.push({ page, lines: [], confidence: null });
        // The worker was restarted; later pages use the new one.
        const again = await acquireOcrEngine(language, importModule);
        if ("unavailable" in again) {
          const rest = valid.slice(i + 1);
          if (rest.length) warnings.push({ code: "ocr_failed", message: `OCR stopped: ${again.unavailable}`, pages: rest });
          break;
        }
        engine = again;
        continue;
      }
      let input: OcrPageInput = { page, width: image.width, height: image.height, dpi: image.dpi, blocks: recognition.blocks ?? [], findHeader: page === 1, model };
      let built = buildOcrLines(input);
      // Layout before recognition: the page reading found the header's columns and the title
      // block; each is read again alone, as one block, seals faded out.
      const zones = await readZones(engine, image, built.zoneRegions);
      if (zones.failure) {
        warnings.push({ code: "ocr_failed", message: `Reading the header zones of page ${page} again failed (${errorMessage(zones.failure)}); the page reading is kept there.`, page });
        const fresh = await acquireOcrEngine(language, importModule);
        if (!("unavailable" in fresh)) engine = fresh;
      }
      if (zones.readings) {
        input = { ...input, zoneBlocks: zones.readings };
        built = buildOcrLines(input);
      }
      if (built.signatureRegion) {
        // A seal stamped over the signer's title and name hides them from the page-wide
        // layout analysis: read the signature column again, alone, seal faded out.
        let again: OcrRecognition | null = null;
        try {
          again = await engine.recognize(image.redImage ?? image.image, image.dpi, built.signatureRegion);
        } catch (error) {
          // Keep the first reading; the worker was restarted for the next page.
          warnings.push({ code: "ocr_failed", message: `Reading the signature column of page ${page} again failed (${errorMessage(error)}); the first reading is kept.`, page });
          const fresh = await acquireOcrEngine(language, importModule);
          if (!("unavailable" in fresh)) engine = fresh;
        }
        if (again) {
          const rebuilt = buildOcrLines({ ...input, signatureBlocks: again.blocks ?? [] });
          if (rebuilt.signatureScore > built.signatureScore) built = rebuilt;
        }
      }
      result.pages.push({ page, lines: built.lines, confidence: built.confidence, lowConfidenceLines: built.lowConfidenceLines });
      warnings.push(...correctionWarnings(built.corrections, page));
      if (built.lowConfidenceLines > 0) {
        lowPages.push(page);
        lowLines += built.lowConfidenceLines;
      }
    }
    if (lowPages.length) warnings.push(lowConfidenceWarning(lowPages, lowLines));
  } finally {
    // Releasing pdfjs's memory; a failure there loses nothing that was read.
    await renderer.close().catch(() => {});
  }
  return result;
}

/**
 * `VANBAN_OCR_ZONES=off` reads pages as before issue 14's layout work (seals kept, no zone read
 * again), to measure what it brings (scripts/score-scan-fields.ts) and what it costs.
 */
function zonesOff(): boolean {
  return process.env.VANBAN_OCR_ZONES === "off";
}

/**
 * Reads each zone rectangle on its own in "block" mode (the layout is known: one uniform block
 * of text), on the image with the seals faded out, all in one call (one process for the
 * system's Tesseract). A failure keeps none of them (the worker was restarted).
 */
async function readZones(engine: OcrEngine, image: PageImage, regions: ZoneReadings<OcrBox>): Promise<{ readings: ZoneReadings | null; failure: Error | null }> {
  if (zonesOff()) return { readings: null, failure: null };
  const keys = (["headerLeft", "headerRight", "title"] as const).filter((key) => regions[key]);
  if (keys.length === 0) return { readings: null, failure: null };
  try {
    const read = await engine.recognizeRegions(image.sealFreeImage ?? image.image, image.dpi, keys.map((key) => regions[key]!), "block");
    const readings: ZoneReadings = {};
    keys.forEach((key, i) => (readings[key] = read[i].blocks ?? []));
    return { readings, failure: null };
  } catch (error) {
    return { readings: null, failure: asError(error) };
  }
}

/** One warning per correction; stray marks removed from a page are listed in one warning. */
function correctionWarnings(corrections: OcrCorrection[], page: number): Warning[] {
  const warnings: Warning[] = [];
  const stray = corrections.filter((c) => c.reason === "stray_mark");
  for (const c of corrections) {
    if (c.reason === "stray_mark") continue;
    warnings.push({ code: "ocr_corrected", message: `OCR text "${c.from}" corrected to "${c.to}" (${describe(c.reason)}).`, page });
  }
  if (stray.length) {
    const marks = stray.map((c) => JSON.stringify(c.from)).join(", ");
    warnings.push({ code: "ocr_corrected", message: `Removed ${stray.length} stray mark${stray.length > 1 ? "s" : ""} read with low confidence (stamp or signature): ${marks}.`, page });
  }
  return warnings;
}

function describe(reason: OcrCorrection["reason"]): string {
  switch (reason) {
    case "number_symbol_gap":
      return "gap between number and ký hiệu";
    case "digit_confusion":
      return "letter read for a digit";
    case "so_line_case":
      return "Số line";
    case "stray_mark":
      return "stray mark";
    case "signer_rank":
      return "rank before the signer's name";
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function errorMessage(error: unknown): string {
  return asError(error).message;
}
