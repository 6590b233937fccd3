import type { Block, BlockStyle, InlineMark } from "./block.js";
import { BLOCK_START, HEADING_MARKER } from "../lexicon/section-markers.js";
import { capsOfCounts, countCase, isAllCaps, type CaseCounts } from "../text/caps.js";
import { LETTER_CLASS, LOWER_CLASS } from "../lexicon/letters.js";

/** One visual line as a source reads it, before paragraphs are rebuilt. */
export interface SourceLine {
  text: string;
  page?: number;
  /** Blank lines (text) or extra line heights (PDF) before this line; 0 = directly below. */
  gapBefore?: number;
  /** Hard boundary: never join this line to the previous one (new page zone, table cell …). */
  breakBefore?: boolean;
  style?: BlockStyle;
  marks?: InlineMark[];
  role?: Block["role"];
  footnoteLabel?: string;
  column?: Block["column"];
  zone?: Block["zone"];
  table?: Block["table"];
}

/** The paragraph being built, with what deciding on the next line needs (see `unwrapLines`). */
interface Paragraph {
  block: Block;
  lastLine: SourceLine;
  lineCount: number;
  caseCounts: CaseCounts | null;
  tail: string;
  single: boolean;
}

/** A line that closes a sentence or a list item. */
const ENDS_CLAUSE = /[.:;!?…]["”»)]?$/u;
const STARTS_LOWER = new RegExp(String.raw`^["“(]?[${LOWER_CLASS}]`, "u");
/** A line that opens with the punctuation of the sentence above (a note marker was lost there). */
const CONTINUES_PUNCT = /^[.,;:](?:\s|$)/u;
/** A word broken at a hyphen with no space before it ("NĐ-" + "CP"): rejoin without a space. */
const HYPHEN_WRAP = new RegExp(String.raw`[${LETTER_CLASS}\d]-$`, "u");
/** Code units at the end of a paragraph enough for the end-anchored patterns above. */
const TAIL = 8;

/**
 * Rebuilds paragraphs from hard-wrapped lines. A line joins the one above when it continues the
 * sentence: the line above does not close a clause, or this one starts in lower case — even
 * across a blank line, as in "Chị thị số 34-CT/TW ngày 07 \n\ntháng 4 năm 2014". List items,
 * headings and capitals lines stay apart; style changes (bold, heading level, page zone) split.
 */
export function unwrapLines(lines: SourceLine[]): Block[] {
  const wrapWidth = typicalLineLength(lines);
  const blocks: Block[] = [];
  // `caseCounts` of the paragraph so far: testing it for capitals must not re-read it per line.
  // A paragraph of one line has none (null) until a second joins: its capitals test is
  // `isAllCaps` of that line, which stops early on most lines, instead of a count of it all.
  // `tail` is the paragraph's last code units: reading the end of a string built by `+=` flattens it, once per line.
  let current: Paragraph | null = null;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === "") continue;
    if (current && shouldJoin(current, line, text, wrapWidth)) {
      const { tail } = current;
      const hyphen = HYPHEN_WRAP.test(tail) && !/\s-$/u.test(tail);
      const sep = hyphen || CONTINUES_PUNCT.test(text) ? "" : " ";
      current.tail = (tail + sep + text.slice(-TAIL)).slice(-TAIL);
      current.single = false;
      const offset = current.block.text.length + sep.length;
      const before = current.caseCounts ?? countCase(current.block.text);
      current.block.text += sep + text;
      if (line.marks?.length) {
        current.block.marks ??= [];
        for (const m of line.marks) current.block.marks.push(shiftMark(m, offset, line.text, text));
      }
      const added = countCase(text);
      current.caseCounts = { letters: before.letters + added.letters, lower: before.lower + added.lower };
      current.lastLine = line;
      current.lineCount++;
      current.block.style.lines = current.lineCount;
      continue;
    }
    const block = makeBlock(line, text);
    blocks.push(block);
    current = { block, lastLine: line, lineCount: 1, caseCounts: null, tail: text.slice(-TAIL), single: true };
  }
  return blocks;
}

/** The width at which the source wrapped its lines: a high percentile of line lengths. */
function typicalLineLength(lines: SourceLine[]): number {
  // A typed array sorts numbers natively, without a comparator called per pair.
  const lengths = new Int32Array(lines.length);
  let n = 0;
  for (const line of lines) {
    const length = line.text.trim().length;
    if (length >= 20) lengths[n++] = length;
  }
  if (n < 5) return Infinity;
  return lengths.subarray(0, n).sort()[Math.floor(n * 0.8)];
}

/**
 * The paragraph so far may be long: only its end is tested with the end-anchored patterns (a
 * regex with `$` still scans from the start), and its capitals come from counts kept as it
 * grew, so joining n lines stays linear.
 */
function shouldJoin(
  paragraph: Paragraph,
  line: SourceLine,
  text: string,
  wrapWidth: number,
): boolean {
  const prev = paragraph.lastLine;
  const prevText = paragraph.tail;
  const { single } = paragraph;
  if (line.breakBefore) return false;
  if ((prev.role ?? "body") !== (line.role ?? "body")) return false;
  if ((line.role === "footnote" || line.role === "endnote") && line.footnoteLabel !== undefined) return false;
  if (prev.column !== line.column || prev.zone !== line.zone || prev.table !== line.table) return false;
  if ((prev.style?.headingLevel ?? 0) !== (line.style?.headingLevel ?? 0)) return false;
  if (BLOCK_START.test(text)) return false;
  if (isAllCaps(text)) return false;
  // A paragraph of one line has no counts yet: isAllCaps of it is capsOfCounts of its counts.
  if (paragraph.caseCounts === null ? isAllCaps(paragraph.block.text) : capsOfCounts(paragraph.caseCounts)) return false;
  if (Boolean(prev.style?.bold) !== Boolean(line.style?.bold) && !STARTS_LOWER.test(text)) return false;
  const gap = line.gapBefore ?? 0;
  const lower = STARTS_LOWER.test(text);
  if (HYPHEN_WRAP.test(prevText) || CONTINUES_PUNCT.test(text)) return true;
  // A short marker line ("1. Công tác lãnh đạo") ended before the margin: a heading, not a wrap.
  const prevLength = prev.text.trim().length;
  if (!lower && single && HEADING_MARKER.test(paragraph.block.text) && !/[,;-]$/u.test(prevText) && prevLength < Math.min(80, wrapWidth * 0.6)) return false;
  // Across a blank line, a sentence continues when it was cut mid-clause: the next line starts in
  // lower case, or the line above ran to the wrap width (a proper noun may start the next one).
  if (gap > 0) {
    if (ENDS_CLAUSE.test(prevText)) return false;
    return lower || (gap === 1 && prev.text.trim().length >= wrapWidth * 0.75);
  }
  return lower || !ENDS_CLAUSE.test(prevText);
}

function shiftMark(mark: InlineMark, offset: number, raw: string, trimmed: string): InlineMark {
  // Marks are relative to the raw line; account for the leading whitespace trimmed away.
  const lead = raw.length - raw.replace(/^\s+/u, "").length;
  const start = Math.max(0, Math.min(trimmed.length, mark.start - lead));
  const end = Math.max(start, Math.min(trimmed.length, mark.end - lead));
  return Object.assign({}, mark, { start: start + offset, end: end + offset });
}

/**
 * A new paragraph from its first line, with only the fields that line has, in this order. (Built
 * key by key rather than by deleting the undefined ones: `delete` leaves V8 a slow dictionary
 * object, and every later stage reads these blocks.)
 */
function makeBlock(line: SourceLine, text: string): Block {
  const block: Partial<Block> & { text: string } = { text };
  if (line.page !== undefined) block.page = line.page;
  if (line.role !== undefined) block.role = line.role;
  if (line.footnoteLabel !== undefined) block.footnoteLabel = line.footnoteLabel;
  if (line.column !== undefined) block.column = line.column;
  if (line.zone !== undefined) block.zone = line.zone;
  if (line.table !== undefined) block.table = line.table;
  // Object.assign, not a spread with more keys: V8 11.3 builds and reads those much slower (docs/performance.md).
  block.style = Object.assign({}, line.style, { lines: 1, gapBefore: line.gapBefore });
  if (line.marks !== undefined) block.marks = line.marks.map((m) => shiftMark(m, 0, line.text, text));
  return block as Block;
}
