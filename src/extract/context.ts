import type { Span, Warning } from "../schema/span.js";
import type { FoldedText } from "../text/fold.js";

/**
 * A run of text the extractors read: one paragraph, heading, footnote or preamble line of the
 * record, or one table cell. Extractors look inside units only, so a match never straddles two
 * paragraphs or two cells.
 */
export interface TextUnit {
  span: Span;
  role: "title" | "subject" | "reference" | "preamble" | "heading" | "paragraph" | "footnote" | "addressees" | "unassigned" | "cell";
  /** Id of the section the unit belongs to, null before the first section. */
  sectionId: string | null;
  /** Label of the footnote when the unit is a footnote's text. */
  footnote: string | null;
}

export interface ExtractContext {
  /** The record's normalized text; every span indexes into it. */
  text: string;
  units: TextUnit[];
  /** Type of the document being read (`QĐ`, `KH` …), for "Quyết định này" and the Căn cứ lines. */
  docType: { code: string | null; name: string | null };
  /** Extractors push doubts here instead of throwing. */
  warnings: Warning[];
  /** `foldTones(text)`, when the pipeline has it: units slice it (`foldSlice`) instead of folding again. */
  folded?: FoldedText;
}
