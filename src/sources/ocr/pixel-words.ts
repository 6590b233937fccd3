/**
 * RGBA pixels read four bytes at a time: the page-image passes (gray, red, seal tiles) go over
 * 4 million pixels a page, and one 32-bit read per pixel instead of three byte reads made them
 * take 33 instead of 83 ms for an A4 page at 200 dpi, with the same bytes out (docs/ocr.md).
 */

/** Whether a word read from memory has its first byte low (little-endian platforms). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The pixels as little-endian 32-bit words: red `v & 0xff`, green `(v >>> 8) & 0xff`, blue
 * `(v >>> 16) & 0xff`. A view of the pixels where that holds as they lie (the usual case); a copy
 * where the view does not start on a word boundary, or the platform is big-endian.
 */
export function pixelWords(rgba: Uint8ClampedArray): Uint32Array {
  if (!LITTLE_ENDIAN) {
    const bytes = new DataView(rgba.buffer, rgba.byteOffset, rgba.byteLength);
    return Uint32Array.from({ length: rgba.length >> 2 }, (_, i) => bytes.getUint32(i * 4, true));
  }
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8ClampedArray(rgba);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
}
