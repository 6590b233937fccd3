import type { SourceDocument } from "../../blocks/block.js";
import { unwrapLines, type SourceLine } from "../../normalize/unwrap-lines.js";
import { normalizeSegment } from "../../normalize/normalize-text.js";

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
  const raw = text.replace(/\r\n?/g, "\n").split("\n");
  let page = 1;
  let blanks = 0;
  let sawFormFeed = false;
  let inEndnotes = false;
  let endnote = 0;
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i];
    if (line.includes(FORM_FEED)) {
      const parts = line.split(FORM_FEED);
      page += parts.length - 1;
      sawFormFeed = true;
      line = parts.join(" ");
    }
    const clean = normalizeSegment(line);
    if (clean.trim() === "") {
      blanks++;
      continue;
    }
    const indent = clean.length - clean.trimStart().length;
    const isolated = blanks > 0 && (i + 1 >= raw.length || raw[i + 1].trim() === "");
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
  return { format: "text", blocks: unwrapLines(lines), pages: sawFormFeed ? page : null, warnings: [] };
}
