import type { Warning } from "../../schema/span.js";
import type { SourceLine } from "../../blocks/index.js";

export interface OcrOutcome {
  engine: string;
  pages: Map<number, SourceLine[]>;
  confidences: Array<number | null>;
  warnings: Warning[];
}

/**
 * Sends pages to the OCR module, imported only now: a PDF with a good text layer, or `ocr:
 * "never"`, never loads it. A missing module or engine is a warning, not a failure.
 */
export async function recognizePages(
  data: Uint8Array,
  pages: number[],
  options: { language: string; password?: string },
): Promise<OcrOutcome | { unavailable: string }> {
  let ocr: typeof import("../ocr/index.js");
  try {
    ocr = await import("../ocr/index.js");
  } catch (error) {
    return { unavailable: `The OCR module could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
  }
  // recognizePdfPages turns what the OCR packages cannot do into warnings; anything else is a bug.
  const result = await ocr.recognizePdfPages(data, pages, options);
  if ("unavailable" in result) return result;
  const byPage = new Map<number, SourceLine[]>();
  for (const p of result.pages) byPage.set(p.page, p.lines);
  return {
    engine: result.engine,
    pages: byPage,
    confidences: result.pages.map((p) => p.confidence),
    warnings: result.warnings ?? [],
  };
}
