/**
 * The document model both Word readers build (DOCX from its XML, .doc from word-extractor's
 * marked text), so that one set of table rules and one line emitter serve both formats.
 */

export type NoteKind = "footnote" | "endnote";

/** The printed label of a numbered paragraph and what separates it from the text. */
export interface ListLabel {
  text: string;
  suffix: string;
}

/** Paragraph formatting that matters to the block model. */
export interface ParaProps {
  align?: "left" | "center" | "right" | "justify";
  /** Points. */
  indent?: number;
  /** Points, relative to `indent` (negative for a hanging indent). */
  firstLineIndent?: number;
  numId?: string;
  ilvl?: number;
}

export type VertAlign = "superscript" | "subscript" | "baseline";

/** A stretch of text with one formatting; "\n" alone is a line break inside the paragraph. */
export interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
  fontSize?: number;
  vertAlign?: VertAlign;
  /** A note reference in running text, with the label Word prints. */
  noteRef?: { kind: NoteKind; label: string };
  /** The mark at the head of a note definition (w:footnoteRef), replaced by the note's label. */
  noteMark?: boolean;
}

/** A Word paragraph (đoạn) with what the block model needs. */
export interface DocParagraph {
  kind: "paragraph";
  segments: Segment[];
  para: ParaProps;
  headingLevel?: number;
  label: ListLabel | null;
  /** Paragraphs of text boxes anchored in this paragraph (read after it, once). */
  floating: DocItem[];
}

export interface DocCell {
  /** Index of the first grid column the cell covers, and how many it spans. */
  gridStart: number;
  gridSpan: number;
  /** Continuation of a vertically merged cell: printed empty. */
  merged: boolean;
  items: DocItem[];
}

export interface DocTable {
  kind: "table";
  /** Grid column widths (twips), from w:tblGrid. */
  grid: number[];
  rows: DocCell[][];
  /** Rows Word repeats at the top of each page (w:tblHeader), by row index. */
  headerRows?: Set<number>;
}

export type DocItem = DocParagraph | DocTable;
