import type { PdfLine } from "../types.js";
import { SEGMENT_GAP } from "./line-segments.js";

/** Lines with such a gap a page needs before its drawing is read for table rules. */
const MIN_SPLIT_LINES = 1;

/**
 * Whether a page's text looks like it may sit in a table (bảng): some lines hold runs far apart
 * on one baseline (cells side by side: a gap of `SEGMENT_GAP` font sizes, as the borderless
 * tables' segments are cut). Reading the page's drawing operators costs about as much
 * as reading its text, so pages of running text skip it.
 */
export function mayHoldTable(lines: PdfLine[]): boolean {
  let split = 0;
  for (const line of lines) {
    if (line.role) continue;
    let prevEnd = Infinity;
    for (const run of line.runs) {
      if (run.space) continue;
      if (run.x - prevEnd > line.size * SEGMENT_GAP) {
        if (++split >= MIN_SPLIT_LINES) return true;
        break;
      }
      prevEnd = run.x + run.width;
    }
  }
  return false;
}
