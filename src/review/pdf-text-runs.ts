import type { VanBanDocument } from "../index.js";
import { alignBlock, foldForAlignment } from "./align-text.js";
import type { PdfDocument } from "./load-pdfjs.js";

/** A stretch of `record.text` [start, end) found on a page, drawn over [x, x+w] × [y, y+h] (fractions of the page). */
export interface TextRun {
  start: number;
  end: number;
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PageSize {
  width: number;
  height: number;
}

interface PlacedItem {
  text: string;
  x: number;
  top: number;
  width: number;
  height: number;
}

/** The largest gap (in characters) still read as one run: a space or two the fold dropped. */
const RUN_GAP = 3;

/**
 * Where the record's text sits on each page: pdfjs's text items (with their transforms) aligned,
 * page by page, to the record's layout blocks of that page. Text the alignment cannot place
 * (OCR'd pages without a text layer, repaired words) simply gets no run.
 */
export async function mapTextRuns(record: VanBanDocument, pdf: PdfDocument): Promise<{ pages: PageSize[]; runs: TextRun[] }> {
  const pages: PageSize[] = [];
  const runs: TextRun[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const viewport = page.getViewport({ scale: 1 });
    pages.push({ width: viewport.width, height: viewport.height });
    const content = await page.getTextContent();
    const items: PlacedItem[] = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const m = multiply(viewport.transform, item.transform);
      const size = Math.hypot(m[2], m[3]) || item.height;
      items.push({ text: item.str.normalize("NFC"), x: m[4], top: m[5] - size * 0.85, width: item.width * viewport.scale, height: size * 1.1 });
    }
    const pageChars = foldItems(items);
    let hint = 0;
    for (const entry of record.layout) {
      if (entry.span.page !== p) continue;
      const block = foldForAlignment(record.text.slice(entry.span.start, entry.span.end));
      const match = alignBlock(block.chars, pageChars.chars, hint);
      let run: { item: number; first: number; last: number; start: number; end: number } | null = null;
      const flush = (): void => {
        if (run === null) return;
        const it = items[run.item];
        const n = Math.max(1, it.text.length);
        runs.push({
          start: run.start,
          end: run.end,
          page: p,
          x: (it.x + (it.width * run.first) / n) / viewport.width,
          y: it.top / viewport.height,
          w: (it.width * (run.last + 1 - run.first)) / n / viewport.width,
          h: it.height / viewport.height,
        });
        run = null;
      };
      match.forEach((at, k) => {
        if (at < 0) return;
        hint = at + 1;
        const offset = entry.span.start + block.origin[k];
        const item = pageChars.item[at];
        const ci = pageChars.index[at];
        if (run && run.item === item && ci > run.last && ci - run.last <= RUN_GAP && offset - run.end < RUN_GAP) {
          run.last = ci;
          run.end = offset + 1;
        } else {
          flush();
          run = { item, first: ci, last: ci, start: offset, end: offset + 1 };
        }
      });
      flush();
    }
    page.cleanup();
  }
  return { pages, runs };
}

/** The page's text as one folded string, with the item and index of each character. */
function foldItems(items: PlacedItem[]): { chars: string; item: number[]; index: number[] } {
  let chars = "";
  const item: number[] = [];
  const index: number[] = [];
  items.forEach((it, n) => {
    const folded = foldForAlignment(it.text);
    chars += folded.chars;
    for (const o of folded.origin) {
      item.push(n);
      index.push(o);
    }
  });
  return { chars, item, index };
}

function multiply(a: number[], b: number[]): number[] {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}
