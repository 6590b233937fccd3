import { readPageContent, readPageResources } from "./page-content.js";
import { isName, isRef, Lexer, type PdfObjects, type PdfValue } from "./pdf-objects.js";

/**
 * A scanned page (trang quét) as most scanners write it: content that only places one JPEG image
 * (q, cm, Do, Q), so the OCR renderer can decode the JPEG natively and draw it, where pdf.js
 * decodes it in JavaScript (about a quarter of a second for an A4 page at 200 dpi). Anything
 * else on the page, or an image pdf.js would paint differently (another colour space, a decode
 * array, a mask), gives null and the page is rendered by pdf.js.
 */

export interface ScanImage {
  /** The image's bytes, a JPEG file (DCTDecode). */
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** Current transformation matrix at the Do: the unit square → PDF user space. */
  matrix: PdfMatrix;
}

/** A PDF matrix [a b c d e f]. */
export type PdfMatrix = [number, number, number, number, number, number];

/** Operators a scanner's page may hold around its image that change nothing drawn. */
const HARMLESS = new Set(["w", "J", "j", "M", "d", "ri", "i", "MP", "DP", "BMC", "BDC", "EMC"]);
const IDENTITY: PdfMatrix = [1, 0, 0, 1, 0, 0];

/** The page's one JPEG image and where it is drawn, when that is all the page is; else null. */
export function findScanImage(objects: PdfObjects, pageRef: { num: number }): ScanImage | null {
  if (!objects.usable) return null;
  const page = objects.get(pageRef.num);
  if (!(page instanceof Map)) return null;
  const content = readPageContent(objects, page);
  if (!content) return null;
  const xobjects = objects.resolve(readPageResources(objects, page)?.get("XObject"));
  const lexer = new Lexer(content, 0);
  const stack: PdfMatrix[] = [];
  let ctm = IDENTITY;
  let operands: PdfValue[] = [];
  let found: ScanImage | null = null;
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (typeof token !== "object" || token === null || !("op" in token)) {
      // Arrays and dictionaries (a dash pattern, marked-content properties) are not needed.
      if (typeof token === "object" && token !== null && ("open" in token || "close" in token)) operands = [];
      else operands.push(token as PdfValue);
      continue;
    }
    const args = operands;
    operands = [];
    switch (token.op) {
      case "q":
        stack.push(ctm);
        break;
      case "Q":
        ctm = stack.pop() ?? IDENTITY;
        break;
      case "cm":
        if (args.length !== 6 || !args.every((a) => typeof a === "number")) return null;
        ctm = multiplyMatrices(args as PdfMatrix, ctm);
        break;
      case "Do": {
        if (found) return null;
        const name = args[args.length - 1];
        const ref = xobjects instanceof Map && isName(name) ? xobjects.get(name.name) : undefined;
        found = isRef(ref) ? jpegImage(objects, ref.num, ctm) : null;
        if (!found) return null;
        break;
      }
      default:
        if (!HARMLESS.has(token.op)) return null;
    }
  }
  return found;
}

/** The image XObject `num` when it is a plain 8-bit gray or RGB JPEG; else null. */
function jpegImage(objects: PdfObjects, num: number, matrix: PdfMatrix): ScanImage | null {
  const stream = objects.encodedStream(num);
  if (!stream) return null;
  const get = (key: string) => objects.resolve(stream.dict.get(key));
  const filters = objects.filtersOf(stream.dict);
  if (!isName(get("Subtype"), "Image") || filters.length !== 1 || !isName(filters[0], "DCTDecode")) return null;
  const space = get("ColorSpace");
  if (!isName(space, "DeviceRGB") && !isName(space, "DeviceGray")) return null;
  if (get("BitsPerComponent") !== 8 || get("ImageMask") === true) return null;
  for (const key of ["Decode", "SMask", "Mask", "SMaskInData"]) if (stream.dict.has(key)) return null;
  // DCTDecode's one parameter, ColorTransform, overrides the JPEG's own markers in pdf.js, not in
  // the native decoder; other keys ("/Quality 80" of some scanners) mean nothing to either.
  const parms = get("DecodeParms");
  if (parms !== undefined && !(parms instanceof Map && !parms.has("ColorTransform"))) return null;
  const width = get("Width");
  const height = get("Height");
  if (typeof width !== "number" || typeof height !== "number" || width < 1 || height < 1) return null;
  const frame = readJpegFrame(stream.data);
  if (!frame || frame.components !== (isName(space, "DeviceGray") ? 1 : 3)) return null;
  return { jpeg: frame.exif ? withoutExif(stream.data, frame.exif) : stream.data, width, height, matrix };
}

/** JPEG markers: start of image, end of image, the frames pdf.js decodes (baseline, extended, progressive), APP1. */
const SOI = 0xffd8;
const EOI = 0xffd9;
const FRAMES = new Set([0xffc0, 0xffc1, 0xffc2]);
const APP1 = 0xffe1;
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

/**
 * The JPEG's colour components and its EXIF block, read from its markers up to the frame header;
 * null for what pdf.js would not hand to a native decoder either (no SOI, another frame type, a
 * damaged marker chain).
 */
function readJpegFrame(data: Uint8Array): { components: number; exif: { start: number; end: number } | null } | null {
  const u16 = (at: number) => (at + 1 < data.length ? (data[at] << 8) | data[at + 1] : -1);
  if (u16(0) !== SOI) return null;
  let exif: { start: number; end: number } | null = null;
  for (let at = 2; at + 4 <= data.length; ) {
    const marker = u16(at);
    if (marker === EOI || (marker & 0xff00) !== 0xff00) return null;
    // Fill bytes before a marker.
    if (marker === 0xffff) {
      at++;
      continue;
    }
    const length = u16(at + 2);
    if (length < 2) return null;
    if (FRAMES.has(marker)) return at + 9 < data.length ? { components: data[at + 9], exif } : null;
    if (marker === APP1 && EXIF_HEADER.every((b, i) => data[at + 4 + i] === b)) {
      if (exif) return null;
      exif = { start: at + 4 + EXIF_HEADER.length, end: at + 2 + length };
    }
    // Another frame type (lossless, hierarchical, arithmetic): pdf.js's decoder reads none of them.
    if (marker >= 0xffc3 && marker <= 0xffcf && marker !== 0xffc4 && marker !== 0xffc8 && marker !== 0xffcc) return null;
    at += 2 + length;
  }
  return null;
}

/**
 * The JPEG with its EXIF block zeroed, as pdf.js does before a native decoder sees it: an EXIF
 * orientation would turn the image, where a PDF places it by its matrix alone.
 */
function withoutExif(data: Uint8Array, exif: { start: number; end: number }): Uint8Array {
  const copy = data.slice();
  copy.fill(0, exif.start, Math.min(exif.end, copy.length));
  return copy;
}

/** m × n for PDF matrices: `m` applied first (as `cm` concatenates onto the current matrix). */
export function multiplyMatrices(m: PdfMatrix, n: PdfMatrix): PdfMatrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

