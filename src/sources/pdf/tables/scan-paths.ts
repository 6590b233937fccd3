import type { PdfJs } from "../load-pdf.js";
import { isName, isRef, Lexer, lookupResource, PdfObjects, readPageContent, readPageResources, type PdfDict, type PdfValue } from "../../pdf-file/index.js";

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
  const out: PathOps = { fnArray: [], argsArray: [] };
  const budget = { bytes: MAX_PAGE_BYTES };
  const ok = scanStream(pdfjs, objects, content, readPageResources(objects, page), out, 0, budget);
  return ok ? out : null;
}

interface Budget {
  bytes: number;
}

/** False when the stream cannot be read here (a form's stream unreadable, the budget spent). */
function scanStream(pdfjs: PdfJs, objects: PdfObjects, data: Uint8Array, resources: PdfDict | null, out: PathOps, depth: number, budget: Budget): boolean {
  budget.bytes -= data.length;
  if (budget.bytes < 0) return false;
  const OPS = pdfjs.OPS;
  const lexer = new Lexer(data, 0);
  // Operands of the operator being read: a count over a reused array (setting an array's length
  // per operator was a fifth of the scan).
  const operands: unknown[] = [];
  let operandCount = 0;
  let path: number[] = [];
  let start: [number, number] = [0, 0];
  let current: [number, number] = [0, 0];
  /** Where each "q" of this stream still open was emitted. */
  const saves: number[] = [];
  const emit = (fn: number, args: unknown[]): void => {
    out.fnArray.push(fn);
    out.argsArray.push(args);
  };
  const paint = (fn: number): void => {
    if (path.length > 0) emit(OPS.constructPath, [fn, [new Float32Array(path)], null]);
    path = [];
  };
  const nums = (n: number): number[] | null => {
    if (operandCount < n) return null;
    const v: number[] = [];
    for (let i = operandCount - n; i < operandCount; i++) {
      const x = operands[i];
      if (typeof x !== "number") return null;
      v.push(x);
    }
    return v;
  };
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (typeof token !== "object" || token === null || !("op" in token)) {
      // Operands; arrays and dicts inside content (TJ, BDC) are skipped with their brackets.
      if (typeof token === "object" && token !== null && "open" in token) lexer.skipGroup();
      else operands[operandCount++] = token;
      continue;
    }
    const op = token.op;
    let v: number[] | null;
    switch (op) {
      case "q":
        saves.push(out.fnArray.length);
        emit(OPS.save, []);
        break;
      case "Q": {
        const at = saves.pop();
        // Word wraps each text object in q … Q: a pair with nothing but colours between changes
        // nothing, and dropping it keeps the list to the paths (a fifth of the ops on such pages).
        if (at !== undefined && onlyColours(OPS, out, at + 1)) {
          out.fnArray.length = at;
          out.argsArray.length = at;
        } else emit(OPS.restore, []);
        break;
      }
      case "cm":
        if ((v = nums(6))) emit(OPS.transform, v);
        break;
      case "m":
        if ((v = nums(2))) {
          path.push(DRAW.moveTo, v[0], v[1]);
          start = current = [v[0], v[1]];
        }
        break;
      case "l":
        if ((v = nums(2))) {
          path.push(DRAW.lineTo, v[0], v[1]);
          current = [v[0], v[1]];
        }
        break;
      case "c":
        if ((v = nums(6))) {
          path.push(DRAW.curveTo, ...v);
          current = [v[4], v[5]];
        }
        break;
      case "v":
        if ((v = nums(4))) {
          path.push(DRAW.curveTo, current[0], current[1], v[0], v[1], v[2], v[3]);
          current = [v[2], v[3]];
        }
        break;
      case "y":
        if ((v = nums(4))) {
          path.push(DRAW.curveTo, v[0], v[1], v[2], v[3], v[2], v[3]);
          current = [v[2], v[3]];
        }
        break;
      case "h":
        path.push(DRAW.closePath);
        current = start;
        break;
      case "re":
        if ((v = nums(4))) {
          const [x, y, w, hh] = v;
          path.push(DRAW.moveTo, x, y, DRAW.lineTo, x + w, y, DRAW.lineTo, x + w, y + hh, DRAW.lineTo, x, y + hh, DRAW.closePath);
          start = current = [x, y];
        }
        break;
      case "S":
        paint(OPS.stroke);
        break;
      case "s":
        path.push(DRAW.closePath);
        paint(OPS.closeStroke);
        break;
      case "f":
      case "F":
        paint(OPS.fill);
        break;
      case "f*":
        paint(OPS.eoFill);
        break;
      case "B":
        paint(OPS.fillStroke);
        break;
      case "B*":
        paint(OPS.eoFillStroke);
        break;
      case "b":
        path.push(DRAW.closePath);
        paint(OPS.closeFillStroke);
        break;
      case "b*":
        path.push(DRAW.closePath);
        paint(OPS.closeEOFillStroke);
        break;
      case "n":
        path = [];
        break;
      case "RG":
      case "rg":
        if ((v = nums(3))) emit(op === "RG" ? OPS.setStrokeRGBColor : OPS.setFillRGBColor, [hex(v[0], v[1], v[2])]);
        break;
      case "G":
      case "g":
        if ((v = nums(1))) emit(op === "G" ? OPS.setStrokeRGBColor : OPS.setFillRGBColor, [hex(v[0], v[0], v[0])]);
        break;
      case "K":
      case "k":
        if ((v = nums(4))) {
          const [c, m, y, k] = v;
          emit(op === "K" ? OPS.setStrokeRGBColor : OPS.setFillRGBColor, [hex((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))]);
        }
        break;
      case "BT":
        // Text objects are most of a page and hold no paths; text is set black in these documents,
        // so a colour it set is taken for black afterwards.
        if (lexer.skipTextObject().fillColor) emit(OPS.setFillRGBColor, ["#000000"]);
        break;
      case "BI":
        lexer.skipInlineImageObject();
        break;
      case "Do": {
        const name = operandCount > 0 ? operands[operandCount - 1] : undefined;
        if (depth < MAX_FORM_DEPTH && isName(name as PdfValue)) {
          if (!followForm(pdfjs, objects, resources, (name as { name: string }).name, out, depth, budget)) return false;
        }
        break;
      }
    }
    operandCount = 0;
  }
  return true;
}

/** Whether every op of `out` from `from` on only sets a colour. */
function onlyColours(OPS: PdfJs["OPS"], out: PathOps, from: number): boolean {
  for (let i = from; i < out.fnArray.length; i++) {
    const fn = out.fnArray[i];
    if (fn !== OPS.setFillRGBColor && fn !== OPS.setStrokeRGBColor) return false;
  }
  return true;
}

/** Draws a Form XObject in place (its matrix inside save/restore); images are skipped. */
function followForm(pdfjs: PdfJs, objects: PdfObjects, resources: PdfDict | null, name: string, out: PathOps, depth: number, budget: Budget): boolean {
  const ref = lookupResource(objects, resources, "XObject", name);
  if (!isRef(ref)) return true;
  const dict = objects.get(ref.num);
  if (!(dict instanceof Map) || !isName(dict.get("Subtype"), "Form")) return true;
  const data = objects.streamData(ref.num);
  if (!data) return false;
  const matrix = objects.resolve(dict.get("Matrix"));
  const own = objects.resolve(dict.get("Resources"));
  out.fnArray.push(pdfjs.OPS.paintFormXObjectBegin);
  out.argsArray.push([Array.isArray(matrix) && matrix.length === 6 && matrix.every((n) => typeof n === "number") ? matrix : [1, 0, 0, 1, 0, 0], null]);
  const ok = scanStream(pdfjs, objects, data, own instanceof Map ? own : resources, out, depth + 1, budget);
  out.fnArray.push(pdfjs.OPS.paintFormXObjectEnd);
  out.argsArray.push([]);
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
