/**
 * Glyph order of Times New Roman as shipped with current Windows, for text layers whose
 * "characters" are glyph indices (some Word → Ghostscript PDFs embed the font as a CID font
 * without a usable ToUnicode map, so readers report glyph index N as code point N).
 *
 * Indices 3–255 follow the Macintosh standard glyph order without "nonbreakingspace" and
 * "apple", so ASCII sits 29 below its code ("S" → "6") in every TrueType font built that way
 * (Arial too). The Vietnamese letters added later differ between the regular/bold font (4685
 * glyphs) and the italic/bold-italic font (3578 glyphs).
 *
 * Verified on the embedded subsets of a real Thông báo (composite glyphs name their base letter
 * and marks): ă, đ, Đ, Ĩ, ũ, Ơ ơ Ư ư, the U+1EA0–U+1EF1 block and ỹ in both layouts where used.
 * Inferred from the order (neighbours of verified glyphs): Ă, ĩ, Ũ, italic Ơ/Ư, the rest of
 * U+1EF4–U+1EF9. Unknown: Ỳ ỳ (WGL4 glyphs stored elsewhere), so they are not repaired.
 */

/** Characters of glyphs 3–255 (Macintosh order less two glyphs). */
const LOW_GLYPHS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
  "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC" +
  "\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9\u2122\u00B4\u00A8\u2260\u00C6\u00D8\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0\u222B\u00AA\u00BA\u2126\u00E6\u00F8" +
  "\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026\u00C0\u00C3\u00D5\u0152\u0153\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178\u2044\u00A4\u2039\u203A\uFB01\uFB02" +
  "\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7" +
  "\u0141\u0142\u0160\u0161\u017D\u017E\u00A6\u00D0\u00F0\u00DD\u00FD\u00DE\u00FE\u2212\u00D7\u00B9\u00B2\u00B3\u00BD\u00BC\u00BE\u20A3\u011E\u011F\u0130\u015E\u015F\u0106\u0107\u010C\u010D\u0111";

/** First glyph index of LOW_GLYPHS. */
const LOW_FIRST = 3;

/** Vietnamese letters outside the Unicode 1EA0 block (đ is in the Macintosh part), shared by both layouts. */
const SHARED_VIETNAMESE: ReadonlyArray<readonly [number, string]> = [
  [255, "đ"], [258, "Ă"], [259, "ă"], [264, "Đ"], [428, "Ĩ"], [429, "ĩ"], [457, "Ũ"], [458, "ũ"],
];

export interface GlyphLayout {
  readonly name: string;
  /** Glyph index → character, for every glyph this layout knows. */
  readonly glyphs: ReadonlyMap<number, string>;
  /** Glyph indices of the Vietnamese letters only (used when ASCII came through correctly). */
  readonly vietnamese: ReadonlyMap<number, string>;
}

function buildLayout(name: string, horns: number, blockStart: number): GlyphLayout {
  const vietnamese = new Map<number, string>(SHARED_VIETNAMESE);
  "ƠơƯư".split("").forEach((ch, k) => vietnamese.set(horns + k, ch));
  // U+1EA0–U+1EF1 in Unicode order, then U+1EF4–U+1EF9 (Ỳ ỳ are older glyphs, elsewhere).
  for (let cp = 0x1ea0; cp <= 0x1ef1; cp++) vietnamese.set(blockStart + cp - 0x1ea0, String.fromCodePoint(cp));
  for (let cp = 0x1ef4; cp <= 0x1ef9; cp++) vietnamese.set(blockStart + cp - 0x1ea0 - 2, String.fromCodePoint(cp));
  const glyphs = new Map<number, string>();
  for (let k = 0; k < LOW_GLYPHS.length; k++) glyphs.set(LOW_FIRST + k, LOW_GLYPHS[k]);
  for (const [gid, ch] of vietnamese) glyphs.set(gid, ch);
  return { name, glyphs, vietnamese };
}

/** Times New Roman regular and bold (4685 glyphs). */
export const TIMES_REGULAR = buildLayout("times-regular", 1130, 1188);
/** Times New Roman italic and bold italic (3578 glyphs). */
export const TIMES_ITALIC = buildLayout("times-italic", 750, 808);

export const GLYPH_LAYOUTS: readonly GlyphLayout[] = [TIMES_REGULAR, TIMES_ITALIC];

/** How far below its code an ASCII character sits in these layouts. */
export const ASCII_GLYPH_SHIFT = -29;
