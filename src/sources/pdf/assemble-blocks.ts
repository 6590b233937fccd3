import type { Block, BlockStyle } from "../../blocks/index.js";
import { unwrapLines, type SourceLine } from "../../blocks/index.js";
import type { PdfFootnote } from "./footnotes.js";
import { isCentered, type DocumentMetrics, type TextBox } from "./page-layout.js";
import type { PdfLine } from "./types.js";

/** A first line indented by more than this share of the font size opens a paragraph. */
const FIRST_LINE_INDENT = 0.9;

/** What one page contributes: its ordered lines, or the lines OCR read for it. */
export interface PageFlow {
  page: number;
  lines: PdfLine[];
  box: TextBox;
  footnotes: PdfFootnote[];
  /** Lines read by OCR, used instead of `lines` (already in reading order). */
  ocrLines?: SourceLine[];
}

/** A block out of the text flow (furniture, footnote), placed after the flow line it follows. */
interface Extra {
  after: number;
  block: Block;
}

/**
 * Turns the pages' lines into blocks. Body lines go through `unwrapLines`, so a paragraph cut by
 * a page break is one block; page numbers, running headers and footnotes are kept as blocks of
 * their own, placed after the paragraph they interrupt.
 */
export function assembleBlocks(pages: PageFlow[], metrics: DocumentMetrics): Block[] {
  const flow: SourceLine[] = [];
  const extras: Extra[] = [];
  for (const page of pages) {
    if (page.ocrLines) {
      for (const line of page.ocrLines) if (line.text.trim() !== "") flow.push({ ...line, page: line.page ?? page.page });
      // The signing tool's overlay is not in the scan's image: keep it.
      for (const line of page.lines) {
        if (line.role === "furniture") extras.push({ after: flow.length - 1, block: furnitureBlock(line, page.box, metrics) });
      }
      continue;
    }
    let prev: PdfLine | null = null;
    const lastColumnLine = new Map<string, PdfLine>();
    let footnotesPlaced = false;
    const placeFootnotes = (): void => {
      if (footnotesPlaced) return;
      footnotesPlaced = true;
      for (const note of page.footnotes) extras.push({ after: flow.length - 1, block: footnoteBlock(note, metrics) });
    };
    const lastBody = lastIndex(page.lines, (l) => l.role !== "furniture" && l.role !== "footnote");
    page.lines.forEach((line, index) => {
      if (line.role === "footnote" || line.text.trim() === "") return;
      if (line.role === "furniture") {
        if (index > lastBody) placeFootnotes();
        extras.push({ after: flow.length - 1, block: furnitureBlock(line, page.box, metrics) });
        return;
      }
      const key = `${line.zone ?? ""}/${line.column ?? ""}`;
      const above = lastColumnLine.get(key) ?? null;
      flow.push(toSourceLine(line, above, prev, page.box, metrics));
      lastColumnLine.set(key, line);
      prev = line;
    });
    placeFootnotes();
  }
  const blocks = unwrapLines(flow);
  // Each non-empty flow line went into exactly one block, in order: `style.lines` says how many.
  const out: Block[] = [];
  let cursor = 0;
  let next = 0;
  const emitExtras = (upTo: number): void => {
    while (next < extras.length && extras[next].after < upTo) out.push(extras[next++].block);
  };
  emitExtras(0);
  for (const block of blocks) {
    out.push(block);
    cursor += block.style.lines ?? 1;
    emitExtras(cursor);
  }
  while (next < extras.length) out.push(extras[next++].block);
  return out;
}

function lastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

function toSourceLine(line: PdfLine, above: PdfLine | null, prev: PdfLine | null, box: TextBox, metrics: DocumentMetrics): SourceLine {
  const pitch = Math.max(line.size, above?.size ?? 0) * metrics.lineSpacing;
  const gap = above && pitch > 0 ? Math.max(0, (line.y - above.y) / pitch - 1) : 0;
  const centered = isCentered(line, box);
  const newColumn = line.zone !== undefined && above === null;
  const leftZone = prev !== null && prev.zone !== undefined && line.zone === undefined;
  const indented =
    above !== null &&
    !centered &&
    !isCentered(above, box) &&
    line.x0 - above.x0 > line.size * FIRST_LINE_INDENT &&
    // Only after a line that stopped short: under a full line, an indented line is the wrapped
    // text of a hanging list item.
    above.x1 < box.right - line.size * 2;
  return {
    text: line.text,
    page: line.page,
    gapBefore: round(gap, 1),
    // A table cell is a block of its own.
    breakBefore: newColumn || leftZone || indented || line.table !== undefined || undefined,
    style: lineStyle(line, box, metrics, centered),
    marks: line.marks.length > 0 ? line.marks : undefined,
    role: line.role,
    column: line.column,
    zone: line.zone,
    table: line.table,
  };
}

function lineStyle(line: PdfLine, box: TextBox, metrics: DocumentMetrics, centered: boolean): BlockStyle {
  const style: BlockStyle = {
    fontSize: round(line.size, 1),
    relativeSize: round(line.size / metrics.bodySize, 2),
    indent: round(Math.max(0, line.x0 - box.left), 1),
  };
  if (line.bold) style.bold = true;
  if (line.italic) style.italic = true;
  if (centered) style.align = "center";
  else if (line.x1 > box.right - line.size && line.x0 - box.left > (box.right - box.left) * 0.3) style.align = "right";
  return style;
}

function furnitureBlock(line: PdfLine, box: TextBox, metrics: DocumentMetrics): Block {
  const block: Block = { text: line.text, page: line.page, role: "furniture", style: { ...lineStyle(line, box, metrics, isCentered(line, box)), lines: 1 } };
  if (line.marks.length > 0) block.marks = line.marks;
  return block;
}

function footnoteBlock(note: PdfFootnote, metrics: DocumentMetrics): Block {
  const first = note.lines[0];
  const size = first?.size ?? metrics.bodySize;
  const block: Block = {
    text: note.text,
    page: note.page,
    role: "footnote",
    style: { fontSize: round(size, 1), relativeSize: round(size / metrics.bodySize, 2), lines: note.lines.length },
  };
  if (note.label !== undefined) block.footnoteLabel = note.label;
  if (note.marks.length > 0) block.marks = note.marks;
  return block;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
