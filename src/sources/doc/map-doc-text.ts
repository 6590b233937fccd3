import type { SourceLine } from "../../blocks/index.js";
import { formatNumber } from "../word/format-number.js";
import type { DocCell, DocItem, DocParagraph, DocTable, Segment } from "../word/word-items.js";
import { MARK } from "./extract-word97.js";

/** Every private-use mark the extractor writes. */
const ANY_MARK = /[\uE001-\uE007]/gu;
/** Word's non-breaking hyphen, as word-extractor maps it. */
const NON_BREAKING_HYPHEN = /\u2011/gu;
const TAB = /\t/gu;
const WHITESPACE_RUN = /\s+/gu;
/** A character `mapDocBody` acts on: a paragraph end or one of the extractor's marks. */
const BODY_MARK = /[\n\uE001-\uE007]/gu;
/** Line ends of a story read as plain lines: paragraph, cell, row and manual breaks. */
const PLAIN_LINE_END = /[\n\uE001-\uE003\uE007]/u;

/** Note labels as Word prints them by default: footnotes 1, 2, 3 …, endnotes i, ii, iii …. */
const NOTE_FORMAT = { footnote: "decimal", endnote: "lowerRoman" } as const;

/**
 * Rebuilds paragraphs and tables from the marked body text of a .doc, in the DOCX reader's model
 * (so the same header / closing / content table rules apply). Note references become segments with
 * the label Word prints, numbered in order of appearance.
 */
export function mapDocBody(text: string): DocItem[] {
  const items: DocItem[] = [];
  const counters = { footnote: 0, endnote: 0 };
  let paragraph = newParagraph();
  let cellParagraphs: DocParagraph[] = [];
  let row: DocCell[] = [];
  let table: DocTable | null = null;

  const append = (piece: string, noteRef?: Segment["noteRef"]) => {
    const last = paragraph.segments[paragraph.segments.length - 1];
    if (!noteRef && last && !last.noteRef && last.text !== "\n" && piece !== "\n") last.text += piece;
    else paragraph.segments.push({ text: piece, bold: false, italic: false, ...(noteRef ? { noteRef, vertAlign: "superscript" as const } : {}) });
  };
  const closeTable = () => {
    if (!table) return;
    if (row.length) table.rows.push(row);
    items.push(table);
    table = null;
    row = [];
  };
  const openTable = (): DocTable => (table ??= { kind: "table", grid: [], rows: [] });

  let run = "";
  const flush = () => {
    if (run) append(run.replace(TAB, " ").replace(NON_BREAKING_HYPHEN, "-"));
    run = "";
  };
  // From mark to mark: the text between two marks goes to the run whole, not character by character.
  let copied = 0;
  BODY_MARK.lastIndex = 0;
  for (let m = BODY_MARK.exec(text); m !== null; m = BODY_MARK.exec(text)) {
    run += text.slice(copied, m.index);
    copied = m.index + 1;
    const ch = m[0];
    switch (ch) {
      case "\n":
        flush();
        closeTable();
        items.push(paragraph);
        paragraph = newParagraph();
        break;
      case MARK.cellBreak:
        flush();
        openTable();
        cellParagraphs.push(paragraph);
        paragraph = newParagraph();
        break;
      case MARK.cellEnd:
        flush();
        openTable();
        cellParagraphs.push(paragraph);
        row.push({ gridStart: row.length, gridSpan: 1, merged: false, items: cellParagraphs });
        cellParagraphs = [];
        paragraph = newParagraph();
        break;
      case MARK.rowEnd:
        flush();
        openTable().rows.push(row);
        row = [];
        paragraph = newParagraph();
        break;
      case MARK.softBreak:
        flush();
        append("\n");
        break;
      case MARK.footnoteRef:
      case MARK.endnoteRef: {
        flush();
        const kind = ch === MARK.footnoteRef ? "footnote" : "endnote";
        const label = formatNumber(++counters[kind], NOTE_FORMAT[kind]);
        append(label, { kind, label });
        break;
      }
      case MARK.noteStart:
        break;
    }
  }
  run += text.slice(copied);
  flush();
  if (cellParagraphs.length) row.push({ gridStart: row.length, gridSpan: 1, merged: false, items: cellParagraphs });
  closeTable();
  items.push(paragraph);
  return items;
}

/** Footnote or endnote definitions: one line each, labelled in order, split at their start marks. */
export function mapDocNotes(text: string, kind: "footnote" | "endnote"): SourceLine[] {
  const parts = text.split(MARK.noteStart);
  // Text before the first mark only exists when the references were not found: keep it unlabelled.
  const head = parts.shift() ?? "";
  const lines: SourceLine[] = [];
  const push = (raw: string, label?: string) => {
    const clean = cleanLine(raw);
    if (clean !== "") lines.push({ text: clean, role: kind, footnoteLabel: label, breakBefore: true, style: {} });
  };
  if (parts.length === 0) {
    for (const line of head.split("\n")) push(line);
    return lines;
  }
  push(head);
  parts.forEach((part, i) => push(part, formatNumber(i + 1, NOTE_FORMAT[kind])));
  return lines;
}

/** Lines of a story that has no structure worth keeping (headers, footers, text boxes), once each. */
export function mapPlainLines(text: string, role: SourceLine["role"]): SourceLine[] {
  const seen = new Set<string>();
  const lines: SourceLine[] = [];
  for (const raw of text.split(PLAIN_LINE_END)) {
    const clean = cleanLine(raw);
    if (clean === "" || seen.has(clean)) continue;
    seen.add(clean);
    lines.push({ text: clean, role, breakBefore: true, style: {} });
  }
  return lines;
}

/** One line of plain text: marks and tabs become spaces, runs of spaces one. */
function cleanLine(raw: string): string {
  return raw.replace(ANY_MARK, " ").replace(TAB, " ").replace(NON_BREAKING_HYPHEN, "-").replace(WHITESPACE_RUN, " ").trim();
}

function newParagraph(): DocParagraph {
  return { kind: "paragraph", segments: [], para: {}, label: null, floating: [] };
}
