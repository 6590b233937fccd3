import type { PdfJs } from "./load-pdf.js";
import { sameFontStyle } from "./fonts.js";
import type { Glyph as StampGlyph, StampOps } from "./stamps.js";
import {
  isName,
  isRef,
  Lexer,
  listDrawnAppearances,
  lookupResource,
  readIdentityFont,
  readNumberArray,
  stringBytes,
  type IdentityFont,
  type PdfDict,
  type PdfObjects,
} from "../pdf-file/index.js";

/** A glyph with every field pdf.js gives it. */
type Glyph = Required<StampGlyph>;

/** Form XObjects nested deeper than this make the page unknown here. */
const MAX_FORM_DEPTH = 6;
/** Appearance bytes read for one page at most (forms drawn many times count each time). */
const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/**
 * What a page's annotations draw, in the shape of pdf.js's operator list with annotations
 * shown, for the operations `readStampRuns` reads (transforms, forms, text state, text with its
 * glyphs), read from the file instead of from an operator list: pdf.js builds that list for the
 * whole page and loads the stamp's fonts to do so, which cost a signed page several times its
 * text. Fonts are named by their real names (`describeFont` gives their style). Null when any
 * part is not read here as pdf.js reads it — another kind of annotation or font, an operator
 * whose effect is not followed, content that cannot be decoded: the caller then builds the
 * operator list.
 */
export function scanStamps(pdfjs: PdfJs, objects: PdfObjects, pageRef: { num: number; gen: number }, drawnIds: readonly string[]): StampOps | null {
  if (!objects.usable) return null;
  const appearances = listDrawnAppearances(objects, pageRef.num);
  // The file read here must show the annotations pdf.js found (an object this reader took from
  // another revision of the file would not).
  if (appearances === null || !sameIds(appearances.map((a) => a.id), drawnIds)) return null;
  const scan = new AppearanceScan(pdfjs.OPS, objects);
  for (const a of appearances) {
    const data = objects.streamData(a.stream);
    if (!data) return null;
    scan.emit(pdfjs.OPS.beginAnnotation, [a.id, a.rect, transformMatrix(a.rect, a.bbox, a.matrix), a.matrix, false]);
    if (!scan.read(data, a.resources, 0)) return null;
    scan.emit(pdfjs.OPS.endAnnotation, []);
  }
  return scan.ops;
}

/**
 * pdf.js's getTransformMatrix: maps the appearance's box (BBox through Matrix) onto the
 * annotation's Rect. The box's corners pass through a Float32Array there, and do here.
 */
function transformMatrix(rect: number[], bbox: number[], matrix: number[]): number[] {
  const [m0, m1, m2, m3, m4, m5] = matrix;
  const xs = [m0 * bbox[0] + m4, m0 * bbox[2] + m4];
  const ys = [m3 * bbox[1] + m5, m3 * bbox[3] + m5];
  const a = [xs[0], xs[1], xs[0], xs[1]];
  const b = [ys[0], ys[1], ys[0], ys[1]];
  if (m1 !== 0 || m2 !== 0) {
    a[0] += m2 * bbox[1];
    a[3] += m2 * bbox[1];
    a[1] += m2 * bbox[3];
    a[2] += m2 * bbox[3];
    b[0] += m1 * bbox[0];
    b[3] += m1 * bbox[0];
    b[1] += m1 * bbox[2];
    b[2] += m1 * bbox[2];
  }
  const minX = Math.fround(Math.min(Infinity, ...a));
  const minY = Math.fround(Math.min(Infinity, ...b));
  const maxX = Math.fround(Math.max(-Infinity, ...a));
  const maxY = Math.fround(Math.max(-Infinity, ...b));
  if (minX === maxX || minY === maxY) return [1, 0, 0, 1, rect[0], rect[1]];
  const xRatio = (rect[2] - rect[0]) / (maxX - minX);
  const yRatio = (rect[3] - rect[1]) / (maxY - minY);
  return [xRatio, 0, 0, yRatio, rect[0] - minX * xRatio, rect[1] - minY * yRatio];
}

/** An operand of a content operator: a number, a name, a string's bytes, or an array of those. */
type Operand = number | string | Uint8Array | Operand[] | null;

class AppearanceScan {
  readonly ops: StampOps = { fnArray: [], argsArray: [] };
  private font: IdentityFont | null = null;
  private readonly fonts = new Map<number, IdentityFont | null>();
  private bytes = MAX_PAGE_BYTES;

  constructor(
    private readonly OPS: PdfJs["OPS"],
    private readonly objects: PdfObjects,
  ) {}

  emit(fn: number, args: unknown[]): void {
    this.ops.fnArray.push(fn);
    this.ops.argsArray.push(args);
  }

  /** Reads one content stream; false when some part of it is not followed here. */
  read(data: Uint8Array, resources: PdfDict | null, depth: number): boolean {
    this.bytes -= data.length;
    if (this.bytes < 0) return false;
    const OPS = this.OPS;
    const lexer = new Lexer(data, 0);
    const operands: Operand[] = [];
    for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
      if (typeof token !== "object" || token === null || !("op" in token)) {
        const operand = this.operand(lexer, data, token);
        if (operand === undefined) return false;
        operands.push(operand);
        continue;
      }
      const n = operands.length;
      const num = (i: number): number | null => (typeof operands[n - i] === "number" ? (operands[n - i] as number) : null);
      const nums = (count: number): number[] | null => {
        if (n < count) return null;
        const out = operands.slice(n - count);
        return out.every((v) => typeof v === "number") ? (out as number[]) : null;
      };
      let v: number[] | null;
      switch (token.op) {
        case "q":
          this.emit(OPS.save, []);
          break;
        case "Q":
          this.emit(OPS.restore, []);
          break;
        case "cm":
          if (!(v = nums(6))) return false;
          this.emit(OPS.transform, v);
          break;
        case "BT":
          this.emit(OPS.beginText, []);
          break;
        case "ET":
          this.emit(OPS.endText, []);
          break;
        case "Tm":
          if (!(v = nums(6))) return false;
          // pdf.js keeps a text matrix as a Float32Array.
          this.emit(OPS.setTextMatrix, [new Float32Array(v)]);
          break;
        case "Tf": {
          const size = num(1);
          const name = operands[n - 2];
          if (size === null || typeof name !== "string" || !this.setFont(resources, name)) return false;
          this.emit(OPS.setFont, [this.font!.name, size]);
          break;
        }
        case "TL":
          if (!(v = nums(1))) return false;
          this.emit(OPS.setLeading, v);
          break;
        case "Td":
          if (!(v = nums(2))) return false;
          this.emit(OPS.moveText, v);
          break;
        case "TD":
          if (!(v = nums(2))) return false;
          this.emit(OPS.setLeadingMoveText, v);
          break;
        case "T*":
          this.emit(OPS.nextLine, []);
          break;
        case "Tj":
        case "'":
        case '"': {
          const glyphs = this.glyphs(operands[n - 1]);
          if (glyphs === null) return false;
          if (token.op !== "Tj") this.emit(OPS.nextLine, []);
          this.emit(OPS.showText, [glyphs]);
          break;
        }
        case "TJ": {
          const items = operands[n - 1];
          if (!Array.isArray(items)) return false;
          const glyphs: Array<Glyph | number> = [];
          for (const item of items) {
            if (typeof item === "number") glyphs.push(item);
            else {
              const some = this.glyphs(item);
              if (some === null) return false;
              glyphs.push(...some);
            }
          }
          this.emit(OPS.showText, [glyphs]);
          break;
        }
        case "Do": {
          const name = operands[n - 1];
          if (typeof name !== "string" || !this.drawXObject(resources, name, depth)) return false;
          break;
        }
        case "gs": {
          // A graphics state may set a font.
          const name = operands[n - 1];
          const state = typeof name === "string" ? this.objects.resolve(lookupResource(this.objects, resources, "ExtGState", name)) : undefined;
          if (!(state instanceof Map) || state.has("Font")) return false;
          break;
        }
        case "BI":
          lexer.skipInlineImageObject();
          break;
        case "d0":
        case "d1":
        case "sh":
        case "PS":
          return false;
      }
      operands.length = 0;
    }
    return true;
  }

  /** One operand from its first token: arrays (TJ's) read whole, dictionaries (BDC's) skipped. Undefined when unreadable. */
  private operand(lexer: Lexer, data: Uint8Array, token: ReturnType<Lexer["next"]>): Operand | undefined {
    if (typeof token === "number") return token;
    if (token === "") return stringBytes(data, lexer.stringStart, lexer.stringEnd, lexer.stringHex);
    if (typeof token === "boolean" || token === null) return null;
    if (typeof token === "object" && "name" in token) return token.name;
    if (typeof token === "object" && "open" in token) {
      if (token.open === "<<") return lexer.skipGroup() ? null : undefined;
      const items: Operand[] = [];
      for (let t = lexer.next(); ; t = lexer.next()) {
        if (t === undefined) return undefined;
        if (typeof t === "object" && t !== null && "close" in t) return items;
        const item = this.operand(lexer, data, t);
        if (item === undefined || Array.isArray(item)) return undefined;
        items.push(item);
      }
    }
    return undefined;
  }

  private setFont(resources: PdfDict | null, name: string): boolean {
    const ref = lookupResource(this.objects, resources, "Font", name);
    if (!isRef(ref)) return false;
    let font = this.fonts.get(ref.num);
    if (font === undefined) {
      font = readIdentityFont(this.objects, ref.num);
      // pdf.js may report either name when they differ: only a difference that changes nothing is taken.
      if (font?.otherName && !sameFontStyle(font.name, font.otherName)) font = null;
      this.fonts.set(ref.num, font);
    }
    this.font = font;
    return font !== null;
  }

  /** A string's glyphs as pdf.js makes them for this font: two bytes a code, each code its own width and text. */
  private glyphs(operand: Operand | undefined): Glyph[] | null {
    const font = this.font;
    if (!(operand instanceof Uint8Array) || font === null || operand.length % 2 !== 0) return null;
    const glyphs: Glyph[] = [];
    for (let i = 0; i < operand.length; i += 2) {
      const code = (operand[i] << 8) | operand[i + 1];
      // pdf.js: an empty or missing text is the code's own character.
      glyphs.push({ unicode: font.toUnicode.get(code) || String.fromCharCode(code), width: font.widths.get(code) ?? font.defaultWidth, isSpace: false });
    }
    return glyphs;
  }

  private drawXObject(resources: PdfDict | null, name: string, depth: number): boolean {
    const ref = lookupResource(this.objects, resources, "XObject", name);
    if (!isRef(ref)) return false;
    const dict = this.objects.get(ref.num);
    if (!(dict instanceof Map)) return false;
    if (isName(dict.get("Subtype"), "Image")) return true;
    if (!isName(dict.get("Subtype"), "Form") || depth >= MAX_FORM_DEPTH) return false;
    const data = this.objects.streamData(ref.num);
    if (!data) return false;
    const matrix = readNumberArray(this.objects, dict.get("Matrix"), 6);
    const bbox = readNumberArray(this.objects, dict.get("BBox"), 4);
    const box = bbox && new Float32Array([Math.min(bbox[0], bbox[2]), Math.min(bbox[1], bbox[3]), Math.max(bbox[0], bbox[2]), Math.max(bbox[1], bbox[3])]);
    this.emit(this.OPS.paintFormXObjectBegin, [matrix && new Float32Array(matrix), dict.has("Group") ? null : box]);
    const own = this.objects.resolve(dict.get("Resources"));
    if (!this.read(data, own instanceof Map ? own : resources, depth + 1)) return false;
    this.emit(this.OPS.paintFormXObjectEnd, []);
    return true;
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((id) => set.has(id));
}
