import type { Rule } from "./read-rules.js";

/** One cell of a ruled grid: its place (grid rows and columns it covers) and its box. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A ruled table's frame (khung bảng): column and row boundaries, and the cells they enclose. */
export interface Grid {
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** Inferred from the alignment of text (no rules): its boundaries move with the text. */
  aligned?: boolean;
}

/** Rules closer than this (points) are one line (a border drawn twice, a double border). */
const SNAP = 2;
/**
 * Pieces of one line with gaps up to this (points) are joined; a rule ending this near another
 * touches it. qd-2093 draws each cell's side from 3.1–3.4 pt below the rule above it (the width
 * of that rule's stroke): 3 left its tables in pieces of one rule each; under MIN_BAND still.
 */
const TOUCH = 4;
/** A boundary exists between two cells when a rule covers this share of their common side. */
const COVER = 0.6;
/** Rows or columns thinner than this (points) are a double border's gap, not a row or column. */
const MIN_BAND = 4;

/**
 * Builds table grids from a page's rules: rules that touch form a frame; its vertical rules give
 * the column boundaries and its horizontal rules the row boundaries (a frame without side
 * borders takes its sides from the horizontal rules' ends); each elementary cell is then
 * merged with its neighbour wherever the rule between them is missing (ô gộp). Frames with
 * fewer than two rows or two columns are not grids.
 */
export function buildGrids(rules: Rule[]): Grid[] {
  const merged = [...mergeRules(rules.filter((r) => r.axis === "h")), ...mergeRules(rules.filter((r) => r.axis === "v"))];
  const grids: Grid[] = [];
  for (const frame of connect(merged)) {
    const grid = frameGrid(frame);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.ys[0] - b.ys[0]);
}

/** Joins collinear pieces of one line (a border drawn cell by cell) into one rule. */
function mergeRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: Rule[][] = [];
  for (const rule of sorted) {
    const line = lines[lines.length - 1];
    if (line && rule.at - line[0].at <= SNAP) line.push(rule);
    else lines.push([rule]);
  }
  const out: Rule[] = [];
  for (const line of lines) {
    const at = line.reduce((s, r) => s + r.at, 0) / line.length;
    const pieces = line.sort((a, b) => a.from - b.from);
    let current: Rule | null = null;
    for (const piece of pieces) {
      if (current && piece.from <= current.to + TOUCH) {
        current.to = Math.max(current.to, piece.to);
      } else {
        if (current) out.push(current);
        current = { axis: piece.axis, at, from: piece.from, to: piece.to };
      }
    }
    if (current) out.push(current);
  }
  return out;
}

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
}

/** Groups rules into frames: sets of rules connected through crossings. */
function connect(rules: Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const hs = rules.map((r, i) => [r, i] as const).filter(([r]) => r.axis === "h");
  const vs = rules.map((r, i) => [r, i] as const).filter(([r]) => r.axis === "v");
  for (const [h, i] of hs) {
    for (const [v, j] of vs) if (touches(h, v)) parent[find(i)] = find(j);
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(r);
    else groups.set(root, [r]);
  });
  return [...groups.values()];
}

/** Sorted positions, those closer than MIN_BAND merged. */
function boundaries(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    if (out.length > 0 && v - out[out.length - 1] < MIN_BAND) continue;
    out.push(v);
  }
  return out;
}

/** How much of [from, to] the rules on the line at `at` cover. */
function coverage(rules: Rule[], at: number, from: number, to: number): number {
  let covered = 0;
  for (const r of rules) {
    if (Math.abs(r.at - at) > MIN_BAND) continue;
    covered += Math.max(0, Math.min(to, r.to) - Math.max(from, r.from));
  }
  return to > from ? covered / (to - from) : 0;
}

function frameGrid(frame: Rule[]): Grid | null {
  const hs = frame.filter((r) => r.axis === "h");
  const vs = frame.filter((r) => r.axis === "v");
  if (hs.length < 2 || vs.length < 1) return null;
  const xs = boundaries([...vs.map((v) => v.at), Math.min(...hs.map((h) => h.from)), Math.max(...hs.map((h) => h.to))]);
  const ys = boundaries([...hs.map((h) => h.at), Math.min(...vs.map((v) => v.from)), Math.max(...vs.map((v) => v.to))]);
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  if (cols < 2 || rows < 1) return null;
  // Union of elementary cells across missing rules.
  const id = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && coverage(vs, xs[c + 1], ys[r], ys[r + 1]) < COVER) union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && coverage(hs, ys[r + 1], xs[c], xs[c + 1]) < COVER) union(id(r, c), id(r + 1, c));
    }
  }
  const boxes = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const box = boxes.get(root);
      if (!box) boxes.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        box.r1 = Math.max(box.r1, r);
        box.c0 = Math.min(box.c0, c);
        box.c1 = Math.max(box.c1, c);
      }
    }
  }
  const cells: GridCell[] = [...boxes.values()]
    .map((b) => ({ row: b.r0, col: b.c0, rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1, x0: xs[b.c0], x1: xs[b.c1 + 1], y0: ys[b.r0], y1: ys[b.r1 + 1] }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  // Nothing but one cell per band: a frame around text, or a rule under a line.
  if (cells.length < 2) return null;
  return { xs, ys, cells };
}
