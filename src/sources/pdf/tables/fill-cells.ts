import type { InlineMark } from "../../../blocks/index.js";
import { RECIPIENTS_LEAD } from "../../../lexicon/closing-marks.js";
import { NATIONAL_TITLE } from "../../../lexicon/header-marks.js";
import { composeLine } from "../build-lines.js";
import { wordsOfRun } from "../run-words.js";
import type { PdfLine, PdfRun } from "../types.js";
import type { Grid, GridCell } from "./build-grids.js";
import { LETTER_CLASS } from "../../../lexicon/letters.js";

/** A table read on one page: its cell lines (one per non-empty cell, row by row) and grid. */
export interface PageTable {
  page: number;
  /** Column boundaries (x), left to right. */
  xs: number[];
  /** Rows of the grid (printed or not): cell rows are 0-based in it. */
  rows: number;
  /** One line per cell with text; each carries its `table` place (index set later). */
  cells: PdfLine[];
  /** Left and right edges of each cell's box, parallel to `cells`. */
  boxes: Array<{ x0: number; x1: number }>;
  /** Borderless: its column boundaries are the middles of the gaps its text leaves. */
  aligned?: boolean;
  /** Nothing but furniture and footnotes above / below it on the page. */
  opensPage: boolean;
  closesPage: boolean;
}

/** A word whose centre lies in a cell belongs to it; a run crossing a column rule is cut into words. */
const CROSS_SLACK = 2;
/** A word broken at a hyphen with no space before it ("NĐ-" + "CP"): rejoin without a space. */
const HYPHEN_WRAP = new RegExp(String.raw`[${LETTER_CLASS}\d]-$`, "u");

/**
 * Places the page's text in the grid's cells (ô): each run goes to the cell holding the middle
 * of its x-height, a run crossing a column rule is cut into words first; the runs of one cell
 * are composed line by line and joined into one line per cell. Returns the page's lines with
 * the table's lines replaced by its cell lines (at the place of its first line), or null when
 * the grid holds no data table: at most one filled cell per row is a frame around text, a frame
 * around the quốc hiệu or Nơi nhận is the header's or closing's layout, and lines the layout
 * already placed (header and closing zones, furniture) are never cells.
 */
export function fillCells(lines: PdfLine[], grid: Grid, page: number): { lines: PdfLine[]; table: PageTable } | null {
  const top = grid.ys[0];
  const bottom = grid.ys[grid.ys.length - 1];
  const left = grid.xs[0];
  const right = grid.xs[grid.xs.length - 1];
  const byCell = new Map<GridCell, Map<PdfLine, PdfRun[]>>();
  const leftovers = new Map<PdfLine, PdfRun[]>();
  const touched = new Set<PdfLine>();
  for (const line of lines) {
    if (line.role || line.zone || line.table) continue;
    const mid = line.y - line.size * 0.3;
    if (mid < top || mid > bottom) continue;
    for (const run of line.runs.flatMap((r) => cutAtRules(r, grid.xs))) {
      const x = run.x + run.width / 2;
      const cell = run.space ? null : findCell(grid, x, run.y - run.size * 0.3);
      if (x < left || x > right || (!cell && !run.space)) {
        push(leftovers, line, run);
        continue;
      }
      touched.add(line);
      if (!cell) continue;
      let inCell = byCell.get(cell);
      if (!inCell) byCell.set(cell, (inCell = new Map()));
      push(inCell, line, run);
    }
  }
  const filled = new Map<number, number>();
  for (const cell of byCell.keys()) filled.set(cell.row, (filled.get(cell.row) ?? 0) + 1);
  if (Math.max(0, ...filled.values()) <= 1) return null;
  const cells: PdfLine[] = [];
  const boxes: PageTable["boxes"] = [];
  for (const cell of grid.cells) {
    const inCell = byCell.get(cell);
    if (!inCell) continue;
    const line = joinCellLines([...inCell.values()].map((runs) => composeLine(page, runs)).filter((l) => l.text !== ""), page);
    if (!line) continue;
    line.table = {
      index: -1,
      row: cell.row,
      col: cell.col,
      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
      ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
    };
    cells.push(line);
    boxes.push({ x0: cell.x0, x1: cell.x1 });
  }
  // A ruled header (quốc hiệu beside the issuer) or Nơi nhận | signature frame is layout, not data.
  if (cells.length === 0 || cells.some((c) => NATIONAL_TITLE.test(c.text) || RECIPIENTS_LEAD.test(c.text))) return null;
  const out: PdfLine[] = [];
  let placed = false;
  let before = false;
  let after = false;
  for (const line of lines) {
    if (!touched.has(line)) {
      out.push(line);
      if (!line.role && !line.zone) {
        if (placed) after = true;
        else before = true;
      }
      continue;
    }
    if (!placed) {
      out.push(...cells);
      placed = true;
    }
    const rest = leftovers.get(line);
    if (rest?.some((r) => !r.space)) out.push(composeLine(page, rest));
  }
  return { lines: out, table: { page, xs: grid.xs, rows: grid.ys.length - 1, cells, boxes, ...(grid.aligned ? { aligned: true } : {}), opensPage: !before, closesPage: !after } };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function findCell(grid: Grid, x: number, y: number): GridCell | null {
  for (const cell of grid.cells) if (x >= cell.x0 && x < cell.x1 && y >= cell.y0 && y < cell.y1) return cell;
  return null;
}

/** A run that crosses a column boundary is cut into its words (each placed on its own). */
function cutAtRules(run: PdfRun, xs: number[]): PdfRun[] {
  if (run.space) return [run];
  const end = run.x + run.width;
  if (!xs.some((x) => x > run.x + CROSS_SLACK && x < end - CROSS_SLACK)) return [run];
  const out = wordsOfRun(run);
  return out.length > 0 ? out : [run];
}

/** The lines of one cell as one line: joined by a space, or nothing after a hyphen wrap. */
function joinCellLines(lines: PdfLine[], page: number): PdfLine | null {
  if (lines.length === 0) return null;
  if (lines.length === 1) return lines[0];
  const first = lines[0];
  let text = "";
  const marks: InlineMark[] = [];
  const spans: PdfLine["spans"] = [];
  let bold = 0;
  let italic = 0;
  let chars = 0;
  for (const line of lines) {
    const sep = text === "" || HYPHEN_WRAP.test(text) ? "" : " ";
    const offset = text.length + sep.length;
    text += sep + line.text;
    for (const m of line.marks) marks.push({ ...m, start: m.start + offset, end: m.end + offset });
    for (const s of line.spans) spans.push({ ...s, start: s.start + offset, end: s.end + offset });
    chars += line.text.length;
    if (line.bold) bold += line.text.length;
    if (line.italic) italic += line.text.length;
  }
  return {
    page,
    text,
    y: first.y,
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1)),
    size: first.size,
    bold: chars > 0 && bold / chars > 0.6,
    italic: chars > 0 && italic / chars > 0.6,
    marks,
    runs: lines.flatMap((l) => l.runs),
    spans,
  };
}
