import { z } from "zod";
import { WarningSchema } from "./span.js";

/**
 * Nhận dạng một trang: one PDF page as OCR read it — the lines in reading order (text, page,
 * gaps, style, zone, and the line's box and corrections as marks), its confidence and its own
 * warnings. Plain JSON of a few KB, so a page can be read on one machine (`ocrPdfPages`) and the
 * document assembled on another (`parse(…, { pageOcr })`), with the same record as one `parse`.
 */
export const PageOcrSchema = z
  .looseObject({
    page: z.number().int().positive().describe("1-based page number."),
    engine: z.string().describe('The OCR engine that read it: "tesseract.js 6.0.1 (vie)".'),
    // The OCR reader's lines (SourceLine), checked only for what every line has: they go back to
    // the reader that made them, and new fields added there must pass through unchanged.
    lines: z.array(z.looseObject({ text: z.string() })).describe("The page's lines as the OCR reader built them."),
    confidence: z.number().min(0).max(100).nullable().describe("Mean word confidence 0–100; null when nothing was read."),
    lowConfidenceLines: z.number().int().nonnegative().describe("Lines read with confidence under the low-confidence threshold."),
    warnings: z.array(WarningSchema).describe("This page's warnings (`ocr_corrected`, `ocr_failed`)."),
  })
  .meta({ id: "PageOcr" });
export type PageOcr = z.infer<typeof PageOcrSchema>;
