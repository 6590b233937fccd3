import type { PdfRun } from "./types.js";
import { UPPER_CLASS } from "../../lexicon/letters.js";

const NARROW = /[iljtfr.,;:'!|()\s]/u;
const WIDE = /[mwMW]/u;
const CAPITAL = new RegExp(`[${UPPER_CLASS}]`, "u");

/** Relative width of a character in a Times-like font: enough to place a boundary inside a run. */
function charWidth(ch: string): number {
  if (NARROW.test(ch)) return 0.3;
  if (WIDE.test(ch)) return 0.85;
  if (CAPITAL.test(ch)) return 0.68;
  return 0.5;
}

/** Estimated x of each character boundary of a run, scaled to the run's real width. */
export function charEdges(run: PdfRun, chars: string[] = [...run.text]): number[] {
  const widths = chars.map(charWidth);
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const edges = [run.x];
  let x = run.x;
  for (const w of widths) {
    x += (w / total) * run.width;
    edges.push(x);
  }
  return edges;
}
