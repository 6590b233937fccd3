import type { PdfLine } from "../types.js";
import { buildGrids } from "./build-grids.js";
import { fillCells, type PageTable } from "./fill-cells.js";
import { numberTables } from "./join-pages.js";
import type { Rule } from "./read-rules.js";

export { readRules, type Rule } from "./read-rules.js";

/** What the table pass needs of a page: its lines (layout roles set) and the rules it draws. */
export interface TablePage {
  page: number;
  lines: PdfLine[];
  rules: Rule[];
}

/**
 * Bảng biểu: finds the ruled data tables of every page and puts them in the page's lines as
 * one line per cell, carrying the cell's place (`table`), where the table's lines were. A
 * table that goes on over a page break is one table. Call after the header and closing zones
 * are split (their lines are never cells) and before footnotes are read.
 */
export function readPdfTables(pages: TablePage[]): void {
  const found: PageTable[] = [];
  for (const page of pages) {
    if (page.rules.length === 0) continue;
    for (const grid of buildGrids(page.rules)) {
      const read = fillCells(page.lines, grid, page.page);
      if (!read) continue;
      page.lines = read.lines;
      found.push(read.table);
    }
  }
  numberTables(found);
}
