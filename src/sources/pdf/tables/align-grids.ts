import { FORM_BLANK_CELL, LIST_MARK_CELL, SIGNATURE_PROMPT_CELL } from "../../../lexicon/table-headers.js";
import type { PdfLine } from "../types.js";
import type { Grid, GridCell } from "./build-grids.js";
import { SEGMENT_GAP, splitSegments, type Segment } from "./line-segments.js";

/** Baselines further apart than this (line sizes) are no longer rows of one table. */
const ROW_GAP = 3;
/** Lines of one table are set in about one size (a heading or footnote line is not a row). */
const SIZE_RATIO = 1.25;
/** Lines with a wide gap a table needs at least: fewer is a header's or a signature's two columns. */
const MIN_SPLIT_LINES = 3;
/** Two columns make a table only with this many rows (a list of names beside their offices). */
const MIN_ROWS_TWO_COLUMNS = 6;
/** Rows (and never fewer than two) in which each column must hold text. */
const MIN_COLUMN_FILL = 0.25;
/** A first column of list marks in this share of its cells makes a tab-aligned list. */
const LIST_SHARE = 0.8;
/** Blanks to fill in in this share of the pieces of text make a form, not a table. */
const FORM_SHARE = 0.25;
/** Texts of a column starting (or ending, or centred) within this many font sizes are aligned. */
const ALIGN_SLACK = 0.6;
/** Share of a column's pieces of text that must be aligned: text scattered by an OCR layer is not. */
const ALIGNED_SHARE = 0.6;

interface Gutter {
  from: number;
  to: number;
}

interface Member {
  line: PdfLine;
  segments: Segment[];
}

/**
 * Infers the frames of the page's borderless tables (bảng không kẻ khung) from the alignment of
 * its lines: consecutive lines, set in one size and close together, whose text leaves the same
 * wide vertical gaps (gutters), at least three of them split by a gutter. A line crossing a
 * gutter (a paragraph, a caption) ends the table; lines with one piece of text between two split
 * lines are wrapped cells. Column boundaries are the gutters' middles; a row starts at each line
 * with text in the first column, the lines after it that keep to their columns' alignment are
 * its cells' wrapped lines, and a lone line off that alignment is a row with one cell across.
 * Kept only with three columns, or two with many rows, each column aligned and filled: the
 * header's issuer | quốc hiệu, Nơi nhận beside the signature and justified paragraphs leave no
 * such grid, and a first column of list marks, a form's blanks or a signature grid's prompts
 * are no table either. Lines already placed (zones, furniture, ruled tables) take no part.
 */
export function alignGrids(lines: PdfLine[]): Grid[] {
  const free = lines.filter((l) => !l.role && !l.zone && !l.table && l.text.trim() !== "").sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const members: Member[] = free.map((line) => ({ line, segments: splitSegments(line) }));
  if (members.filter((m) => m.segments.length >= 2).length < MIN_SPLIT_LINES) return [];
  const grids: Grid[] = [];
  let i = 0;
  while (i < members.length) {
    if (members[i].segments.length < 2) {
      i++;
      continue;
    }
    const block = growBlock(members, i);
    const grid = block.length >= MIN_SPLIT_LINES ? buildBlockGrid(block, members[i - 1] ?? null, members[i + block.length] ?? null) : null;
    if (grid) {
      grids.push(grid);
      i += block.length;
    } else i++;
  }
  return grids;
}

/** The lines from `start` on that keep its gutters open, ending at the last split line. */
function growBlock(members: Member[], start: number): Member[] {
  const first = members[start];
  const minWidth = first.line.size * SEGMENT_GAP;
  let gutters = findGaps(first.segments, minWidth);
  let last = start;
  for (let j = start + 1; j < members.length; j++) {
    const { line, segments } = members[j];
    const prev = members[j - 1].line;
    if (line.y - prev.y > ROW_GAP * Math.max(line.size, prev.size)) break;
    if (Math.max(line.size, first.line.size) / Math.min(line.size, first.line.size) > SIZE_RATIO) break;
    const narrowed = narrowGutters(gutters, segments, minWidth);
    if (!narrowed) break;
    gutters = narrowed;
    if (segments.length >= 2) last = j;
  }
  return members.slice(start, last + 1);
}

function findGaps(segments: Segment[], minWidth: number): Gutter[] {
  const out: Gutter[] = [];
  for (let k = 1; k < segments.length; k++) {
    if (segments[k].x0 - segments[k - 1].x1 >= minWidth) out.push({ from: segments[k - 1].x1, to: segments[k].x0 });
  }
  return out;
}

/** The gutters left open by a line's segments (each keeps its widest free part), or null when one closes. */
function narrowGutters(gutters: Gutter[], segments: Segment[], minWidth: number): Gutter[] | null {
  const out: Gutter[] = [];
  for (const gutter of gutters) {
    let pieces: Gutter[] = [gutter];
    for (const s of segments) {
      pieces = pieces.flatMap((p) => (s.x1 <= p.from || s.x0 >= p.to ? [p] : [{ from: p.from, to: s.x0 }, { from: s.x1, to: p.to }].filter((q) => q.to > q.from)));
    }
    const widest = pieces.sort((a, b) => b.to - b.from - (a.to - a.from))[0];
    if (!widest || widest.to - widest.from < minWidth) return null;
    out.push(widest);
  }
  return out;
}

/** The grid of a block of aligned lines, or null when it does not make a table. */
function buildBlockGrid(block: Member[], before: Member | null, after: Member | null): Grid | null {
  const size = block[0].line.size;
  const minWidth = size * SEGMENT_GAP;
  const all = block.flatMap((m) => m.segments).sort((a, b) => a.x0 - b.x0);
  const left = all[0].x0;
  const right = Math.max(...all.map((s) => s.x1));
  // Gutters of the whole block: x ranges no line's text covers.
  const gutters: Gutter[] = [];
  let reach = all[0].x1;
  for (const s of all) {
    if (s.x0 - reach >= minWidth) gutters.push({ from: reach, to: s.x0 });
    reach = Math.max(reach, s.x1);
  }
  if (gutters.length === 0) return null;
  const xs = [left - 1, ...gutters.map((g) => (g.from + g.to) / 2), right + 1];
  const cols = xs.length - 1;
  const colOf = (s: Segment): number => {
    const mid = (s.x0 + s.x1) / 2;
    let c = 0;
    while (c + 1 < cols && mid >= xs[c + 1]) c++;
    return c;
  };
  const anchors = Array.from({ length: cols }, (_, c) => findAnchor(all.filter((s) => colOf(s) === c), size));
  const aligned = (s: Segment): boolean => {
    const anchor = anchors[colOf(s)];
    return Math.abs(anchor.at(s) - anchor.x) <= size * ALIGN_SLACK;
  };
  // Rows: a line with text in the first column opens one; the lines after it that keep to their
  // columns' alignment carry its wrapped cells. A lone piece of text off its column's alignment (a
  // centred "Phần 2. HOẠT CHẤT") is a row of its own, one cell across the table.
  const rows: Array<{ members: Member[]; across: boolean }> = [];
  for (const m of block) {
    const opens = m.segments.some((s) => colOf(s) === 0);
    if (opens || rows.length === 0) rows.push({ members: [m], across: false });
    else if (m.segments.every(aligned)) rows[rows.length - 1].members.push(m);
    else rows.push({ members: [m], across: m.segments.length === 1 });
  }
  if (rows.length < MIN_SPLIT_LINES) return null;
  if (cols === 2 && rows.length < MIN_ROWS_TWO_COLUMNS) return null;
  if (holdsListMarks(rows.map((r) => r.members), colOf)) return null;
  const texts = all.map((s) => s.text.trim());
  if (texts.some((t) => SIGNATURE_PROMPT_CELL.test(t))) return null;
  if (texts.filter((t) => FORM_BLANK_CELL.test(t)).length >= texts.length * FORM_SHARE) return null;
  const minFill = Math.max(2, Math.ceil(rows.length * MIN_COLUMN_FILL));
  for (let c = 0; c < cols; c++) {
    const filled = rows.filter((row) => row.members.some((m) => m.segments.some((s) => colOf(s) === c))).length;
    if (filled < minFill || anchors[c].share < ALIGNED_SHARE) return null;
  }
  const mid = (l: PdfLine): number => l.y - l.size * 0.3;
  const firstMid = mid(block[0].line);
  const lastMid = mid(block[block.length - 1].line);
  const top = firstMid - Math.min(size, before ? (firstMid - mid(before.line)) / 2 : size);
  const bottom = lastMid + Math.min(size, after ? (mid(after.line) - lastMid) / 2 : size);
  const ys = [top];
  for (let r = 1; r < rows.length; r++) {
    const above = rows[r - 1].members;
    ys.push((mid(above[above.length - 1].line) + mid(rows[r].members[0].line)) / 2);
  }
  ys.push(bottom);
  const cells: GridCell[] = [];
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].across) cells.push({ row: r, col: 0, rowSpan: 1, colSpan: cols, x0: xs[0], x1: xs[cols], y0: ys[r], y1: ys[r + 1] });
    else for (let c = 0; c < cols; c++) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, x0: xs[c], x1: xs[c + 1], y0: ys[r], y1: ys[r + 1] });
  }
  return { xs, ys, cells, aligned: true };
}

/** Whether the first column holds list marks ("1.", "a)", "-") rather than data. */
function holdsListMarks(rows: Member[][], colOf: (s: Segment) => number): boolean {
  const firsts = rows.map((row) => row[0].segments.find((s) => colOf(s) === 0)?.text.trim()).filter((t): t is string => t !== undefined);
  return firsts.length > 0 && firsts.filter((t) => LIST_MARK_CELL.test(t)).length >= firsts.length * LIST_SHARE;
}

interface Anchor {
  /** Where a piece of text is measured: its start, end or middle. */
  at: (s: Segment) => number;
  /** The x most of the column's pieces share on that measure. */
  x: number;
  /** Share of the column's pieces there. */
  share: number;
}

/** How a column's text is aligned (cột thẳng hàng): the start, end or middle most of its pieces share. */
function findAnchor(segments: Segment[], size: number): Anchor {
  const slack = size * ALIGN_SLACK;
  let best: Anchor = { at: (s) => s.x0, x: segments[0]?.x0 ?? 0, share: segments.length === 0 ? 1 : 0 };
  let bestCount = 0;
  for (const at of [(s: Segment) => s.x0, (s: Segment) => s.x1, (s: Segment) => (s.x0 + s.x1) / 2]) {
    const xs = segments.map(at).sort((a, b) => a - b);
    let from = 0;
    for (let to = 0; to < xs.length; to++) {
      while (xs[to] - xs[from] > 2 * slack) from++;
      if (to - from + 1 > bestCount) {
        bestCount = to - from + 1;
        best = { at, x: (xs[from] + xs[to]) / 2, share: bestCount / xs.length };
      }
    }
  }
  return best;
}
