import type { VanBanDocument } from "../index.js";
import type { TextRun } from "./pdf-text-runs.js";

/**
 * Text runs of the pages read by OCR, straight from the record's `lineBoxes`: no text layer to
 * align there, and no need to read the page again. A line's characters are spread evenly over
 * its box, as a PDF text item's are.
 */
export function lineBoxRuns(record: VanBanDocument): TextRun[] {
  return (record.lineBoxes ?? []).flatMap((line) =>
    line.span.page === undefined ? [] : [{ start: line.span.start, end: line.span.end, page: line.span.page, x: line.box.x, y: line.box.y, w: line.box.w, h: line.box.h }],
  );
}
