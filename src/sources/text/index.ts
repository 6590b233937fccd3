import type { SourceDocument } from "../../blocks/index.js";
import { unwrapLines, type SourceLine } from "../../blocks/index.js";
import { normalizeLines } from "../../normalize/index.js";

/** A line that is only a page number: "2", "- 2 -", "Trang 2", "2/15". */
const PAGE_NUMBER_LINE = /^\s*(?:-\s*)?(?:Trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*-)?\s*$/iu;
const FORM_FEED = "\f";
/** Word's endnote definitions exported as text: the reference mark became U+FFFD. */
const ENDNOTE_DEFINITION = /^\s*\uFFFD\s*/u;
/** A line that starts with the sentence's closing punctuation: a note reference was cut out before it. */
const LOST_REFERENCE = /^\s*[.,;](?:\s|$)/u;

/**
 * Plain text as PDF or Word extraction leaves it (thể thức lost): hard-wrapped lines, blank
 * lines between some of them, form feeds between pages. Lines become paragraphs here; the
 * structure stages decide what they are.
 */
export function readText(text: string): SourceDocument {
  const lines: SourceLine[] = [];
  const unified = text.replace(/\r\n?/g, "\n");
  const raw = unified.split("\n");
  // Every line normalized at once (form feeds read as spaces), not one call per line.
  const { lines: normalized, settled } = normalizeLines(unified);
  let page = 1;
  let blanks = 0;
  const sawFormFeed = text.includes(FORM_FEED);
  let inEndnotes = false;
  let endnote = 0;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i];
    if (line.includes(FORM_FEED)) page += line.split(FORM_FEED).length - 1;
    const clean = normalized[i];
    if (clean.trim() === "") {
      blanks++;
      continue;
    }
    const indent = clean.length - clean.trimStart().length;
    // Alone between blank lines (or a page break): a page number, not a number in the text.
    const isolated = (blanks > 0 || i === 0 || raw[i].startsWith(FORM_FEED)) && (i + 1 >= raw.length || raw[i + 1].trim() === "" || raw[i + 1].startsWith(FORM_FEED));
    let role: SourceLine["role"] = isolated && PAGE_NUMBER_LINE.test(clean) ? "furniture" : undefined;
    let text = clean;
    let footnoteLabel: string | undefined;
    let breakBefore = role === "furniture" || lines[lines.length - 1]?.role === "furniture";
    const definition = ENDNOTE_DEFINITION.exec(clean);
    if (definition) {
      // Endnotes sit at the end; what follows the first one belongs to the notes.
      inEndnotes = true;
      endnote++;
      footnoteLabel = String(endnote);
      text = clean.slice(definition[0].length);
      breakBefore = true;
    }
    if (inEndnotes && role === undefined) role = "endnote";
    const marks = !inEndnotes && LOST_REFERENCE.test(clean) && lines.length > 0
      ? [{ kind: "footnoteRef" as const, start: 0, end: 0, label: "" }]
      : undefined;
    lines.push({
      text,
      page: sawFormFeed ? page : undefined,
      gapBefore: blanks,
      breakBefore: breakBefore || undefined,
      style: { indent },
      role,
      footnoteLabel,
      marks,
    });
    blanks = 0;
  }
  if (sawFormFeed) markRunningLines(lines, page);
  return { format: "text", blocks: unwrapLines(lines), pages: sawFormFeed ? page : null, warnings: [], linesNormalized: true, linesSettled: settled };
}

/**
 * Running headers and footers: the first or last line of a page that recurs, page numbers
 * aside, on at least three pages and half of them. They become furniture, kept out of the flow.
 */
function markRunningLines(lines: SourceLine[], pages: number): void {
  if (pages < 3) return;
  const edges = new Map<number, SourceLine[]>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.role === "furniture" || line.page === undefined) continue;
    const first = i === 0 || lines[i - 1].page !== line.page;
    const last = i + 1 === lines.length || lines[i + 1].page !== line.page;
    if (first || last) edges.set(i, [line]);
  }
  const pagesOf = new Map<string, Set<number>>();
  const keyOf = (line: SourceLine) => line.text.trim().toLowerCase().replace(/\d+/gu, "#");
  for (const [i] of edges) {
    const key = keyOf(lines[i]);
    pagesOf.set(key, (pagesOf.get(key) ?? new Set()).add(lines[i].page!));
  }
  const needed = Math.max(3, Math.ceil(pages / 2));
  for (const [i] of edges) {
    if ((pagesOf.get(keyOf(lines[i]))?.size ?? 0) < needed) continue;
    lines[i].role = "furniture";
    lines[i].breakBefore = true;
    if (i + 1 < lines.length) lines[i + 1].breakBefore = true;
  }
}
