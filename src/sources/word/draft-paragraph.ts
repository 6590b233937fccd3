import type { BlockStyle, InlineMark } from "../../blocks/index.js";
import type { DocItem, DocParagraph, Segment } from "./word-items.js";

/** One printed line of a paragraph (paragraphs split at soft line breaks, w:br). */
export interface LineDraft {
  text: string;
  marks: InlineMark[];
}

/** A paragraph turned into text lines with marks, plus the style of the whole paragraph. */
export interface ParagraphDraft {
  lines: LineDraft[];
  style: BlockStyle;
}

/** Share of the visible characters that makes a whole paragraph bold or italic. */
const MAJORITY = 0.5;
const WHITESPACE = /^\s*$/u;

/**
 * The printed text of a paragraph: list label first ("1. ", "a) ", "- "), then the runs, with
 * marks for note references (footnoteRef + sup), superscript/subscript runs and the bold or
 * italic stretches of a paragraph that is not bold or italic as a whole. Drafts are cached and
 * shared: callers copy before they change one.
 */
export function draftParagraph(paragraph: DocParagraph, options: { headingLevel: boolean }): ParagraphDraft {
  // Table classification and emission look at the same paragraphs several times.
  const cache = options.headingLevel ? DRAFTS_WITH_HEADING : DRAFTS;
  let draft = cache.get(paragraph);
  if (!draft) {
    draft = buildDraft(paragraph, options.headingLevel);
    cache.set(paragraph, draft);
  }
  return draft;
}

const DRAFTS = new WeakMap<DocParagraph, ParagraphDraft>();
const DRAFTS_WITH_HEADING = new WeakMap<DocParagraph, ParagraphDraft>();

function buildDraft(paragraph: DocParagraph, withHeading: boolean): ParagraphDraft {
  const style = paragraphStyle(paragraph, withHeading);
  const lines: LineDraft[] = [{ text: "", marks: [] }];
  let line = lines[0];
  if (paragraph.label && paragraph.label.text !== "") line.text = paragraph.label.text + paragraph.label.suffix;
  for (const seg of paragraph.segments) {
    if (seg.text === "\n") {
      line = { text: "", marks: [] };
      lines.push(line);
      continue;
    }
    if (seg.noteMark || seg.text === "") continue;
    const start = line.text.length;
    line.text += seg.text;
    const end = line.text.length;
    if (seg.noteRef) {
      line.marks.push({ start, end, kind: "footnoteRef", label: seg.noteRef.label });
    }
    if (seg.vertAlign === "superscript") line.marks.push({ start, end, kind: "sup" });
    else if (seg.vertAlign === "subscript") line.marks.push({ start, end, kind: "sub" });
    if (!seg.noteRef && !WHITESPACE.test(seg.text)) {
      // The stretch covers the visible characters only, not the spaces around them.
      const from = start + (seg.text.length - seg.text.trimStart().length);
      const to = end - (seg.text.length - seg.text.trimEnd().length);
      if (seg.bold && !style.bold) addStretch(line.marks, "bold", from, to);
      if (seg.italic && !style.italic) addStretch(line.marks, "italic", from, to);
    }
  }
  return { lines, style };
}

/** Extends the previous bold/italic mark when this stretch follows it (across one space). */
function addStretch(marks: InlineMark[], kind: "bold" | "italic", start: number, end: number): void {
  for (let i = marks.length - 1; i >= 0; i--) {
    const m = marks[i];
    if (m.kind !== kind) continue;
    if (m.end >= start - 1) {
      m.end = end;
      return;
    }
    break;
  }
  marks.push({ start, end, kind });
}

function paragraphStyle(paragraph: DocParagraph, withHeading: boolean): BlockStyle {
  let visible = 0;
  let bold = 0;
  let italic = 0;
  const sizes = new Map<number, number>();
  for (const seg of paragraph.segments) {
    if (seg.noteRef || seg.noteMark) continue;
    const n = countVisible(seg);
    visible += n;
    if (seg.bold) bold += n;
    if (seg.italic) italic += n;
    if (seg.fontSize !== undefined) sizes.set(seg.fontSize, (sizes.get(seg.fontSize) ?? 0) + n);
  }
  const style: BlockStyle = {};
  if (withHeading && paragraph.headingLevel !== undefined) style.headingLevel = paragraph.headingLevel;
  if (visible > 0 && bold / visible > MAJORITY) style.bold = true;
  if (visible > 0 && italic / visible > MAJORITY) style.italic = true;
  let best = 0;
  for (const [size, count] of sizes) {
    if (count > best) {
      best = count;
      style.fontSize = size;
    }
  }
  const { align, indent, firstLineIndent } = paragraph.para;
  if (align) style.align = align;
  if (indent) style.indent = indent;
  if (firstLineIndent) style.firstLineIndent = firstLineIndent;
  return style;
}

function countVisible(seg: Segment): number {
  let n = 0;
  for (const ch of seg.text) if (ch.trim() !== "") n++;
  return n;
}

/**
 * Splits a line at wide runs of spaces: Word users push "KT. CHỦ TỊCH" onto the next visual line
 * of a signature cell with spaces rather than a break.
 */
export function splitAtGaps(draft: ParagraphDraft, gap: RegExp): ParagraphDraft {
  const lines: LineDraft[] = [];
  for (const line of draft.lines) {
    let from = 0;
    const cut = (to: number, next: number) => {
      lines.push({
        text: line.text.slice(from, to),
        marks: line.marks
          .filter((m) => m.start >= from && m.end <= to)
          .map((m) => ({ ...m, start: m.start - from, end: m.end - from })),
      });
      from = next;
    };
    for (const m of line.text.matchAll(new RegExp(gap.source, "gu"))) cut(m.index, m.index + m[0].length);
    cut(line.text.length, line.text.length);
  }
  return { lines, style: draft.style };
}

/** True when a paragraph prints nothing (its text boxes aside). */
export function isEmptyParagraph(paragraph: DocParagraph): boolean {
  if (paragraph.label && paragraph.label.text.trim() !== "") return false;
  return paragraph.segments.every((s) => s.noteMark || s.text.trim() === "");
}

/**
 * All paragraphs of some block content in reading order: text-box paragraphs after their anchor,
 * nested tables cell by cell.
 */
export function flattenParagraphs(items: DocItem[], out: DocParagraph[] = []): DocParagraph[] {
  for (const item of items) {
    if (item.kind === "paragraph") {
      out.push(item);
      flattenParagraphs(item.floating, out);
    } else {
      for (const row of item.rows) for (const cell of row) flattenParagraphs(cell.items, out);
    }
  }
  return out;
}

/** The plain printed text of a paragraph (label included, line breaks as spaces). */
export function readParagraphText(paragraph: DocParagraph): string {
  return draftParagraph(paragraph, { headingLevel: false }).lines.map((l) => l.text).join(" ");
}
