import { wordsOfRun } from "../run-words.js";
import type { PdfLine, PdfRun } from "../types.js";

/** A stretch of a line's text with no wide gap inside: one cell's piece of the line. */
export interface Segment {
  x0: number;
  x1: number;
  /** Its runs' text, joined by a space. */
  text: string;
}

/**
 * A gap this wide (font sizes) between two runs separates cells, not words: justified text
 * stretches word spaces to well under an em, a table's columns leave more. The same measure
 * `mayHoldTable` uses to decide whether a page's drawing is worth reading.
 */
export const SEGMENT_GAP = 1.2;
/** Spaces typed to push text along (a run holding "1    Nguyễn Văn A"): the run is cut at them. */
const TYPED_GAP = "  ";

/**
 * Cuts a line into its segments (đoạn): the runs between wide gaps, left to right. A run that
 * carries a wide gap typed as spaces is cut into its words first, so that a producer that lays a
 * table out with spaces gives the same segments as one that places each cell's text.
 */
export function splitSegments(line: PdfLine): Segment[] {
  const gap = line.size * SEGMENT_GAP;
  const out: Segment[] = [];
  for (const run of collectSolidRuns(line.runs)) {
    const last = out[out.length - 1];
    if (last && run.x - last.x1 <= gap) {
      // Runs may split a word: the text is only read for marks, where a stray space does no harm.
      last.text += ` ${run.text}`;
      last.x1 = Math.max(last.x1, run.x + run.width);
    } else out.push({ x0: run.x, x1: run.x + run.width, text: run.text });
  }
  return out;
}

function collectSolidRuns(runs: PdfRun[]): PdfRun[] {
  const out: PdfRun[] = [];
  for (const run of runs) {
    if (run.space || run.rotated) continue;
    if (run.text.trim().includes(TYPED_GAP)) out.push(...wordsOfRun(run));
    else out.push(run);
  }
  return out.sort((a, b) => a.x - b.x);
}
