import type { PdfJs } from "./load-pdf.js";
import type { FontInfo, PdfRun } from "./types.js";
import { charEdges } from "./char-edges.js";

type Matrix = [number, number, number, number, number, number];
/** A glyph as pdf.js hands it in a showText operation (the fields read here). */
export interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/** The part of a pdf.js operator list `readStampRuns` reads: pdf.js's own, or `scanStamps`'s from the file. */
export interface StampOps {
  fnArray: number[];
  argsArray: unknown[][];
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** Characters a signing tool stamps over: the digits of a number or date, and blank placeholders. */
const STAMPABLE = /[\d.…_]/u;

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * Text drawn by annotation appearances: the number and date a digital-signature tool stamps
 * into "Số:      /QĐ-UBND" and "ngày    tháng". getTextContent never returns it, so it is read
 * from the page's operator list (glyphs with their Unicode), tracking just enough of the text
 * state to place each string. `viewport` maps PDF space to display space.
 */
export function readStampRuns(
  pdfjs: PdfJs,
  ops: StampOps,
  viewport: Matrix,
  fontOf: (loadedName: string) => FontInfo,
): PdfRun[] {
  const OPS = pdfjs.OPS;
  const runs: PdfRun[] = [];
  let depth = 0;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let tm: Matrix = IDENTITY;
  let lm: Matrix = IDENTITY;
  let leading = 0;
  let font = "";
  let fontSize = 0;
  const show = (glyphs: unknown[]): void => {
    let text = "";
    let advance = 0;
    for (const g of glyphs) {
      if (typeof g === "number") {
        advance -= (g * fontSize) / 1000;
        continue;
      }
      const glyph = g as Glyph | null;
      if (!glyph) continue;
      text += glyph.isSpace ? " " : (glyph.unicode ?? "");
      advance += ((glyph.width ?? 0) * fontSize) / 1000;
    }
    if (text.trim() !== "") {
      const m = multiply(viewport, multiply(ctm, tm));
      const size = Math.abs(m[3]) * fontSize;
      const info = fontOf(font);
      runs.push({
        text,
        x: m[4],
        y: m[5],
        width: Math.hypot(m[0], m[1]) * advance,
        size,
        font,
        bold: info.bold,
        italic: info.italic,
        space: false,
        stamp: true,
      });
    }
    tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + advance * tm[0], tm[5] + advance * tm[1]];
  };
  const moveTo = (tx: number, ty: number): void => {
    lm = multiply(lm, [1, 0, 0, 1, tx, ty]);
    tm = lm;
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] ?? [];
    if (fn === OPS.beginAnnotation) {
      depth++;
      stack.length = 0;
      ctm = multiply(toMatrix(args[2]), toMatrix(args[3]));
      continue;
    }
    if (depth === 0) continue;
    switch (fn) {
      case OPS.endAnnotation:
        depth--;
        break;
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = multiply(ctm, toMatrix(args));
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        ctm = multiply(ctm, toMatrix(args[0]));
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.beginText:
        tm = IDENTITY;
        lm = IDENTITY;
        break;
      case OPS.setTextMatrix:
        tm = toMatrix(args[0] ?? args);
        lm = tm;
        break;
      case OPS.setFont:
        font = String(args[0] ?? "");
        fontSize = Number(args[1] ?? 0);
        break;
      case OPS.setLeading:
        leading = Number(args[0] ?? 0);
        break;
      case OPS.moveText:
        moveTo(Number(args[0] ?? 0), Number(args[1] ?? 0));
        break;
      case OPS.setLeadingMoveText:
        leading = -Number(args[1] ?? 0);
        moveTo(Number(args[0] ?? 0), Number(args[1] ?? 0));
        break;
      case OPS.nextLine:
        moveTo(0, -leading);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        show((args[0] as unknown[]) ?? []);
        break;
      case OPS.nextLineShowText:
        moveTo(0, -leading);
        show((args[0] as unknown[]) ?? []);
        break;
      case OPS.nextLineSetSpacingShowText:
        moveTo(0, -leading);
        show((args[2] as unknown[]) ?? []);
        break;
    }
  }
  return runs;
}

function toMatrix(value: unknown): Matrix {
  if (!value || typeof value !== "object") return IDENTITY;
  const v = value as ArrayLike<number>;
  const m: Matrix = [Number(v[0]), Number(v[1]), Number(v[2]), Number(v[3]), Number(v[4]), Number(v[5])];
  return m.every(Number.isFinite) ? m : IDENTITY;
}

/**
 * A stamp covers what the template printed beneath it ("tháng 4" stamped "5"): the digits and
 * placeholder dots of page runs under a stamp are removed, the stamp's text takes their place.
 */
export function overlayStamps(runs: PdfRun[], stamps: PdfRun[]): PdfRun[] {
  if (stamps.length === 0) return runs;
  const out: PdfRun[] = [];
  for (const run of runs) {
    const covering = run.space
      ? []
      : stamps.filter(
          (s) =>
            Math.abs(s.y - run.y) < Math.max(s.size, run.size) * 0.7 &&
            s.x < run.x + run.width &&
            s.x + s.width > run.x,
        );
    if (covering.length === 0) {
      out.push(run);
      continue;
    }
    const edges = charEdges(run);
    let kept = "";
    const pieces: PdfRun[] = [];
    let pieceStart = -1;
    const flush = (end: number): void => {
      if (pieceStart >= 0 && kept !== "") {
        pieces.push({ ...run, text: kept, x: edges[pieceStart], width: edges[end] - edges[pieceStart] });
      }
      kept = "";
      pieceStart = -1;
    };
    const chars = [...run.text];
    for (let i = 0; i < chars.length; i++) {
      const left = edges[i];
      const right = edges[i + 1];
      const covered =
        STAMPABLE.test(chars[i]) &&
        covering.some((s) => Math.min(right, s.x + s.width) - Math.max(left, s.x) > (right - left) * 0.25);
      if (covered) {
        flush(i);
        continue;
      }
      if (pieceStart < 0) pieceStart = i;
      kept += chars[i];
    }
    flush(chars.length);
    out.push(...pieces);
  }
  return out.concat(stamps);
}

