import { charEdges } from "./char-edges.js";
import type { PdfRun } from "./types.js";

/** The words of a run (cut at its spaces), each placed where its characters are. */
export function wordsOfRun(run: PdfRun): PdfRun[] {
  const chars = [...run.text];
  const edges = charEdges(run, chars);
  const out: PdfRun[] = [];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && chars[i] !== " ") {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) out.push({ ...run, text: chars.slice(start, i).join(""), x: edges[start], width: edges[i] - edges[start] });
    start = -1;
  }
  return out;
}
