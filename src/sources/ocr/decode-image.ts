import { createRequire } from "node:module";
import { OCR_DPI, toPageImage, type CanvasModule, type PdfPageRenderer } from "./render-page.js";

/**
 * Image files as pages for OCR (ảnh quét): PNG and JPEG decoded by @napi-rs/canvas, TIFF (one
 * page per image directory, as archives scan multi-page documents) by utif. Each page becomes
 * the same grayscale PGM, with its red channel when it has coloured ink, as a rendered PDF page.
 */

/** Largest page handed to Tesseract; a bigger scan is shrunk by an integer factor. */
const MAX_PIXELS = 16_000_000;
/** A resolution outside this range is a wrong tag (72 dpi of a camera): estimate it instead. */
const PLAUSIBLE_DPI = { min: 100, max: 1200 };
/** Width of an A4 page in inches: administrative documents are printed on A4 (Nghị định 30/2020). */
const A4_WIDTH_INCHES = 8.27;

const requireHere = createRequire(import.meta.url);

/** The image bytes could not be decoded (damaged, or a variant the decoders do not read). */
export class ImageDecodeError extends Error {}

interface DecodedPage {
  rgba: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
  /** Resolution from the file's metadata, when it has one. */
  dpi: number | null;
}

/** The parts of @napi-rs/canvas that decode PNG and JPEG. */
interface ImageCanvasModule extends CanvasModule {
  loadImage(source: Uint8Array): Promise<{ width: number; height: number }>;
}

/** The parts of utif we use. */
interface Utif {
  decode(buffer: Uint8Array): Array<Record<string, unknown> & { width?: number; height?: number }>;
  decodeImage(buffer: Uint8Array, ifd: Record<string, unknown>): void;
  toRGBA8(ifd: Record<string, unknown>): Uint8Array;
}

/** Opens an image file as a document of pages; throws `ImageDecodeError` when it cannot be decoded. */
export async function openImageRenderer(data: Uint8Array, canvas: CanvasModule): Promise<PdfPageRenderer> {
  const pages = isTiff(data) ? decodeTiff(data) : [await decodeWithCanvas(data, canvas as ImageCanvasModule)];
  if (pages.length === 0) throw new ImageDecodeError("the file holds no image");
  return {
    pageCount: pages.length,
    async render(n) {
      const page = shrink(pages[n - 1]);
      const rgba = page.rgba instanceof Uint8ClampedArray ? page.rgba : new Uint8ClampedArray(page.rgba.buffer, page.rgba.byteOffset, page.rgba.byteLength);
      const dpi = Math.round(resolutionOf(pages[n - 1]) / page.factor);
      return toPageImage(rgba, page.width, page.height, dpi);
    },
    async close() {},
  };
}

function isTiff(data: Uint8Array): boolean {
  return (data[0] === 0x49 && data[1] === 0x49 && data[2] === 0x2a && data[3] === 0) || (data[0] === 0x4d && data[1] === 0x4d && data[2] === 0 && data[3] === 0x2a);
}

function decodeTiff(data: Uint8Array): DecodedPage[] {
  const utif = requireHere("utif") as Utif;
  let ifds: ReturnType<Utif["decode"]>;
  try {
    ifds = utif.decode(data);
  } catch (error) {
    throw new ImageDecodeError(`TIFF: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pages: DecodedPage[] = [];
  for (const ifd of ifds) {
    try {
      utif.decodeImage(data, ifd);
    } catch (error) {
      throw new ImageDecodeError(`TIFF page ${pages.length + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!ifd.width || !ifd.height) continue;
    const x = ifd.t282 as number[] | undefined;
    const unit = (ifd.t296 as number[] | undefined)?.[0] ?? 2;
    // Tag 282 is dots per resolution unit: 2 = inch, 3 = centimetre.
    const dpi = x?.[0] ? (unit === 3 ? x[0] * 2.54 : x[0]) : null;
    pages.push({ rgba: utif.toRGBA8(ifd), width: ifd.width, height: ifd.height, dpi });
  }
  return pages;
}

async function decodeWithCanvas(data: Uint8Array, canvas: ImageCanvasModule): Promise<DecodedPage> {
  let image: { width: number; height: number };
  try {
    image = await canvas.loadImage(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  } catch (error) {
    throw new ImageDecodeError(error instanceof Error ? error.message : String(error));
  }
  const target = canvas.createCanvas(image.width, image.height);
  const context = target.getContext("2d") as ReturnType<ReturnType<CanvasModule["createCanvas"]>["getContext"]> & { drawImage(image: unknown, x: number, y: number): void };
  // A transparent PNG would read as black: paint the paper first.
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  return { rgba: context.getImageData(0, 0, image.width, image.height).data, width: image.width, height: image.height, dpi: metadataDpi(data) };
}

/** PNG pHYs (pixels per metre) or JPEG JFIF density, when present. */
function metadataDpi(data: Uint8Array): number | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data[0] === 0x89) {
    for (let at = 8; at + 12 <= data.length; ) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...data.subarray(at + 4, at + 8));
      if (type === "pHYs" && length >= 9) return data[at + 16] === 1 ? view.getUint32(at + 8) * 0.0254 : null;
      if (type === "IDAT") return null;
      at += 12 + length;
    }
    return null;
  }
  // JFIF APP0: "JFIF\0", version, units (1 = dpi, 2 = dots/cm), x density.
  if (data.length > 18 && data[2] === 0xff && data[3] === 0xe0 && String.fromCharCode(...data.subarray(6, 10)) === "JFIF") {
    const units = data[13];
    const x = view.getUint16(14);
    return units === 1 ? x : units === 2 ? x * 2.54 : null;
  }
  return null;
}

/** The page's resolution: its metadata when plausible, else as if the page were A4 wide. */
function resolutionOf(page: DecodedPage): number {
  if (page.dpi && page.dpi >= PLAUSIBLE_DPI.min && page.dpi <= PLAUSIBLE_DPI.max) return page.dpi;
  const estimate = Math.min(page.width, page.height) / A4_WIDTH_INCHES;
  return estimate >= PLAUSIBLE_DPI.min ? estimate : OCR_DPI;
}

/** The page at most `MAX_PIXELS` large, averaging blocks of pixels. */
function shrink(page: DecodedPage): DecodedPage & { factor: number } {
  const factor = Math.ceil(Math.sqrt((page.width * page.height) / MAX_PIXELS));
  if (factor <= 1) return { ...page, factor: 1 };
  const width = Math.floor(page.width / factor);
  const height = Math.floor(page.height / factor);
  const out = new Uint8ClampedArray(width * height * 4);
  const n = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) for (let dx = 0; dx < factor; dx++) sum += page.rgba[((y * factor + dy) * page.width + x * factor + dx) * 4 + c];
        out[(y * width + x) * 4 + c] = sum / n;
      }
    }
  }
  return { rgba: out, width, height, dpi: page.dpi, factor };
}
