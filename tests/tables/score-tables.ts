import type { Table } from "../../src/schema/table.js";

/** One hand-annotated cell: its grid place and its text as printed. */
export interface AnnotatedCell {
  col: number;
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

export interface AnnotatedTable {
  headerRows: number;
  rows: AnnotatedCell[][];
}

export interface TableScore {
  /** Cells keyed "row:col:text" found in both. */
  matched: number;
  predicted: number;
  expected: number;
  rowsRight: boolean;
  colsRight: boolean;
}

const norm = (text: string) => text.normalize("NFC").replace(/\s+/gu, " ").trim();

function keys(rows: Array<Array<{ col: number; text: string }>>): Set<string> {
  const out = new Set<string>();
  rows.forEach((row, r) => row.forEach((cell) => out.add(`${r}:${cell.col}:${norm(cell.text)}`)));
  return out;
}

function columnCount(rows: Array<Array<{ col: number; colSpan?: number }>>): number {
  return Math.max(0, ...rows.flat().map((c) => c.col + (c.colSpan ?? 1)));
}

/** Scores one predicted table against its annotation: cells by (row, col, text), row and column counts. */
export function scoreTable(predicted: Table, expected: AnnotatedTable): TableScore {
  const got = keys(predicted.rows.map((r) => r.cells));
  const want = keys(expected.rows);
  let matched = 0;
  for (const k of got) if (want.has(k)) matched++;
  return {
    matched,
    predicted: got.size,
    expected: want.size,
    rowsRight: predicted.rows.length === expected.rows.length,
    colsRight: columnCount(predicted.rows.map((r) => r.cells)) === columnCount(expected.rows),
  };
}

/**
 * Pairs each annotated table with the predicted table that shares most cells with it (a document
 * may hold tables nobody annotated, such as a form's signature grid). Null when none shares one.
 */
export function pairTables(predicted: Table[], expected: AnnotatedTable[]): Array<{ expected: AnnotatedTable; predicted: Table | null }> {
  const used = new Set<Table>();
  return expected.map((want) => {
    let best: Table | null = null;
    let bestScore = 0;
    for (const table of predicted) {
      if (used.has(table)) continue;
      const { matched } = scoreTable(table, want);
      if (matched > bestScore) {
        best = table;
        bestScore = matched;
      }
    }
    if (best) used.add(best);
    return { expected: want, predicted: best };
  });
}
