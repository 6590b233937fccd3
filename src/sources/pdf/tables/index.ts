import type { PdfLine } from "../types.js";
import { alignGrids } from "./align-grids.js";
import { buildGrids, type Grid } from "./build-grids.js";
import { fillCells, type PageTable } from "./fill-cells.js";
import { numberTables } from "./join-pages.js";
import type { Rule } from "./read-rules.js";

export { readRules, type Rule } from "./read-rules.js";

/** What the table pass needs of a page: its lines (layout roles set) and the rules it draws. */
export interface TablePage {
  page: number;
  lines: PdfLine[];
  rules: Rule[];
  /** The text layer is not readable (a scanner's OCR layer): where its words sit says nothing of columns. */
  garbled?: boolean;
}

/**
 * Bảng biểu: finds the data tables of every page, ruled ones from the rules the page draws, then
 * borderless ones from the alignment of the lines left, and puts them in the page's lines as one
 * line per cell, carrying the cell's place (`table`), where the table's lines were. A table that
 * goes on over a page break is one table. Call after the header and closing zones are split
 * (their lines are never cells) and before footnotes are read.
 */
export function readPdfTables(pages: TablePage[]): void {
  const found: PageTable[] = [];
  for (const page of pages) {
    const onPage: PageTable[] = [];
    const fill = (grid: Grid): void => {
      const read = fillCells(page.lines, grid, page.page);
      if (!read) return;
      page.lines = read.lines;
      onPage.push(read.table);
    };
    if (page.rules.length > 0) buildGrids(page.rules).forEach(fill);
    if (!page.garbled) alignGrids(page.lines).forEach(fill);
    // Tables are numbered in reading order: a borderless one may stand above a ruled one.
    found.push(...onPage.sort((a, b) => a.cells[0].y - b.cells[0].y));
  }
  numberTables(found);
}
