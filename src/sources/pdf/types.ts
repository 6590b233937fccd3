import type { InlineMark } from "../../blocks/index.js";
import type { BlockTableCell, SourceLine } from "../../blocks/index.js";

import type { LegacyEncoding } from "../../normalize/index.js";

/** What a font's name tells: weight, slant and legacy encoding. */
export interface FontInfo {
  name: string;
  bold: boolean;
  italic: boolean;
  legacy: LegacyEncoding | null;
  /** A TCVN3 capitals font (".VnTimeH"): its lower-case codes print capitals. */
  capitals: boolean;
}

/**
 * One positioned text run as pdfjs returns it, in display coordinates: origin at the top-left
 * of the (rotated) page, y growing downwards, `y` on the baseline.
 */
export interface PdfRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  font: string;
  bold: boolean;
  italic: boolean;
  /** True for a whitespace-only run (pdfjs emits those for wide gaps). */
  space: boolean;
  /** Text drawn by a signature stamp (số, ngày stamped at signing), not by the page itself. */
  stamp?: boolean;
  /** Text decoded from a legacy font encoding or repaired from shifted codes. */
  converted?: boolean;
  /** Not horizontal: kept as its own line. */
  rotated?: boolean;
}

/** A page's runs and geometry. */
export interface PdfPage {
  page: number;
  width: number;
  height: number;
  runs: PdfRun[];
}

/** One visual line on a page: runs on a shared baseline, in x order. */
export interface PdfLine {
  page: number;
  text: string;
  /** Baseline. */
  y: number;
  x0: number;
  x1: number;
  /** Dominant font size of the line (by characters). */
  size: number;
  bold: boolean;
  italic: boolean;
  marks: InlineMark[];
  runs: PdfRun[];
  /** Character ranges of `text` covered by each non-space run, parallel to `runs` minus spaces. */
  spans: Array<{ start: number; end: number; run: PdfRun }>;
  /** Set by the layout passes. */
  role?: SourceLine["role"];
  column?: SourceLine["column"];
  zone?: SourceLine["zone"];
  footnoteLabel?: string;
  /** Set by the table pass: the line is one cell of a ruled or aligned table. */
  table?: BlockTableCell;
}
