import type { PlacedBlock } from "../blocks/index.js";
import { ORNAMENT } from "../lexicon/header-marks.js";
import { COLUMN_NUMBER_CELL, COLUMN_ROLE_PATTERNS, TABLE_CAPTION } from "../lexicon/table-headers.js";
import type { Span } from "../schema/span.js";
import type { Table, TableCell } from "../schema/table.js";
import { foldTones } from "../text/fold.js";
import { blockSpan, claim, isAside, type StructureContext } from "./context.js";

/** A table read from its blocks, with the block indices the section tree needs. */
export interface ReadTable {
  table: Table;
  /** Index of the block of the first cell: the table belongs to the section open there. */
  firstBlock: number;
}

/** A caption is a short line; a longer one above the table is running text. */
const MAX_CAPTION_LENGTH = 200;
/** How many blocks above the table a "Phụ lục" / "Biểu số" line may sit (a subtitle between). */
const CAPTION_REACH = 3;

/**
 * Bảng: gathers the cells of every data table (blocks with `table` coordinates that no earlier
 * stage claimed) into rows, claims them with role `table` (so the section tree never sees a
 * cell), and finds each table's header rows and caption. Call before the section tree is built;
 * `assignTableSections` then places each table in its section.
 */
export function readTables(ctx: StructureContext): ReadTable[] {
  const groups = new Map<number, PlacedBlock[]>();
  for (const block of ctx.blocks) {
    if (!block.table || block.table.col < 0 || isAside(block.role) || !isClaimable(ctx, block)) continue;
    const group = groups.get(block.table.index);
    if (group) group.push(block);
    else groups.set(block.table.index, [block]);
  }
  const read: ReadTable[] = [];
  for (const cells of groups.values()) {
    for (const block of cells) claim(ctx, block.index, "table");
    read.push(buildTable(ctx, cells));
  }
  return read;
}

/**
 * A cell no earlier stage placed, or one taken for an ornament line: "-" (nothing to report) and
 * "00" are values in a table.
 */
function isClaimable(ctx: StructureContext, block: PlacedBlock): boolean {
  const role = ctx.roles[block.index];
  return role === null || (role === "furniture" && ORNAMENT.test(block.text));
}

/** Gives each table the section open at its first cell (or the nearest section above it). */
export function assignTableSections(ctx: StructureContext, tables: ReadTable[], sectionOf: (blockIndex: number) => string | null): void {
  for (const entry of tables) {
    for (let i = entry.firstBlock; i >= 0; i--) {
      if (ctx.roles[i] === "table" || isAside(ctx.blocks[i].role)) continue;
      entry.table.sectionId = sectionOf(i);
      break;
    }
  }
}

function buildTable(ctx: StructureContext, cells: PlacedBlock[]): ReadTable {
  // Rows with no text left no block: number the printed rows densely, keeping spans inside the table.
  const sourceRows = [...new Set(cells.map((b) => b.table!.row))].sort((a, b) => a - b);
  const denseRow = new Map(sourceRows.map((r, i) => [r, i]));
  const rows: Table["rows"] = sourceRows.map(() => ({ cells: [] }));
  for (const block of cells) {
    const info = block.table!;
    const row = denseRow.get(info.row)!;
    const lastSourceRow = info.row + (info.rowSpan ?? 1) - 1;
    const rowSpan = sourceRows.filter((r) => r >= info.row && r <= lastSourceRow).length;
    const cell: TableCell = { text: block.text, span: blockSpan(block), col: info.col, rowSpan: Math.max(1, rowSpan), colSpan: info.colSpan ?? 1 };
    rows[row].cells.push(cell);
  }
  for (const row of rows) row.cells.sort((a, b) => a.col - b.col);
  const first = cells[0];
  const last = cells[cells.length - 1];
  const span: Span = first.page === undefined ? { start: first.start, end: last.end } : { start: first.start, end: last.end, page: first.page };
  const caption = findCaption(ctx, first.index);
  return {
    table: {
      caption: caption ? caption.text : null,
      captionSpan: caption ? blockSpan(caption) : null,
      sectionId: null,
      span,
      page: first.page ?? null,
      headerRows: countHeaderRows(cells, denseRow, rows),
      rows,
    },
    firstBlock: first.index,
  };
}

/**
 * Header rows: the rows the source marks (Word's repeated header rows, a GFM head row);
 * otherwise a first row in bold or naming columns (STT, Chỉ tiêu, ĐVT …), extended over its
 * merged cells. A row that only numbers the columns ("(1) (2) (3)") belongs to the header too.
 */
function countHeaderRows(cells: PlacedBlock[], denseRow: Map<number, number>, rows: Table["rows"]): number {
  let count = 0;
  const marked = new Set(cells.filter((b) => b.table!.header).map((b) => denseRow.get(b.table!.row)!));
  while (marked.has(count)) count++;
  if (count === 0 && rows.length > 1) {
    const firstRow = cells.filter((b) => denseRow.get(b.table!.row) === 0);
    const bold = firstRow.filter((b) => b.style.bold).length > firstRow.length / 2;
    const named = firstRow.some((b) => readsAsColumnTitle(b.text));
    if (bold || named) {
      count = 1;
      // A header cell merged downwards ("STT" over two rows) keeps the rows it covers in the header.
      for (let r = 0; r < count && r < rows.length; r++) {
        for (const cell of rows[r].cells) count = Math.max(count, r + cell.rowSpan);
      }
    }
  }
  // Sub-titles under a merged title ("Kết quả" over "Thống nhất | Khác"), where the source lost
  // the vertical merges (.doc): a row of several cells, none in the first column, with no digit.
  const firstCol = Math.min(...rows[0].cells.map((c) => c.col));
  const subtitles = (row: Table["rows"][number]) => row.cells.length > 1 && row.cells.every((c) => c.col > firstCol && !/\d/u.test(c.text));
  if (count === 1 && count < rows.length - 1 && subtitles(rows[count])) count++;
  if (count > 0 && count < rows.length - 1 && rows[count].cells.length > 1 && rows[count].cells.every((c) => COLUMN_NUMBER_CELL.test(c.text.trim()))) count++;
  return Math.min(count, rows.length);
}

function readsAsColumnTitle(text: string): boolean {
  const folded = foldTones(text.toLocaleLowerCase("vi")).replace(/\s+/gu, " ").trim();
  return COLUMN_ROLE_PATTERNS.some(([, pattern]) => pattern.test(folded));
}

/**
 * The caption: a "Phụ lục …" / "Biểu số …" / "Bảng …" line a few blocks above the table, else the
 * short line right above it (not one that introduces text: "… như sau:"). The caption block stays
 * where the section tree puts it: `caption` only points at it.
 */
function findCaption(ctx: StructureContext, firstIndex: number): PlacedBlock | null {
  let nearest: PlacedBlock | null = null;
  let seen = 0;
  for (let i = firstIndex - 1; i >= 0 && seen < CAPTION_REACH; i--) {
    const block = ctx.blocks[i];
    if (isAside(block.role)) continue;
    if (ctx.roles[i] !== null || block.table) break;
    seen++;
    if (block.text.length > MAX_CAPTION_LENGTH) break;
    nearest ??= block;
    if (TABLE_CAPTION.test(block.text)) return block;
  }
  return nearest && !/[.;:]$/u.test(nearest.text) ? nearest : null;
}
