import { pixelWords } from "./pixel-words.js";

/**
 * Seal removal by colour (xóa dấu đỏ) before recognition: a red seal, an arrival stamp ("ĐẾN
 * Số … Ngày …") or a red watermark read into the header garbles the Số line and the trích yếu
 * beside it. Only dense patches of red ink are faded: a colour scan also fringes black print
 * with red at letter edges, and fading those thins the letters and loses their diacritics.
 * Black print and blue handwriting keep their luma (in the red channel alone, blue ink turns as
 * dark as print and a handwritten number starts reading as digits).
 */

/** Tile side in pixels (about 2 mm at 200 dpi): the unit of "dense". */
const TILE = 16;
/** Share of a tile's pixels in red ink that makes it part of a seal. */
const DENSE_SHARE = 0.06;

/** Red or magenta ink, clearly (a seal's stroke). */
function isSealInk(r: number, g: number, b: number): boolean {
  return r >= 110 && r - g >= 50 && r - b >= 30;
}

/** Reddish, loosely: a seal's faded pink fringe, inside a seal patch only. */
function isSealTint(r: number, g: number, b: number): boolean {
  return r >= 90 && r - g >= 25 && r - b >= 10;
}

/**
 * The page's luma image (a binary PGM of its RGBA, `toGrayPgms`) with the dense red patches turned
 * to paper, as a copy; null when the page has no such patch (then the luma image is as good).
 */
export function fadeSeals(rgba: Uint8ClampedArray, width: number, height: number, luma: Uint8Array): Uint8Array | null {
  const cols = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  const counts = new Uint16Array(cols * rows);
  const words = pixelWords(rgba);
  for (let y = 0; y < height; y++) {
    const row = (y / TILE) | 0;
    for (let x = 0, k = y * width; x < width; x++, k++) {
      const v = words[k];
      if (isSealInk(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff)) counts[row * cols + ((x / TILE) | 0)]++;
    }
  }
  const dense = TILE * TILE * DENSE_SHARE;
  const seal = new Uint8Array(cols * rows);
  let any = false;
  for (let t = 0; t < counts.length; t++) {
    if (counts[t] < dense) continue;
    any = true;
    // The tile and its neighbours: a seal's edge strokes fall in tiles that are not dense.
    const tr = (t / cols) | 0;
    const tc = t % cols;
    for (let r = Math.max(0, tr - 1); r <= Math.min(rows - 1, tr + 1); r++) {
      for (let c = Math.max(0, tc - 1); c <= Math.min(cols - 1, tc + 1); c++) seal[r * cols + c] = 1;
    }
  }
  if (!any) return null;
  const out = luma.slice();
  for (let y = 0, k = 0, j = out.length - width * height; y < height; y++) {
    const row = ((y / TILE) | 0) * cols;
    for (let x = 0; x < width; x++, k++, j++) {
      if (!seal[row + ((x / TILE) | 0)]) continue;
      const v = words[k];
      if (isSealTint(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff)) out[j] = 255;
    }
  }
  return out;
}
