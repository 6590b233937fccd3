/**
 * Approximate advance widths (in em) of Times New Roman, the typeface Nghị định 30/2020 asks of
 * administrative documents. A text item or OCR line gives only the width of a whole run of
 * characters; spreading it by these widths instead of evenly puts a box's edges within a
 * letter or so of the printed word ("NĐ-CP" is twice as wide as "ngày" is per letter).
 * Vietnamese letters take the width of their base letter; anything else counts as 0.5 em.
 */
export const GLYPH_ADVANCES: Record<string, number> = {
  " ": 0.25, ".": 0.25, ",": 0.25, ":": 0.278, ";": 0.278, "/": 0.278, "-": 0.333, "–": 0.5, "(": 0.333, ")": 0.333,
  "“": 0.444, "”": 0.444, '"': 0.408, "'": 0.18, "!": 0.333, "?": 0.444, "%": 0.833,
  a: 0.444, b: 0.5, c: 0.444, d: 0.5, e: 0.444, f: 0.333, g: 0.5, h: 0.5, i: 0.278, j: 0.278, k: 0.5, l: 0.278, m: 0.778,
  n: 0.5, o: 0.5, p: 0.5, q: 0.5, r: 0.333, s: 0.389, t: 0.278, u: 0.5, v: 0.5, w: 0.722, x: 0.5, y: 0.5, z: 0.444, đ: 0.5,
  A: 0.722, B: 0.667, C: 0.667, D: 0.722, E: 0.611, F: 0.556, G: 0.722, H: 0.722, I: 0.333, J: 0.389, K: 0.722, L: 0.611,
  M: 0.889, N: 0.722, O: 0.722, P: 0.556, Q: 0.722, R: 0.667, S: 0.556, T: 0.611, U: 0.722, V: 0.722, W: 0.944, X: 0.722,
  Y: 0.722, Z: 0.611, Đ: 0.722,
};

/** The advance of one character (its base letter's for Vietnamese letters). */
export function advanceOf(c: string): number {
  return GLYPH_ADVANCES[c] ?? GLYPH_ADVANCES[c.normalize("NFD")[0]] ?? 0.5;
}

/** Cumulative advances: `out[i]` is the width of text[0…i), `out[text.length]` the whole. */
export function cumulativeAdvances(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) out.push(out[i] + advanceOf(text[i]));
  return out;
}
