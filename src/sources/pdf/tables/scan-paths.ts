import type { PdfJs } from "../load-pdf.js";
import { CONTENT_OP as OP, ContentReader, isName, isRef, lookupResource, PdfObjects, readPageContent, readPageResources, type PdfDict } from "../../pdf-file/index.js";

/** The part of a pdf.js operator list `readRules` reads. */
export interface PathOps {
  fnArray: number[];
  argsArray: unknown[][];
}

/** pdf.js DrawOPS codes, as packed in a constructPath buffer. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, closePath: 4 } as const;
/** Form XObjects nested deeper than this are not followed. */
const MAX_FORM_DEPTH = 6;
/** Content bytes scanned for one page at most (forms drawn many times count each time). */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/**
 * Reads the drawing operators of a page's content streams (q Q cm, m l c v y h re, the painting
 * operators, the stroke and fill colours, Form XObjects) straight from the file, without the
 * glyph work of pdf.js's operator list, which costs as much as reading the page's text. The
 * result has the shape of a pdf.js operator list, so `readRules` reads either. Returns null when
 * the page cannot be read this way (encrypted file, another filter, a damaged stream): the
 * caller then asks pdf.js.
 */
export function scanPagePaths(pdfjs: PdfJs, objects: PdfObjects, pageRef: { num: number; gen: number }): PathOps | null {
  if (!objects.usable) return null;
  const page = objects.get(pageRef.num);
  if (!(page instanceof Map)) return null;
  const content = readPageContent(objects, page);
  if (!content) return null;
  const out: OpsBuilder = { fnArray: [], argsArray: [], length: 0 };
  const budget = { bytes: MAX_PAGE_BYTES };
  if (!scanStream(pdfjs, objects, content, readPageResources(objects, page), out, 0, budget)) return null;
  out.fnArray.length = out.length;
  out.argsArray.length = out.length;
  return { fnArray: out.fnArray, argsArray: out.argsArray };
}

interface Budget {
  bytes: number;
}

/**
 * The list being built, with its length kept apart: an empty q … Q pair is taken back by
 * lowering `length`, and the ops after it overwrite it (setting an array's length, once per pair,
 * took a tenth of the scan). The arrays are cut to `length` once, at the end.
 */
interface OpsBuilder extends PathOps {
  length: number;
}

/** False when the stream cannot be read here (a form's stream unreadable, the budget spent). */
function scanStream(pdfjs: PdfJs, objects: PdfObjects, data: Uint8Array, resources: PdfDict | null, out: OpsBuilder, depth: number, budget: Budget): boolean {
  budget.bytes -= data.length;
  if (budget.bytes < 0) return false;
  const OPS = pdfjs.OPS;
  const reader = new ContentReader(data);
  // The current path, in a buffer reused from path to path: most paths here are a clip ("re W* n")
  // that is never painted.
  const path: number[] = [];
  let pathLength = 0;
  // Where the current subpath starts and the current point: "h" goes back to the first, "v" starts at the second.
  let startX = 0;
  let startY = 0;
  let currentX = 0;
  let currentY = 0;
  /** Where each "q" of this stream still open was emitted. */
  const saves: number[] = [];
  const paint = (fn: number): void => {
    if (pathLength > 0) {
      const points = new Float32Array(pathLength);
      for (let i = 0; i < pathLength; i++) points[i] = path[i];
      emit(out, OPS.constructPath, [fn, [points], null]);
    }
    pathLength = 0;
  };
  const add = (...values: number[]): void => {
    for (const value of values) path[pathLength++] = value;
  };
  let v: number[] | null;
  for (let op = reader.read(); op !== OP.END; op = reader.read()) {
    switch (op) {
      case OP.q:
        saves.push(out.length);
        emit(out, OPS.save, []);
        break;
      case OP.Q: {
        const at = saves.pop();
        // Word wraps each text object in q … Q: a pair with nothing but colours between changes
        // nothing, and dropping it keeps the list to the paths (a fifth of the ops on such pages).
        if (at !== undefined && onlyColours(OPS, out, at + 1)) out.length = at;
        else emit(out, OPS.restore, []);
        break;
      }
      case OP.cm:
        if ((v = reader.numbers(6))) emit(out, OPS.transform, v);
        break;
      case OP.m:
        if (reader.hasNumbers(2)) {
          const x = reader.numberBack(2);
          const y = reader.numberBack(1);
          add(DRAW.moveTo, x, y);
          startX = currentX = x;
          startY = currentY = y;
        }
        break;
      case OP.l:
        if (reader.hasNumbers(2)) {
          const x = reader.numberBack(2);
          const y = reader.numberBack(1);
          add(DRAW.lineTo, x, y);
          currentX = x;
          currentY = y;
        }
        break;
      case OP.c:
        if ((v = reader.numbers(6))) {
          add(DRAW.curveTo, ...v);
          currentX = v[4];
          currentY = v[5];
        }
        break;
      case OP.v:
        if ((v = reader.numbers(4))) {
          add(DRAW.curveTo, currentX, currentY, v[0], v[1], v[2], v[3]);
          currentX = v[2];
          currentY = v[3];
        }
        break;
      case OP.y:
        if ((v = reader.numbers(4))) {
          add(DRAW.curveTo, v[0], v[1], v[2], v[3], v[2], v[3]);
          currentX = v[2];
          currentY = v[3];
        }
        break;
      case OP.h:
        add(DRAW.closePath);
        currentX = startX;
        currentY = startY;
        break;
      case OP.re:
        if (reader.hasNumbers(4)) {
          const x = reader.numberBack(4);
          const y = reader.numberBack(3);
          const w = reader.numberBack(2);
          const hh = reader.numberBack(1);
          add(DRAW.moveTo, x, y, DRAW.lineTo, x + w, y, DRAW.lineTo, x + w, y + hh, DRAW.lineTo, x, y + hh, DRAW.closePath);
          startX = currentX = x;
          startY = currentY = y;
        }
        break;
      case OP.S:
        paint(OPS.stroke);
        break;
      case OP.s:
        add(DRAW.closePath);
        paint(OPS.closeStroke);
        break;
      case OP.f:
      case OP.F:
        paint(OPS.fill);
        break;
      case OP.fStar:
        paint(OPS.eoFill);
        break;
      case OP.B:
        paint(OPS.fillStroke);
        break;
      case OP.BStar:
        paint(OPS.eoFillStroke);
        break;
      case OP.b:
        add(DRAW.closePath);
        paint(OPS.closeFillStroke);
        break;
      case OP.bStar:
        add(DRAW.closePath);
        paint(OPS.closeEOFillStroke);
        break;
      case OP.n:
        pathLength = 0;
        break;
      case OP.RG:
      case OP.rg:
        if ((v = reader.numbers(3))) emit(out, op === OP.RG ? OPS.setStrokeRGBColor : OPS.setFillRGBColor, [hex(v[0], v[1], v[2])]);
        break;
      case OP.G:
      case OP.g:
        if ((v = reader.numbers(1))) emit(out, op === OP.G ? OPS.setStrokeRGBColor : OPS.setFillRGBColor, [hex(v[0], v[0], v[0])]);
        break;
      case OP.K:
      case OP.k:
        if ((v = reader.numbers(4))) {
          const [c, m, y, k] = v;
          emit(out, op === OP.K ? OPS.setStrokeRGBColor : OPS.setFillRGBColor, [hex((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))]);
        }
        break;
      case OP.BT:
        // Text objects are most of a page and hold no paths; text is set black in these documents,
        // so a colour it set is taken for black afterwards.
        if (reader.skipTextObject().fillColor) emit(out, OPS.setFillRGBColor, ["#000000"]);
        break;
      case OP.BI:
        reader.skipInlineImageObject();
        break;
      case OP.Do: {
        const name = reader.lastName();
        if (depth < MAX_FORM_DEPTH && name !== null) {
          if (!followForm(pdfjs, objects, resources, name, out, depth, budget)) return false;
        }
        break;
      }
    }
  }
  return true;
}

/** Appends an op at `out.length`, over whatever a taken-back q … Q pair left there. */
function emit(out: OpsBuilder, fn: number, args: unknown[]): void {
  out.fnArray[out.length] = fn;
  out.argsArray[out.length] = args;
  out.length++;
}

/** Whether every op of `out` from `from` on only sets a colour. */
function onlyColours(OPS: PdfJs["OPS"], out: OpsBuilder, from: number): boolean {
  for (let i = from; i < out.length; i++) {
    const fn = out.fnArray[i];
    if (fn !== OPS.setFillRGBColor && fn !== OPS.setStrokeRGBColor) return false;
  }
  return true;
}

/** Draws a Form XObject in place (its matrix inside save/restore); images are skipped. */
function followForm(pdfjs: PdfJs, objects: PdfObjects, resources: PdfDict | null, name: string, out: OpsBuilder, depth: number, budget: Budget): boolean {
  const ref = lookupResource(objects, resources, "XObject", name);
  if (!isRef(ref)) return true;
  const dict = objects.get(ref.num);
  if (!(dict instanceof Map) || !isName(dict.get("Subtype"), "Form")) return true;
  const data = objects.streamData(ref.num);
  if (!data) return false;
  const matrix = objects.resolve(dict.get("Matrix"));
  const own = objects.resolve(dict.get("Resources"));
  emit(out, pdfjs.OPS.paintFormXObjectBegin, [Array.isArray(matrix) && matrix.length === 6 && matrix.every((n) => typeof n === "number") ? matrix : [1, 0, 0, 1, 0, 0], null]);
  const ok = scanStream(pdfjs, objects, data, own instanceof Map ? own : resources, out, depth + 1, budget);
  emit(out, pdfjs.OPS.paintFormXObjectEnd, []);
  return ok;
}

/** Colours as "#rrggbb", each built once: a page sets the same few colours thousands of times. */
const HEX_COLOURS = new Map<number, string>();

function hex(r: number, g: number, b: number): string {
  const byte = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 255);
  const rgb = (byte(r) << 16) | (byte(g) << 8) | byte(b);
  let colour = HEX_COLOURS.get(rgb);
  if (colour === undefined) {
    colour = `#${rgb.toString(16).padStart(6, "0")}`;
    if (HEX_COLOURS.size < 4096) HEX_COLOURS.set(rgb, colour);
  }
  return colour;
}
