import type { PdfLine } from "./types.js";

/** A page number as printed: "2", "- 3 -", "Trang 3", "Trang 3/12", "3/12". */
const PAGE_NUMBER = /^(?:-\s*)?(?:Trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*-)?$/iu;
/** Lines to look at, from each edge of a page. */
const EDGE_LINES = 2;
/** A page number sits in this outer share of the page height. */
const PAGE_NUMBER_BAND = 0.13;
/** A running header/footer sits in this outer share of the page height. */
const RUNNING_BAND = 0.09;
/** Same position on different pages, in points. */
const SAME_Y = 6;
const DIGITS = /\d+/gu;

interface Candidate {
  line: PdfLine;
  key: string;
}

/**
 * Marks running headers/footers and page numbers (furniture) on each page: a page number alone
 * near the top or bottom edge, or a line repeated at the same height on most pages. They stay
 * in the output, out of the text flow.
 */
export function markFurniture(pages: Array<{ lines: PdfLine[]; height: number }>): void {
  const candidates: Candidate[][] = pages.map(({ lines, height }) => edgeLines(lines, height));
  const textPages = pages.filter((p) => p.lines.length > 0).length;
  const counts = new Map<string, Candidate[]>();
  for (const list of candidates) {
    const seen = new Set<string>();
    for (const c of list) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      const same = counts.get(c.key);
      if (same) same.push(c);
      else counts.set(c.key, [c]);
    }
  }
  pages.forEach(({ height }, index) => {
    for (const c of candidates[index]) {
      const alone = c.line.runs.filter((r) => !r.space).length <= 3;
      const edge = Math.min(c.line.y, height - c.line.y);
      if (PAGE_NUMBER.test(c.line.text) && alone && edge < height * PAGE_NUMBER_BAND) {
        c.line.role = "furniture";
        continue;
      }
      const repeats = (counts.get(c.key) ?? []).filter((o) => Math.abs(o.line.y - c.line.y) < SAME_Y).length;
      if (textPages >= 3 && repeats >= Math.max(3, textPages * 0.5) && edge < height * RUNNING_BAND) {
        c.line.role = "furniture";
      }
    }
  });
}

/** The first and last lines of a page, keyed by their text with digits wildcarded. */
function edgeLines(lines: PdfLine[], height: number): Candidate[] {
  const own = lines.filter((l) => !l.role);
  const picked = new Set<PdfLine>([...own.slice(0, EDGE_LINES), ...own.slice(-EDGE_LINES)]);
  return [...picked]
    .filter((l) => l.y < height * PAGE_NUMBER_BAND || l.y > height * (1 - PAGE_NUMBER_BAND))
    .map((line) => ({ line, key: line.text.replace(DIGITS, "#").replace(/\s+/gu, " ").trim().toLowerCase() }));
}
