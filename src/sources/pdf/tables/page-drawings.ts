import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { callPdfJs, PdfJsError } from "../call-pdfjs.js";
import type { PdfJs } from "../load-pdf.js";
import type { PdfLine } from "../types.js";
import { buildGrids } from "./build-grids.js";
import { mayHoldTable } from "./may-hold-table.js";
import type { PdfObjects } from "../../pdf-file/index.js";
import { readRules, type Rule } from "./read-rules.js";
import { scanPagePaths } from "./scan-paths.js";

type Matrix = [number, number, number, number, number, number];

/**
 * Where the pages' drawings are read from: the file's content streams directly (indexed on first
 * use), else pdf.js's operator list, which does the glyph work of the whole page again.
 */
export class PageDrawings {
  /** The page read last drew a table grid: the next one is read too (a table going on over the page break). */
  private gridBefore = false;

  /** `objects`: the file's objects, indexed by the caller on first use. */
  constructor(private readonly objects: () => PdfObjects) {}

  /**
   * The rules a page draws, read only when its text looks like a table (`mayHoldTable`) or the
   * page before drew a table grid. Pages are read in order. What pdfjs cannot read is said in
   * `problems` and the page has no rules.
   */
  async readRules(pdfjs: PdfJs, page: PDFPageProxy, lines: PdfLine[], problems: string[]): Promise<Rule[]> {
    const wanted = this.gridBefore || mayHoldTable(lines);
    this.gridBefore = false;
    if (!wanted) return [];
    try {
      const viewport = await callPdfJs("page geometry", () => page.getViewport({ scale: 1 }));
      const scanned = page.ref ? scanPagePaths(pdfjs, this.objects(), page.ref) : null;
      const ops = scanned ?? (await callPdfJs("operator list (table rules)", () => page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE })));
      const rules = readRules(pdfjs, ops, viewport.transform as Matrix);
      this.gridBefore = buildGrids(rules).length > 0;
      return rules;
    } catch (error) {
      if (!(error instanceof PdfJsError)) throw error;
      problems.push(error.message);
      return [];
    }
  }
}
