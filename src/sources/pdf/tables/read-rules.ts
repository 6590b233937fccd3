import type { PdfJs } from "../load-pdf.js";
import { multiply } from "../stamps.js";

type Matrix = [number, number, number, number, number, number];

interface OperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

/**
 * A straight, axis-aligned stroke on the page (kẻ bảng): a table border or a rule. In display
 * coordinates (origin top-left, y down); `at` is the y of a horizontal rule or the x of a
 * vertical one, `from` < `to` its extent along the other axis.
 */
export interface Rule {
  axis: "h" | "v";
  at: number;
  from: number;
  to: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** A filled shape this thin (points) is drawn as a line: Word prints cell borders as thin boxes. */
const THIN_FILL = 2.5;
/** Off-axis drift (points) still taken as a straight horizontal or vertical line. */
const AXIS_SLACK = 0.6;
/** Shorter strokes are glyph-like marks (underline dots, bullets), not borders. */
const MIN_LENGTH = 4;
/** A page drawing more path segments than this is a chart or a map: no table is read from it. */
const MAX_SEGMENTS = 20_000;
/** White (and near-white) paint is invisible on paper: not a border. */
const WHITE = /^#(?:f[a-f0-9]){3}$/iu;
/** pdf.js DrawOPS codes inside a constructPath buffer (pdf.js 5.x packs each path in one array). */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

interface GraphicsState {
  ctm: Matrix;
  stroke: string;
  fill: string;
}

/**
 * Reads the straight lines a page draws (đường kẻ): stroked lines and rectangle edges, and
 * filled boxes thin enough to be lines, mapped through the current transform (save, restore,
 * cm, form XObjects) and the viewport into display coordinates. pdf.js 5.x hands each path as
 * one `constructPath` op: [paint op, [Float32Array of DrawOPS codes and points], bbox]. Curves
 * end a straight run (rounded frames are not borders). Returns [] for pages that draw too much.
 */
export function readRules(pdfjs: PdfJs, ops: OperatorList, viewport: Matrix): Rule[] {
  const OPS = pdfjs.OPS;
  const rules: Rule[] = [];
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: IDENTITY, stroke: "#000000", fill: "#000000" };
  let segments = 0;
  let inAnnotation = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] ?? [];
    switch (fn) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(state.ctm, toMatrix(args));
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(state);
        state = { ...state, ctm: multiply(state.ctm, toMatrix(args[0])) };
        break;
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.beginAnnotation:
        // Annotation appearances (signature boxes) are not the page's tables.
        inAnnotation++;
        break;
      case OPS.endAnnotation:
        inAnnotation = Math.max(0, inAnnotation - 1);
        break;
      case OPS.setStrokeRGBColor:
        if (typeof args[0] === "string") state.stroke = args[0];
        break;
      case OPS.setFillRGBColor:
        if (typeof args[0] === "string") state.fill = args[0];
        break;
      case OPS.constructPath: {
        if (inAnnotation > 0) break;
        const paint = args[0] as number;
        const buffer = (args[1] as unknown[] | undefined)?.[0];
        if (!(buffer instanceof Float32Array) && !Array.isArray(buffer)) break;
        const stroked = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke || paint === OPS.eoFillStroke || paint === OPS.closeFillStroke || paint === OPS.closeEOFillStroke;
        const filled = paint === OPS.fill || paint === OPS.eoFill || paint === OPS.fillStroke || paint === OPS.eoFillStroke || paint === OPS.closeFillStroke || paint === OPS.closeEOFillStroke;
        if (!stroked && !filled) break;
        const m = multiply(viewport, state.ctm);
        const paths = readSubpaths(buffer as ArrayLike<number>, m);
        segments += paths.reduce((n, p) => n + p.length, 0);
        if (segments > MAX_SEGMENTS) return [];
        for (const points of paths) {
          if (stroked && !WHITE.test(state.stroke)) addStroked(points, rules);
          else if (filled && !WHITE.test(state.fill)) addThinFill(points, rules);
        }
        break;
      }
    }
  }
  return rules;
}

function toMatrix(value: unknown): Matrix {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const v = Array.from(value as ArrayLike<number>);
    if (v.length >= 6 && v.slice(0, 6).every((n) => Number.isFinite(n))) return v.slice(0, 6) as Matrix;
  }
  return IDENTITY;
}

type Point = [number, number];

/**
 * Splits a DrawOPS buffer into straight subpaths of display points; a closed subpath repeats its
 * first point at the end. A curve ends the subpath (and its curved piece is dropped).
 */
function readSubpaths(buffer: ArrayLike<number>, m: Matrix): Point[][] {
  const out: Point[][] = [];
  let current: Point[] = [];
  const apply = (x: number, y: number): Point => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  const flush = (): void => {
    if (current.length > 1) out.push(current);
    current = [];
  };
  for (let i = 0; i < buffer.length; ) {
    const op = buffer[i++];
    if (op === DRAW.moveTo) {
      flush();
      current.push(apply(buffer[i], buffer[i + 1]));
      i += 2;
    } else if (op === DRAW.lineTo) {
      current.push(apply(buffer[i], buffer[i + 1]));
      i += 2;
    } else if (op === DRAW.curveTo) {
      const end = apply(buffer[i + 4], buffer[i + 5]);
      flush();
      current.push(end);
      i += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      const end = apply(buffer[i + 2], buffer[i + 3]);
      flush();
      current.push(end);
      i += 4;
    } else if (op === DRAW.closePath) {
      if (current.length > 1) current.push(current[0]);
      const start = current[0];
      flush();
      // Drawing may go on from the start point of the closed subpath.
      if (start) current.push(start);
    } else {
      // An unknown code: the rest of the buffer cannot be decoded.
      break;
    }
  }
  flush();
  return out;
}

/** Each straight horizontal or vertical piece of a stroked subpath. */
function addStroked(points: Point[], rules: Rule[]): void {
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1];
    const [x1, y1] = points[k];
    const dx = Math.abs(x1 - x0);
    const dy = Math.abs(y1 - y0);
    if (dy <= AXIS_SLACK && dx >= MIN_LENGTH) rules.push({ axis: "h", at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (dx <= AXIS_SLACK && dy >= MIN_LENGTH) rules.push({ axis: "v", at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  }
}

/**
 * A filled box drawn as a line: its bounding box, when thin in one direction and long in the
 * other. Larger fills (cell shading, backgrounds) are not borders.
 */
function addThinFill(points: Point[], rules: Rule[]): void {
  // A filled two-point path paints nothing.
  if (points.length < 3) return;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN_FILL && w >= MIN_LENGTH) rules.push({ axis: "h", at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= THIN_FILL && h >= MIN_LENGTH) rules.push({ axis: "v", at: (x0 + x1) / 2, from: y0, to: y1 });
}
