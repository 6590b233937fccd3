import type { OcrBlock, OcrBox } from "./ocr-lines.js";
import { pgmHeader } from "./render-page.js";

/**
 * A zone read again alone (a header column, the title, the signature column) is cut out of the
 * page image before it goes to Tesseract, and what Tesseract finds in it is shifted back to the
 * page's pixels. A rectangle option on the whole page would send, decode and binarize the whole
 * page for each zone: cutting first made a zone's reading 40 ms cheaper (docs/ocr.md).
 */

/** Binary PGM header, as `pgmHeader` writes it. */
const PGM_HEADER = /^P5\s+(?<width>\d+)\s+(?<height>\d+)\s+255\s/u;

/** A binary PGM's size and where its pixels start. */
export function readPgmHeader(image: Uint8Array): { width: number; height: number; start: number } {
  const m = PGM_HEADER.exec(new TextDecoder("latin1").decode(image.subarray(0, 40)));
  if (!m) throw new Error("not a binary 8-bit PGM image");
  return { width: Number(m.groups!.width), height: Number(m.groups!.height), start: m[0].length };
}

/** The rectangle of a binary PGM as a PGM of its own, and where it was. */
export function cropPgm(image: Uint8Array, region: OcrBox): { data: Uint8Array; dx: number; dy: number } {
  const { width, height, start } = readPgmHeader(image);
  const x0 = clamp(Math.floor(region.x0), 0, width - 1);
  const y0 = clamp(Math.floor(region.y0), 0, height - 1);
  const x1 = clamp(Math.ceil(region.x1), x0 + 1, width);
  const y1 = clamp(Math.ceil(region.y1), y0 + 1, height);
  const header = pgmHeader(x1 - x0, y1 - y0);
  const out = new Uint8Array(header.length + (x1 - x0) * (y1 - y0));
  out.set(header, 0);
  for (let y = y0, at = header.length; y < y1; y++, at += x1 - x0) out.set(image.subarray(start + y * width + x0, start + y * width + x1), at);
  return { data: out, dx: x0, dy: y0 };
}

/** Reads `region` of a page as an image of its own (the whole page without one); boxes in the page's pixels. */
export async function readCropped<R extends { blocks: OcrBlock[] | null }>(image: Uint8Array, region: OcrBox | undefined, read: (image: Uint8Array) => Promise<R>): Promise<R> {
  if (!region) return read(image);
  const crop = cropPgm(image, region);
  const result = await read(crop.data);
  return { ...result, blocks: shiftBlocks(result.blocks, crop.dx, crop.dy) };
}

/** Reads several regions of a page in one call, each cut out; boxes in the page's pixels, readings in order. */
export async function readCroppedMany<R extends { blocks: OcrBlock[] | null }>(image: Uint8Array, regions: readonly OcrBox[], read: (images: Uint8Array[]) => Promise<R[]>): Promise<R[]> {
  const crops = regions.map((region) => cropPgm(image, region));
  const results = await read(crops.map((c) => c.data));
  return results.map((result, i) => ({ ...result, blocks: shiftBlocks(result.blocks, crops[i].dx, crops[i].dy) }));
}

/** The blocks of a reading of a crop, in the full image's pixels. */
export function shiftBlocks(blocks: OcrBlock[] | null, dx: number, dy: number): OcrBlock[] | null {
  if (!blocks || (dx === 0 && dy === 0)) return blocks;
  const shift = (b: OcrBox): OcrBox => ({ x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy });
  return blocks.map((block) => ({
    ...block,
    bbox: block.bbox && shift(block.bbox),
    paragraphs:
      block.paragraphs?.map((p) => ({
        ...p,
        bbox: p.bbox && shift(p.bbox),
        lines: p.lines.map((l) => ({ ...l, bbox: shift(l.bbox), baseline: l.baseline && shift(l.baseline), words: l.words.map((w) => ({ ...w, bbox: shift(w.bbox) })) })),
      })) ?? null,
  }));
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}
