import type { InlineMark } from "../../blocks/index.js";
import type { PdfLine } from "./types.js";
import { LETTER_CLASS } from "../../lexicon/letters.js";

/** Footnote text is set smaller than the body: at most this share of the body size. */
const FOOTNOTE_SIZE = 0.9;
/** A footnote label as printed: "1", "12", "(3)", "*". */
const LABEL = /^(?:\d{1,3}|\(\d{1,3}\)|\*{1,3})$/u;
/** A label typed on the baseline at the start of a footnote line: "1 UBND các xã …", "(2) Theo …". */
const INLINE_LABEL = /^(?<label>\d{1,3}|\(\d{1,3}\)|\*{1,3})[.)]?\s+(?=\S)/u;
/** A superscript 2 or 3 after a unit is a power (m², km³), not a note reference. */
const UNIT_BEFORE = new RegExp(String.raw`(?:^|[^${LETTER_CLASS}])(?:[kcdm]?m|ha)$`, "u");
const HYPHEN_WRAP = new RegExp(String.raw`[${LETTER_CLASS}\d]-$`, "u");
/** Line gap (in line heights) inside a footnote area; a wider one ends it. */
const MAX_NOTE_GAP = 1.9;

/** One footnote definition, possibly continued on the next page. */
export interface PdfFootnote {
  label: string | undefined;
  page: number;
  text: string;
  marks: InlineMark[];
  /** Page whose footnote area it was printed in first; its block goes after that page's body. */
  lines: PdfLine[];
}

/**
 * Chú thích cuối trang: finds the footnote area at the bottom of each page (lines smaller than
 * the body, under the body, opened by a label), marks those lines `footnote` and assembles the
 * definitions. An unlabeled area at the top of the next page's notes continues the last note.
 * Returns the footnotes by the page they start on.
 */
export function readFootnotes(pages: PdfLine[][], bodySize: number, spacing: number): Map<number, PdfFootnote[]> {
  const byPage = new Map<number, PdfFootnote[]>();
  let last: PdfFootnote | null = null;
  for (const lines of pages) {
    const area = footnoteArea(lines, bodySize, spacing, last !== null);
    if (area.length === 0) {
      last = null;
      continue;
    }
    for (const line of area) {
      line.role = "footnote";
      const label = takeLabel(line);
      if (label !== undefined || !last) {
        const note: PdfFootnote = { label, page: line.page, text: "", marks: [], lines: [] };
        const list = byPage.get(line.page);
        if (list) list.push(note);
        else byPage.set(line.page, [note]);
        last = note;
      }
      appendLine(last, line);
    }
  }
  return byPage;
}

/** The bottom lines of a page that form its footnote area, top to bottom. */
function footnoteArea(lines: PdfLine[], bodySize: number, spacing: number, continuing: boolean): PdfLine[] {
  const own = lines.filter((l) => !l.role && !l.zone && !l.table);
  const area: PdfLine[] = [];
  for (let i = own.length - 1; i >= 0; i--) {
    const line = own[i];
    if (line.size > bodySize * FOOTNOTE_SIZE) break;
    // Notes are set solid; a wider gap is the separator between body and notes.
    const below = area[0];
    if (below && below.y - line.y > line.size * spacing * MAX_NOTE_GAP) break;
    area.unshift(line);
  }
  if (area.length === 0 || area.length === own.length) return [];
  if (continuing && !startsWithLabel(area[0])) return area;
  const first = area.findIndex(startsWithLabel);
  return first < 0 ? [] : area.slice(first);
}

function startsWithLabel(line: PdfLine): boolean {
  const sup = line.marks.find((m) => m.kind === "sup" && m.start === 0);
  if (sup) return LABEL.test(line.text.slice(sup.start, sup.end).trim());
  return INLINE_LABEL.test(line.text);
}

/** Removes the label from a footnote line's text and returns it. */
function takeLabel(line: PdfLine): string | undefined {
  const sup = line.marks.find((m) => m.kind === "sup" && m.start === 0);
  let label: string | undefined;
  let cut = 0;
  if (sup && LABEL.test(line.text.slice(sup.start, sup.end).trim())) {
    label = line.text.slice(sup.start, sup.end).trim();
    cut = sup.end;
  } else {
    const m = INLINE_LABEL.exec(line.text);
    if (!m?.groups) return undefined;
    label = m.groups.label;
    cut = m[0].length;
  }
  const rest = line.text.slice(cut);
  const lead = rest.length - rest.trimStart().length;
  line.text = rest.trimStart();
  line.marks = line.marks
    .filter((m) => m !== sup && m.start >= cut)
    .map((m) => ({ ...m, start: m.start - cut - lead, end: m.end - cut - lead }));
  return label;
}

function appendLine(note: PdfFootnote, line: PdfLine): void {
  const sep = note.text === "" || HYPHEN_WRAP.test(note.text) ? "" : " ";
  const offset = note.text.length + sep.length;
  note.text += sep + line.text;
  note.marks.push(...line.marks.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset })));
  note.lines.push(line);
}

/**
 * Turns superscript labels in body lines into note references when a definition with that label
 * exists (a raised "2" after "m" is a square metre, not a note).
 */
export function markReferences(lines: PdfLine[], labels: Set<string>): void {
  for (const line of lines) {
    if (line.role) continue;
    const refs: InlineMark[] = [];
    for (const mark of line.marks) {
      if (mark.kind !== "sup") continue;
      const label = line.text.slice(mark.start, mark.end).trim();
      if (!LABEL.test(label) || !labels.has(label)) continue;
      if ((label === "2" || label === "3") && UNIT_BEFORE.test(line.text.slice(0, mark.start))) continue;
      refs.push({ start: mark.start, end: mark.end, kind: "footnoteRef", label });
    }
    if (refs.length > 0) line.marks = [...line.marks, ...refs].sort((a, b) => a.start - b.start);
  }
}
