import { readPgmHeader } from "./crop-pgm.js";

/**
 * Grayscale PGM images as one multi-page TIFF (uncompressed, 8 bits, one strip per page), the
 * one input that carries several images to a single `tesseract` process on stdin: the zones
 * of a page are read in one process, where each process spends about 0.1 s loading the model
 * before it reads anything (docs/ocr.md).
 */

/** TIFF field types (TIFF 6.0, section 2). */
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
/** Directory entries per page, the two resolution rationals after them. */
const ENTRIES = 12;
const IFD_BYTES = 2 + ENTRIES * 12 + 4;
const RATIONALS_BYTES = 16;

/** The PGMs as the pages of one little-endian TIFF, each marked `dpi`. */
export function encodeGrayTiff(images: readonly Uint8Array[], dpi: number): Uint8Array {
  const pages = images.map((image) => ({ image, ...readPgmHeader(image) }));
  // Each page: its pixels (padded to an even offset), then its directory and resolutions.
  let size = 8;
  for (const p of pages) size += pad(p.width * p.height) + IFD_BYTES + RATIONALS_BYTES;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49], 0); // "II": little-endian
  view.setUint16(2, 42, true);
  let at = 8;
  let previousNext = 4; // where the offset of the next directory goes
  const resolution = Math.max(1, Math.round(dpi));
  for (const p of pages) {
    const bytes = p.width * p.height;
    const pixels = at;
    out.set(p.image.subarray(p.start, p.start + bytes), pixels);
    at += pad(bytes);
    const ifd = at;
    view.setUint32(previousNext, ifd, true);
    const rationals = ifd + IFD_BYTES;
    const entries: [tag: number, type: number, value: number][] = [
      [256, LONG, p.width], // ImageWidth
      [257, LONG, p.height], // ImageLength
      [258, SHORT, 8], // BitsPerSample
      [259, SHORT, 1], // Compression: none
      [262, SHORT, 1], // PhotometricInterpretation: black is zero
      [273, LONG, pixels], // StripOffsets
      [277, SHORT, 1], // SamplesPerPixel
      [278, LONG, p.height], // RowsPerStrip
      [279, LONG, bytes], // StripByteCounts
      [282, RATIONAL, rationals], // XResolution
      [283, RATIONAL, rationals + 8], // YResolution
      [296, SHORT, 2], // ResolutionUnit: inch
    ];
    view.setUint16(ifd, entries.length, true);
    entries.forEach(([tag, type, value], i) => {
      const e = ifd + 2 + i * 12;
      view.setUint16(e, tag, true);
      view.setUint16(e + 2, type, true);
      view.setUint32(e + 4, 1, true);
      // A SHORT sits in the first two bytes of the value field.
      if (type === SHORT) view.setUint16(e + 8, value, true);
      else view.setUint32(e + 8, value, true);
    });
    previousNext = ifd + 2 + entries.length * 12;
    view.setUint32(previousNext, 0, true);
    for (const r of [rationals, rationals + 8]) {
      view.setUint32(r, resolution, true);
      view.setUint32(r + 4, 1, true);
    }
    at = rationals + RATIONALS_BYTES;
  }
  return out;
}

/** Directory offsets must be even (TIFF 6.0: word boundary). */
function pad(n: number): number {
  return n + (n & 1);
}
