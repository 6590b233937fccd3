import type { PdfLine } from "../types.js";
import type { PageTable } from "./fill-cells.js";
import { LETTER_CLASS, LOWER_CLASS } from "../../../lexicon/letters.js";

/** Column boundaries this close (points) are the same boundary on the next page. */
const SAME_COLUMN = 4;
/**
 * Boundaries of borderless parts this close (points) are the same: they lie in the middle of the
 * gaps the text leaves, which move with the widest text of each page's part.
 */
const SAME_ALIGNED_COLUMN = 12;
/** Share of the boundaries two page parts must share to be one table's column grid. */
const SHARED_COLUMNS = 0.6;
/** A cell that ends a clause ends its row; one that does not was cut by the page break. */
const ENDS_CLAUSE = /[.:;!?…]["”»)]?$/u;
const STARTS_LOWER = new RegExp(String.raw`^["“(]?[${LOWER_CLASS}]`, "u");
const HYPHEN_WRAP = new RegExp(String.raw`[${LETTER_CLASS}\d]-$`, "u");
/** A list item ("- …", "+ …") may go on in the cell above after a full stop. */
const LIST_ITEM = /^[-+–•]\s/u;
/** A cell cut after a comma or a hyphen. */
const OPEN_END = /[,–-]$/u;

const norm = (text: string): string => text.normalize("NFC").replace(/\s+/gu, " ").trim().toLocaleLowerCase("vi");

/**
 * Numbers the document's tables (chỉ số bảng) and joins a table that goes on over a page break:
 * the table closing one page and the one opening the next, on the same column grid, are one
 * table whose rows continue (columns placed on the first page's grid). Rows at the top of the
 * continuation that repeat the table's first rows (a repeated header, its column numbers) are
 * the header printed again: marked header rows of the table, their repetition page furniture.
 * A first row with no number whose cells carry on unfinished cells of the row above was cut by
 * the page break: its text joins those cells.
 */
export function numberTables(tables: PageTable[]): void {
  let index = -1;
  let previous: PageTable | null = null;
  let firstPart: PageTable | null = null;
  let parts: PageTable[] = [];
  let rowOffset = 0;
  for (const table of tables) {
    const continues = previous !== null && firstPart !== null && previous.closesPage && table.opensPage && table.page === previous.page + 1 && (firstPart.aligned && table.aligned ? sameAlignedColumns(firstPart.xs, table.xs) : sameColumns(firstPart.xs, table.xs));
    if (continues && previous && firstPart) {
      placeOnGrid(table, firstPart.xs);
      rowOffset += previous.rows;
      const repeated = repeatedRows(firstPart, table);
      for (const cell of table.cells) {
        if (cell.table!.row < repeated) {
          delete cell.table;
          cell.role = "furniture";
        }
      }
      for (const cell of firstPart.cells) if (cell.table && cell.table.row < repeated) cell.table.header = true;
      joinCutRow(parts, table);
      parts.push(table);
    } else {
      index++;
      rowOffset = 0;
      firstPart = table;
      parts = [table];
    }
    for (const cell of table.cells) {
      if (!cell.table) continue;
      cell.table.index = index;
      cell.table.row += rowOffset;
    }
    previous = table;
  }
}

/** Same outer edges, and most inner boundaries shared (a part may split or merge a column). */
function sameColumns(a: number[], b: number[]): boolean {
  const near = (x: number, list: number[]) => list.some((y) => Math.abs(x - y) <= SAME_COLUMN);
  if (Math.abs(a[0] - b[0]) > SAME_COLUMN || Math.abs(a[a.length - 1] - b[b.length - 1]) > SAME_COLUMN) return false;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  return small.filter((x) => near(x, large)).length >= small.length * SHARED_COLUMNS;
}

/** Borderless parts: as many columns, each inner boundary near its match (outer edges follow the text). */
function sameAlignedColumns(a: number[], b: number[]): boolean {
  return a.length === b.length && a.slice(1, -1).every((x, i) => Math.abs(x - b[i + 1]) <= SAME_ALIGNED_COLUMN);
}

/** Re-places a continuation's cells on the first part's column grid, by their edges. */
function placeOnGrid(table: PageTable, xs: number[]): void {
  const nearest = (x: number): number => {
    let best = 0;
    for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
    return best;
  };
  table.cells.forEach((cell, i) => {
    const place = cell.table!;
    const col = Math.min(nearest(table.boxes[i].x0), xs.length - 2);
    const span = Math.max(1, nearest(table.boxes[i].x1) - col);
    place.col = col;
    if (span > 1) place.colSpan = span;
    else delete place.colSpan;
  });
  table.xs = xs;
}

/** How many first rows of `next` repeat the first rows of `first`, cell for cell. */
function repeatedRows(first: PageTable, next: PageTable): number {
  const rowTexts = (table: PageTable, row: number): string =>
    table.cells
      .filter((c) => c.table && c.table.row === row)
      .map((c) => `${c.table!.col}:${norm(c.text)}`)
      .join("|");
  let count = 0;
  // A header is a few rows at most; a repeated data row would be a coincidence.
  for (let row = 0; row < Math.min(4, next.rows); row++) {
    const mine = rowTexts(next, row);
    if (mine === "" || mine !== rowTexts(first, row)) break;
    count = row + 1;
  }
  return count;
}

/**
 * A row cut by the page break: the continuation's first row has no cell in the first column,
 * each of its cells lies under a cell of the row above that stops mid-clause (or the cell below
 * starts in lower case, or with a list item), one plainly carrying on. Its text joins the cells above.
 */
function joinCutRow(parts: PageTable[], next: PageTable): void {
  const live = (t: PageTable) => t.cells.filter((c) => c.table);
  const nextCells = live(next);
  // The parts read so far (a row may be cut twice: its text already joined the page before).
  const prevCells = parts.flatMap(live);
  if (nextCells.length === 0 || prevCells.length === 0) return;
  const firstRow = Math.min(...nextCells.map((c) => c.table!.row));
  const lastRow = Math.max(...prevCells.map((c) => c.table!.row));
  const top = nextCells.filter((c) => c.table!.row === firstRow);
  if (top.some((c) => c.table!.col === 0)) return;
  // Rows of the previous part reaching its last row (a merged cell started higher up).
  const above = new Map<number, PdfLine>();
  for (const c of prevCells) if (c.table!.row + (c.table!.rowSpan ?? 1) - 1 >= lastRow) above.set(c.table!.col, c);
  const pairs = top.map((c) => [above.get(c.table!.col), c] as const);
  if (pairs.some(([a]) => !a)) return;
  // Every cell above is unfinished or goes on with a list item, and one below plainly carries on
  // (lower case, or after a comma): a list whose cells never end with a full stop must not run
  // its rows together.
  if (!pairs.every(([a, b]) => !ENDS_CLAUSE.test(a!.text) || STARTS_LOWER.test(b.text) || LIST_ITEM.test(b.text))) return;
  if (!pairs.some(([a, b]) => STARTS_LOWER.test(b.text) || OPEN_END.test(a!.text))) return;
  for (const [a, b] of pairs) {
    appendLine(a!, b);
    b.text = "";
    b.marks = [];
    b.spans = [];
    delete b.table;
  }
}

function appendLine(to: PdfLine, from: PdfLine): void {
  const sep = HYPHEN_WRAP.test(to.text) ? "" : " ";
  const offset = to.text.length + sep.length;
  to.text += sep + from.text;
  to.marks = [...to.marks, ...from.marks.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }))];
  to.spans = [...to.spans, ...from.spans.map((s) => ({ ...s, start: s.start + offset, end: s.end + offset }))];
  to.runs = [...to.runs, ...from.runs];
}
