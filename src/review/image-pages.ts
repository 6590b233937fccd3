import { createRequire } from "node:module";
import type { PageSize } from "./pdf-text-runs.js";

const requireHere = createRequire(typeof __filename === "string" ? __filename : import.meta.url);

/** A scanned image file (PNG, JPEG, multi-page TIFF) as pages the browser can show. */
export interface ImagePages {
  pages: PageSize[];
  /** The page as an image the browser draws: PNG and JPEG as they are, a TIFF page as PNG. */
  render(page: number): Promise<{ type: string; bytes: Buffer }>;
}

/** The parts of utif we use (it ships no types). */
interface Utif {
  decode(buffer: Uint8Array): Array<Record<string, unknown> & { width?: number; height?: number }>;
  decodeImage(buffer: Uint8Array, ifd: Record<string, unknown>): void;
  toRGBA8(ifd: Record<string, unknown>): Uint8Array;
}

/**
 * Opens an image file for the review page (check `canvasAvailable()` first): its pages' sizes
 * give the page boxes their aspect ratio; the record's line boxes are fractions of them.
 */
export async function openImagePages(data: Uint8Array): Promise<ImagePages> {
  const canvas = requireHere("@napi-rs/canvas") as typeof import("@napi-rs/canvas");
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (!isTiff(data)) {
    const image = await canvas.loadImage(bytes);
    const type = data[0] === 0x89 ? "image/png" : "image/jpeg";
    return { pages: [{ width: image.width, height: image.height }], render: async () => ({ type, bytes }) };
  }
  const utif = requireHere("utif") as Utif;
  // Width and height from the directories' tags 256 and 257; the pixels are decoded when a page is shown.
  const size = (ifd: Record<string, unknown>, tag: string): number => (ifd[tag] as number[] | undefined)?.[0] ?? 0;
  const ifds = utif.decode(data).filter((ifd) => size(ifd, "t256") > 0 && size(ifd, "t257") > 0);
  return {
    pages: ifds.map((ifd) => ({ width: size(ifd, "t256"), height: size(ifd, "t257") })),
    async render(page) {
      const ifd = ifds[page - 1];
      utif.decodeImage(data, ifd);
      const rgba = utif.toRGBA8(ifd);
      const width = size(ifd, "t256");
      const height = size(ifd, "t257");
      const target = canvas.createCanvas(width, height);
      target.getContext("2d").putImageData(new canvas.ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), width, height), 0, 0);
      return { type: "image/png", bytes: target.toBuffer("image/png") };
    },
  };
}

function isTiff(data: Uint8Array): boolean {
  return (data[0] === 0x49 && data[1] === 0x49 && data[2] === 0x2a && data[3] === 0) || (data[0] === 0x4d && data[1] === 0x4d && data[2] === 0 && data[3] === 0x2a);
}
