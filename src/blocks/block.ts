import type { SourceFormat } from "../schema/document.js";
import type { PageBox } from "../schema/line-box.js";
import type { Warning } from "../schema/span.js";

/**
 * The common block model. Every source (text, Markdown, PDF, DOCX, DOC, OCR) turns its input
 * into a flat list of blocks in reading order; the structure stages never look past it.
 *
 * A block is one paragraph or one visual line that should not be merged with its neighbours
 * (a header line, a heading line, a table cell). Its `text` has no line breaks: sources unwrap
 * hard-wrapped lines (see `unwrapLines`) before they emit blocks.
 */
export interface Block {
  text: string;
  /** 1-based page where the block starts, when the source is paginated. */
  page?: number;
  /** What the source knows about the block's function. Structure stages decide the rest. */
  role?: BlockSourceRole;
  /** For `role: "footnote"`: the label printed before the definition ("1", "(2)", "*"). */
  footnoteLabel?: string;
  /** Which column of a two-column zone (header table, Nơi nhận | signature table, PDF columns). */
  column?: "left" | "right";
  /** Two-column zone the block was read from, when the source could tell. */
  zone?: "header" | "closing";
  /** Table cell coordinates for blocks read from content tables. */
  table?: BlockTableCell;
  style: BlockStyle;
  /** Inline marks, offsets relative to `text`. */
  marks?: InlineMark[];
}

/**
 * Where a block sits in a data table (bảng). `index` counts the document's data tables; `row` and
 * `col` are 0-based on the table's grid (`col` -1: a whole row joined in one block). Only cells
 * with text become blocks.
 */
export interface BlockTableCell {
  index: number;
  row: number;
  col: number;
  /** Rows and grid columns the cell covers (merged cells); 1 when absent. */
  rowSpan?: number;
  colSpan?: number;
  /** The row is a header row the source marks as such (DOCX w:tblHeader, a GFM head row). */
  header?: boolean;
}

/**
 * What a source can say about a block on its own. `body` is the default.
 * - `footnote`: a footnote or endnote definition (DOCX notes, PDF bottom-of-page notes).
 * - `furniture`: running header/footer or page number, kept for the record but out of the flow.
 */
export type BlockSourceRole = "body" | "footnote" | "endnote" | "furniture";

export interface BlockStyle {
  /** Heading level the source declares: Markdown `#` count, DOCX `Heading n` style. */
  headingLevel?: number;
  /** Whole block bold / italic (most of its characters). */
  bold?: boolean;
  italic?: boolean;
  /** Font size in points, when known (PDF, DOCX). */
  fontSize?: number;
  /** Font size relative to the document's body size (1 = body). */
  relativeSize?: number;
  /** Left indentation in points (PDF, DOCX) or characters (text). */
  indent?: number;
  /** First-line indentation relative to `indent`. */
  firstLineIndent?: number;
  align?: "left" | "center" | "right" | "justify";
  /** The source line count before unwrapping (helps headings: a heading is short). */
  lines?: number;
  /** Vertical gap before the block, in multiples of the line height (PDF) or blank lines (text). */
  gapBefore?: number;
}

export interface InlineMark {
  start: number;
  end: number;
  kind: "sup" | "sub" | "bold" | "italic" | "footnoteRef" | "correction" | "box";
  /** For `footnoteRef`: the footnote label it points to. */
  label?: string;
  /** For `correction` (a word the OCR post-correction replaced): the text as read. */
  original?: string;
  /** For `box` (a whole line read by OCR): where the line is on its page image. */
  box?: PageBox;
  /** For `box`: the line's mean word confidence, 0–100. */
  confidence?: number;
  /** For `box`: the line's page (a paragraph may run on across a page break). */
  page?: number;
}

/** What a source hands to the pipeline. */
export interface SourceDocument {
  format: SourceFormat;
  blocks: Block[];
  pages: number | null;
  warnings: Warning[];
  encoding?: string | null;
  ocr?: { pages: number[]; meanConfidence: number | null; engine: string } | null;
  /** Every line was normalized (`normalizeLines`) before it joined a block: the text reader. */
  linesNormalized?: boolean;
  /** And none of those lines holds anything normalization would still change (`NormalizedLines.settled`). */
  linesSettled?: boolean;
}

/** A block once placed in the record's `text`. */
export interface PlacedBlock extends Block {
  index: number;
  start: number;
  end: number;
}
