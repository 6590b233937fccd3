/**
 * RGBA pixels read four bytes at a time: the page-image passes (gray, red, seal tiles) go over
 * 4 million pixels a page, and one 32-bit read per pixel instead of three byte reads made them
 * take 33 instead of 83 ms for an A4 page at 200 dpi, with the same bytes out (docs/ocr.md).
 */

/** Little-endian platforms read a pixel as one word with red in the low byte. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The pixels as 32-bit words (red = `v & 0xff`, green `v >>> 8`, blue `v >>> 16`), or null where that would not be exact. */
export function pixelWords(rgba: Uint8ClampedArray): Uint32Array | null {
  return LITTLE_ENDIAN && rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2) : null;
}
