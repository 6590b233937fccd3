/**
 * Bảng chỉ tiêu: targets and results read from indicator tables, row by row.
 *
 * A table is an indicator table when its header names an indicator column (Chỉ tiêu, Nội dung …)
 * and a plan (Kế hoạch, Mục tiêu, Chỉ tiêu giao …) or actual (Thực hiện, Ước thực hiện, Kết quả …)
 * column. Each data row whose plan cell holds one figure gives a target; each actual cell with one
 * figure gives a result, linked to the row's target (`targetRef`) with a `status` computed from
 * the comparator and both values. The indicator is the row's label qualified by the labels of the
 * rows it nests under (I → 1 → a → "-", or a row without figures heading the rows below). Any
 * other table yields nothing: current figures in a list are not targets.
 */
import {
  CELL_BOUND_AFTER,
  CELL_COMPARATOR,
  CELL_COMPARATOR_WORDS,
  COLUMN_ROLE_PATTERNS,
  HEADER_YEAR,
  ROW_ORDINALS,
  type ColumnRole,
} from "../../lexicon/table-headers.js";
import type { Span } from "../../schema/span.js";
import type { Table, TableCell } from "../../schema/table.js";
import type { Comparator, Result, Target } from "../../schema/target.js";
import { foldTones } from "../../text/fold.js";
import { readNumberToken, scaleExact } from "./numbers.js";
import { normalizeFigure, readUnit } from "./units.js";
import { judgeResult } from "./judge-result.js";
import { asResult } from "./as-result.js";

/** Figures read from tables; `targetRef` of results indexes `targets` of the same object. */
export interface TableMeasures {
  targets: Target[];
  results: Result[];
}

/** A grid column's role and the year its header names. */
interface ColumnInfo {
  role: ColumnRole;
  year: string | null;
}

/** Separator between a parent row's label and its child's in an indicator. */
const LABEL_JOIN = " / ";
/** One number, optionally a range "8-8,5", "8 - 8,5", "từ 8 đến 8,5": the whole cell. */
const CELL_FIGURE = /^(?<num>\d[\d.,]*)(?:\s*(?:[-–]|đến)\s*(?<max>\d[\d.,]*))?\s*(?<unit>%)?$/u;
const WHITESPACE_RUN = /\s+/gu;
/** A leading list marker on a label: "- ", "+ ", "a) ", "1. ". */
const LABEL_MARKER = /^(?:[-+*•–]\s*|[a-zđ]\)\s+|\d{1,3}(?:\.\d{1,3})*[.)]\s+)/u;

/** Reads the indicator tables among `tables`. Never throws on content. */
export function readIndicatorTables(text: string, tables: Table[]): TableMeasures {
  const out: TableMeasures = { targets: [], results: [] };
  for (const table of tables) readTable(text, table, out);
  return out;
}

/**
 * Merges table figures into the running-text ones, in text order, keeping every result's
 * `targetRef` on the same target.
 */
export function mergeMeasures(prose: TableMeasures, tables: TableMeasures): TableMeasures {
  const targets = [...prose.targets, ...tables.targets].sort((a, b) => a.span.start - b.span.start);
  const indexOf = new Map(targets.map((t, i) => [t, i]));
  const remap = (ref: number | null): number | null => (ref === null ? null : indexOf.get(tables.targets[ref]) ?? null);
  const results = [...prose.results, ...tables.results.map((r) => asResult(r, r.basis, remap(r.targetRef), r.status))].sort((a, b) => a.span.start - b.span.start);
  return { targets, results };
}

/** An indicator table: its header names an indicator column and a plan or an actual column. */
export function isIndicatorTable(table: Table): boolean {
  if (table.headerRows === 0) return false;
  const roles = new Set([...readColumns(table).values()].map((c) => c.role));
  return roles.has("indicator") && (roles.has("plan") || roles.has("actual"));
}

function readTable(text: string, table: Table, out: TableMeasures): void {
  if (!isIndicatorTable(table)) return;
  const columns = readColumns(table);
  const indicatorCol = firstColumn(columns, "indicator")!;
  const ordinalCol = firstColumn(columns, "ordinal");
  const unitCol = firstColumn(columns, "unit");
  const planCols = columnsOf(columns, "plan");
  const actualCols = columnsOf(columns, "actual");
  // Labels of the rows above that the current row nests under, by level.
  const parents: Array<{ level: number; label: string }> = [];
  let groupLevel = 0;
  for (const row of table.rows.slice(table.headerRows)) {
    const at = (col: number | null): TableCell | null => (col === null ? null : row.cells.find((c) => c.col <= col && col < c.col + c.colSpan) ?? null);
    const labelCell = at(indicatorCol);
    if (!labelCell) continue;
    const label = cleanLabel(labelCell.text);
    const ordinal = ordinalCol !== null && ordinalCol !== indicatorCol ? at(ordinalCol)?.text.trim() ?? "" : "";
    const plans = planCols.map((col) => ({ col, cell: at(col) })).filter((p) => p.cell && p.cell.col === p.col);
    const actuals = actualCols.map((col) => ({ col, cell: at(col) })).filter((a) => a.cell && a.cell.col === a.col);
    const hasFigures = [...plans, ...actuals].some((p) => readFigure(p.cell!.text) !== null);
    let level = ordinalLevel(ordinal);
    if (level === null) level = hasFigures ? groupLevel + 1 : groupLevel;
    while (parents.length && parents[parents.length - 1].level >= level) parents.pop();
    const indicator = [...parents.map((p) => p.label), label].join(LABEL_JOIN);
    // Every row heads the deeper rows below it ("5 Đường giao thông" over "- Trong đó: …"); a row
    // without figures ("I. Chỉ tiêu kinh tế") also heads the unnumbered rows that follow.
    parents.push({ level, label });
    if (!hasFigures) {
      groupLevel = level;
      continue;
    }
    const unitText = unitCol !== null ? at(unitCol)?.text.trim() || null : null;
    const sectionId = table.sectionId;
    let targetIndex: number | null = null;
    let target: Target | null = null;
    for (const { cell } of plans) {
      const figure = readFigure(cell!.text);
      if (!figure) continue;
      const made = makeMeasure(text, cell!, figure, indicator, unitText, sectionId);
      out.targets.push(made);
      if (target === null) {
        target = made;
        targetIndex = out.targets.length - 1;
      }
    }
    for (const { cell } of actuals) {
      const figure = readFigure(cell!.text);
      if (!figure) continue;
      const made = makeMeasure(text, cell!, figure, indicator, unitText, sectionId);
      out.results.push(asResult(made, null, targetIndex, target ? judgeResult(made, target) : null));
    }
  }
}

/** Role of each grid column, from the header cells that cover it (the lowest match wins). */
function readColumns(table: Table): Map<number, ColumnInfo> {
  const columns = new Map<number, ColumnInfo>();
  table.rows.slice(0, table.headerRows).forEach((row) => {
    for (const cell of row.cells) {
      const folded = foldTones(cell.text.toLocaleLowerCase("vi")).replace(WHITESPACE_RUN, " ").trim();
      const role = COLUMN_ROLE_PATTERNS.find(([, pattern]) => pattern.test(folded))?.[0];
      const year = HEADER_YEAR.exec(cell.text)?.[0] ?? null;
      for (let col = cell.col; col < cell.col + cell.colSpan; col++) {
        const known = columns.get(col);
        if (role) columns.set(col, { role, year: year ?? known?.year ?? null });
        else if (known && year && !known.year) known.year = year;
        else if (!known && year) columns.set(col, { role: "note", year });
      }
    }
  });
  // A year alone under a plan or actual group header ("Năm 2025") keeps the group's role: done
  // above, since the group's role was set first and a year-only cell does not override it.
  return columns;
}

function firstColumn(columns: Map<number, ColumnInfo>, role: ColumnRole): number | null {
  const cols = columnsOf(columns, role);
  return cols.length ? cols[0] : null;
}

function columnsOf(columns: Map<number, ColumnInfo>, role: ColumnRole): number[] {
  return [...columns.entries()].filter(([, info]) => info.role === role).map(([col]) => col).sort((a, b) => a - b);
}

/** Nesting level of a row from its STT: I → 0, 1 → 1, 1.1 → 2, a → 4, "-" → 5; null when empty. */
function ordinalLevel(ordinal: string): number | null {
  if (ordinal === "") return null;
  const level = ROW_ORDINALS.findIndex((pattern) => pattern.test(ordinal));
  return level === -1 ? null : level;
}

function cleanLabel(text: string): string {
  return text.replace(WHITESPACE_RUN, " ").trim().replace(LABEL_MARKER, "").replace(/[:;,.]$/u, "").trim();
}

interface CellFigure {
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  /** Offsets of the figure inside the cell's text. */
  start: number;
  end: number;
  percent: boolean;
  parsed: { intDigits: string; fracDigits: string };
}

/**
 * The one figure of a cell: "≥ 90", "trên 85", "95% trở lên", "8-8,5", "12.500". A cell with
 * words around the figure ("Đạt 3/5 tiêu chí") is not read: it is no single value.
 */
function readFigure(raw: string): CellFigure | null {
  const lead = raw.length - raw.trimStart().length;
  let body = raw.trim().toLocaleLowerCase("vi");
  let offset = lead;
  let comparator: Comparator | null = null;
  const word = CELL_COMPARATOR.exec(body);
  if (word?.groups) {
    comparator = CELL_COMPARATOR_WORDS.get(word.groups.word.replace(WHITESPACE_RUN, " ")) ?? null;
    offset += word[0].length;
    body = body.slice(word[0].length);
  }
  const bound = CELL_BOUND_AFTER.exec(body);
  if (bound?.groups) {
    comparator = bound.groups.dir === "lên" ? "gte" : "lte";
    body = body.slice(0, bound.index).trimEnd();
  }
  const m = CELL_FIGURE.exec(body);
  if (!m?.groups) return null;
  const n = readNumberToken(m.groups.num);
  if (!n) return null;
  const max = m.groups.max ? readNumberToken(m.groups.max) : null;
  if (m.groups.max && !max) return null;
  return {
    comparator: max ? "range" : comparator ?? "eq",
    value: n.value,
    valueMax: max ? max.value : null,
    start: offset,
    end: offset + m[0].length,
    percent: Boolean(m.groups.unit),
    parsed: n,
  };
}

function makeMeasure(text: string, cell: TableCell, figure: CellFigure, indicator: string, unitText: string | null, sectionId: string | null): Target {
  const unit = unitText ?? (figure.percent ? "%" : null);
  const reading = unit ? readUnit(` ${unit}`, 0) : null;
  const scaled = reading ? scaleExact(figure.parsed, reading.scale) : figure.value;
  const valueSpan: Span = withPage({ start: cell.span.start + figure.start, end: cell.span.start + figure.end }, cell.span);
  return {
    text: text.slice(cell.span.start, cell.span.end),
    span: cell.span,
    sectionId,
    footnote: null,
    indicator,
    comparator: figure.comparator,
    value: figure.value,
    valueMax: figure.valueMax,
    unit,
    normalized: reading && reading.unit !== null ? normalizeFigure(reading, scaled, indicator) : null,
    direction: null,
    valueSpan,
  };
}

function withPage(span: Span, from: Span): Span {
  return from.page === undefined ? span : Object.assign({}, span, { page: from.page });
}
