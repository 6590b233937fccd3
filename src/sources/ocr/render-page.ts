import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { findScanImage, multiplyMatrices, PdfObjects, type PdfMatrix, type ScanImage } from "../pdf-file/index.js";
import { fadeSeals } from "./fade-seals.js";
import { pixelWords } from "./pixel-words.js";

/**
 * Renders PDF pages to grayscale images for OCR (kết xuất trang): pdfjs-dist draws on an
 * @napi-rs/canvas canvas, scanned pages being mostly one big image. The image goes to
 * Tesseract as a binary PGM, which Leptonica reads directly: no PNG encoding needed.
 * A colour page also gets its red channel as a second image, where a red seal (dấu đỏ)
 * fades to paper while black print and blue signatures stay dark.
 */

/** OCR resolution: 200 dpi reads 13–14 pt print well at about 3 s per A4 page. */
export const OCR_DPI = 200;
/** Largest image rendered; a bigger page (a poster, a map) is rendered at a lower resolution. */
const MAX_PIXELS = 16_000_000;

const requireHere = createRequire(import.meta.url);

export interface PageImage {
  /** Binary PGM (P5) bytes. */
  image: Uint8Array;
  width: number;
  height: number;
  /** Effective resolution (lower than `OCR_DPI` for oversized pages). */
  dpi: number;
  /** Red channel as a PGM, when the page has coloured ink (a seal, a stamp); else null. */
  redImage: Uint8Array | null;
  /** Luma with the seals turned to paper (`fadeSeals`), when the page has some; else null. */
  sealFreeImage?: Uint8Array | null;
}

export interface PdfPageRenderer {
  pageCount: number;
  render(page: number): Promise<PageImage>;
  close(): Promise<void>;
}

/** The parts of @napi-rs/canvas we use. */
export interface CanvasModule {
  createCanvas(width: number, height: number): {
    width: number;
    height: number;
    getContext(kind: "2d"): {
      fillStyle: unknown;
      fillRect(x: number, y: number, w: number, h: number): void;
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
  };
}

/** What drawing a decoded image needs beyond `CanvasModule` (present in @napi-rs/canvas). */
interface ImageCanvasModule {
  loadImage(source: Buffer): Promise<unknown>;
}
interface ImageContext {
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
}

/**
 * Scales at which the native drawing gives pdf.js's pixels (mean difference under 0.1 gray level
 * on the scanned fixtures): from half size (beyond it pdf.js shrinks in halving steps) to 4/3
 * (beyond it pdf.js enlarges pixel by pixel, without smoothing, on its own integer grid: a
 * low-resolution scan drawn natively differed by 1.8 levels on average and lost its colour ink).
 * Outside them pdf.js renders; such scans are small and cheap to decode anyway.
 */
const NATIVE_SCALES = { min: 0.5, max: 96 / 72 };

/** Opens a PDF for rendering. `data` is copied: pdfjs takes over the buffer it is given. */
export async function openPdfRenderer(data: Uint8Array, canvas: CanvasModule, password?: string): Promise<PdfPageRenderer> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const root = dirname(requireHere.resolve("pdfjs-dist/package.json"));
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    password,
    verbosity: 0,
    // Local folders (Node reads them with fs): fonts, CMaps, JPX/JBIG2 decoders, ICC profiles.
    standardFontDataUrl: join(root, "standard_fonts") + "/",
    cMapUrl: join(root, "cmaps") + "/",
    cMapPacked: true,
    wasmUrl: join(root, "wasm") + "/",
    iccUrl: join(root, "iccs") + "/",
    isEvalSupported: false,
  }).promise;
  /** The file's own objects, read on the first page rendered: a scanned page's JPEG is found there. */
  let objects: PdfObjects | null = null;
  return {
    pageCount: doc.numPages,
    async render(pageNumber) {
      const page = await doc.getPage(pageNumber);
      try {
        let dpi = OCR_DPI;
        let viewport = page.getViewport({ scale: dpi / 72 });
        const area = viewport.width * viewport.height;
        if (area > MAX_PIXELS) {
          dpi = Math.floor(dpi * Math.sqrt(MAX_PIXELS / area));
          viewport = page.getViewport({ scale: dpi / 72 });
        }
        const width = Math.ceil(viewport.width);
        const height = Math.ceil(viewport.height);
        const target = canvas.createCanvas(width, height);
        const context = target.getContext("2d");
        // Transparent pixels would read as black: paint the paper first.
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, width, height);
        objects ??= new PdfObjects(data);
        const drawn = await drawScanImage(canvas as CanvasModule & ImageCanvasModule, context as unknown as ImageContext, page.ref ? findScanImage(objects, page.ref) : null, viewport.transform);
        if (!drawn) await page.render({ canvasContext: context as never, canvas: target as never, viewport }).promise;
        return toPageImage(context.getImageData(0, 0, width, height).data, width, height, dpi);
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await doc.destroy();
    },
  };
}

/**
 * Draws a scanned page's JPEG (decoded natively by @napi-rs/canvas) where pdf.js would put it:
 * `viewport` (PDF user space → pixels, page rotation included) after the image's matrix, smoothed
 * as pdf.js does at these scales. False when there is no such image, its scale is outside
 * `NATIVE_SCALES`, or it does not decode here: pdf.js renders the page then.
 */
async function drawScanImage(canvas: ImageCanvasModule, context: ImageContext, scan: ScanImage | null, viewport: number[]): Promise<boolean> {
  if (!scan || typeof canvas.loadImage !== "function") return false;
  const [a, b, c, d] = multiplyMatrices(scan.matrix, viewport as PdfMatrix);
  // Device pixels per image pixel along the image's two axes.
  const across = Math.hypot(a, b) / scan.width;
  const down = Math.hypot(c, d) / scan.height;
  if (Math.min(across, down) < NATIVE_SCALES.min || Math.max(across, down) > NATIVE_SCALES.max) return false;
  let image: unknown;
  try {
    image = await canvas.loadImage(Buffer.from(scan.jpeg.buffer, scan.jpeg.byteOffset, scan.jpeg.byteLength));
  } catch (error) {
    // A JPEG the native decoder refuses (pdf.js is more lenient): rendered by pdf.js instead.
    if (error instanceof Error) return false;
    throw error;
  }
  context.setTransform(viewport[0], viewport[1], viewport[2], viewport[3], viewport[4], viewport[5]);
  context.transform(...scan.matrix);
  // The unit square, image rows top down.
  context.transform(1, 0, 0, -1, 0, 1);
  context.drawImage(image, 0, 0, 1, 1);
  context.setTransform(1, 0, 0, 1, 0, 0);
  return true;
}

/** The images OCR reads of a page, from its pixels (a rendered PDF page or a decoded image file). */
export function toPageImage(rgba: Uint8ClampedArray, width: number, height: number, dpi: number): PageImage {
  const colour = hasColourInk(rgba);
  const { luma, red } = toGrayPgms(rgba, width, height, colour);
  return { image: luma, width, height, dpi, redImage: red, sealFreeImage: colour ? fadeSeals(rgba, width, height, luma) : null };
}

/** The header of a binary 8-bit PGM image. */
export function pgmHeader(width: number, height: number): Uint8Array {
  return new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
}

/** RGBA → binary PGMs in one pass: ITU-R 601 luma, and the red channel alone when `withRed`. */
export function toGrayPgms(rgba: Uint8ClampedArray, width: number, height: number, withRed: boolean): { luma: Uint8Array; red: Uint8Array | null } {
  const header = pgmHeader(width, height);
  const luma = new Uint8Array(header.length + width * height);
  luma.set(header, 0);
  const red = withRed ? new Uint8Array(luma.length) : null;
  red?.set(header, 0);
  const words = pixelWords(rgba);
  for (let i = 0, j = header.length; i < words.length; i++, j++) {
    const v = words[i];
    const r = v & 0xff;
    luma[j] = (r * 77 + ((v >>> 8) & 0xff) * 150 + ((v >>> 16) & 0xff) * 29) >> 8;
    if (red) red[j] = r;
  }
  return { luma, red };
}

/** More than 1 pixel in 10 000 with strongly unequal channels: coloured ink on the page. */
export function hasColourInk(rgba: Uint8ClampedArray): boolean {
  const limit = rgba.length / 4 / 10_000;
  let count = 0;
  // Every 4th pixel is enough to see a seal.
  for (let i = 0; i < rgba.length; i += 16) {
    const r = rgba[i];
    const g = rgba[i + 1];
    const b = rgba[i + 2];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60 && ++count * 4 > limit) return true;
  }
  return false;
}
