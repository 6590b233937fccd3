import type { VanBanDocument } from "../index.js";
import { alignBlock, foldForAlignment } from "./align-text.js";
import { cumulativeAdvances } from "./glyph-advances.js";
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
  page: number;
  x: number;
  top: number;
  width: number;
  height: number;
  /** Cumulative glyph advances of `text`, to place a character inside the item. */
  advances: number[];
}

/** The largest gap (in characters) still read as one run: a space or two the fold dropped. */
const RUN_GAP = 3;
/** How far back (folded characters, about a page) a block is looked for before the previous one's end. */
const LOOK_BACK = 4000;

/**
 * Where the record's text sits on each page: pdfjs's text items (with their transforms) aligned
 * to the record's layout blocks. The pages' text is aligned as one string, so a paragraph that
 * runs on across a page break is found on both pages. Text the alignment cannot place (repaired
 * words) simply gets no run. Pages read by OCR are left out: their text is not the text layer's
 * (see `lineBoxRuns`).
 */
export async function mapTextRuns(record: VanBanDocument, pdf: PdfDocument): Promise<{ pages: PageSize[]; runs: TextRun[] }> {
  const pages: PageSize[] = [];
  const items: PlacedItem[] = [];
  const ocrPages = new Set(record.source.ocr?.pages ?? []);
  // pdfjs composes the text layer's transforms with its own Util.transform (loaded already: the
  // document is open).
  const { Util } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const viewport = page.getViewport({ scale: 1 });
    pages.push({ width: viewport.width, height: viewport.height });
    if (!ocrPages.has(p)) {
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const m: number[] = Util.transform(viewport.transform, item.transform);
        const size = Math.hypot(m[2], m[3]) || item.height;
        const text = item.str.normalize("NFC");
        items.push({
          text,
          page: p,
          x: m[4] / viewport.width,
          top: (m[5] - size * 0.85) / viewport.height,
          width: (item.width * viewport.scale) / viewport.width,
          height: (size * 1.1) / viewport.height,
          advances: cumulativeAdvances(text),
        });
      }
    }
    page.cleanup();
  }
  const chars = foldItems(items);
  const runs: TextRun[] = [];
  let hint = 0;
  for (const entry of record.layout) {
    if (entry.span.page !== undefined && ocrPages.has(entry.span.page)) continue;
    const block = foldForAlignment(record.text.slice(entry.span.start, entry.span.end));
    const match = alignBlock(block.chars, chars.chars, hint, LOOK_BACK);
    let run: { item: number; first: number; last: number; start: number; end: number } | null = null;
    const flush = (): void => {
      if (run === null) return;
      const it = items[run.item];
      const total = it.advances[it.text.length] || 1;
      runs.push({
        start: run.start,
        end: run.end,
        page: it.page,
        x: it.x + (it.width * it.advances[run.first]) / total,
        y: it.top,
        w: (it.width * (it.advances[run.last + 1] - it.advances[run.first])) / total,
        h: it.height,
      });
      run = null;
    };
    match.forEach((at, k) => {
      if (at < 0) return;
      hint = at + 1;
      const offset = entry.span.start + block.origin[k];
      const item = chars.item[at];
      const ci = chars.index[at];
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
  return { pages, runs };
}

/** The pages' text as one folded string, with the item and index of each character. */
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
