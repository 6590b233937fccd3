import type { SourceLine } from "../../blocks/index.js";
import type { PageOcr } from "../../schema/page-ocr.js";
import type { Warning } from "../../schema/span.js";
import { LOW_CONFIDENCE } from "./clean-ocr.js";
import type { OcrPage, OcrResult } from "./index.js";

/**
 * One OCR result cut into pages and put back together: a page read on one machine and the
 * document assembled on another must give what one reading of all pages gives, so both ways
 * build the result's warnings here, from the same per-page parts.
 */

/** The one warning that sums up the pages read with low confidence (it is not a page's own). */
export function lowConfidenceWarning(pages: number[], lines: number): Warning {
  return {
    code: "ocr_low_confidence",
    message: `${lines} OCR line${lines > 1 ? "s were" : " was"} read with confidence under ${LOW_CONFIDENCE}% (page${pages.length > 1 ? "s" : ""} ${pages.join(", ")}); check them against the page image.`,
    pages,
  };
}

/**
 * The pages of a result, each with its own warnings (those naming that page), and the warnings
 * that belong to no single page (pages not in the document, OCR stopped, the PDF not rendered).
 */
export function splitOcrResult(result: OcrResult): { pages: PageOcr[]; warnings: Warning[] } {
  const read = new Set(result.pages.map((p) => p.page));
  const own = (w: Warning): boolean => w.code !== "ocr_low_confidence" && w.page !== undefined && read.has(w.page);
  const pages = result.pages.map((p) => ({
    ...p,
    // JSON-ready: the schema checks a line's text only (its other fields pass through).
    lines: p.lines as PageOcr["lines"],
    engine: result.engine,
    lowConfidenceLines: p.lowConfidenceLines ?? 0,
    warnings: result.warnings.filter((w) => own(w) && w.page === p.page),
  }));
  const warnings = result.warnings.filter((w) => w.code !== "ocr_low_confidence" && !own(w));
  return { pages, warnings };
}

/** Pages (in any order) back into one result, as `recognizePdfPages` would have returned it. */
export function combinePageOcr(pages: readonly PageOcr[], warnings: readonly Warning[] = []): OcrResult {
  const sorted = [...pages].sort((a, b) => a.page - b.page);
  const low = sorted.filter((p) => p.lowConfidenceLines > 0);
  const lowLines = low.reduce((sum, p) => sum + p.lowConfidenceLines, 0);
  return {
    engine: sorted[0]?.engine ?? "",
    pages: sorted.map(({ engine: _engine, warnings: _warnings, ...page }): OcrPage => ({ ...page, lines: page.lines as SourceLine[] })),
    warnings: [...warnings, ...sorted.flatMap((p) => p.warnings), ...(low.length > 0 ? [lowConfidenceWarning(low.map((p) => p.page), lowLines)] : [])],
  };
}
