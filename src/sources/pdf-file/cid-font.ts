import { describeFontObject } from "./page-fonts.js";
import { isName, isRef, type PdfObjects, type PdfValue } from "./pdf-objects.js";
import { readToUnicode } from "./to-unicode.js";

/**
 * A composite font with two-byte codes (phông CID, Identity-H), as pdf.js measures and decodes
 * its glyphs: each code is its CID, its width comes from the descendant's W (else DW, else 1000),
 * its text from the ToUnicode CMap (else the code itself, as pdf.js falls back).
 */
export interface IdentityFont {
  /** The name pdf.js reports for the font (descriptor FontName, else BaseFont). */
  name: string;
  /** The other name pdf.js may report, when FontName and BaseFont differ. */
  otherName: string | null;
  widths: Map<number, number>;
  defaultWidth: number;
  toUnicode: Map<number, string>;
}

/** The largest code two bytes hold: widths of larger CIDs are never asked for, and not kept. */
const MAX_CODE = 0xffff;

/**
 * Reads the font object `num` when it is such a font; null for any other kind (simple fonts,
 * other encodings, vertical writing, a missing or unreadable ToUnicode): the caller then asks
 * pdf.js, which knows them all.
 */
export function readIdentityFont(objects: PdfObjects, num: number): IdentityFont | null {
  const font = objects.get(num);
  if (!(font instanceof Map) || !isName(font.get("Subtype"), "Type0") || !isName(objects.resolve(font.get("Encoding")), "Identity-H")) return null;
  const described = describeFontObject(objects, num);
  const descendants = objects.resolve(font.get("DescendantFonts"));
  const cid = Array.isArray(descendants) ? objects.resolve(descendants[0]) : undefined;
  const toUnicodeRef = font.get("ToUnicode");
  if (!described || !(cid instanceof Map) || !isRef(toUnicodeRef)) return null;
  const cmap = objects.streamData(toUnicodeRef.num);
  const toUnicode = cmap ? readToUnicode(cmap) : null;
  const widths = readWidths(objects, objects.resolve(cid.get("W")));
  if (!toUnicode || toUnicode.size === 0) return null;
  const dw = objects.resolve(cid.get("DW"));
  return { name: described.name, otherName: described.otherName, widths, defaultWidth: typeof dw === "number" ? Math.ceil(dw) : 1000, toUnicode };
}

/** The W array as pdf.js's extractWidths reads it: "c [w …]" and "first last w"; it stops at the first malformed entry. */
function readWidths(objects: PdfObjects, w: PdfValue | undefined): Map<number, number> {
  const widths = new Map<number, number>();
  if (!Array.isArray(w)) return widths;
  for (let i = 0; i < w.length; i++) {
    let start = objects.resolve(w[i++]);
    if (typeof start !== "number" || !Number.isInteger(start)) break;
    const code = objects.resolve(w[i]);
    if (Array.isArray(code)) {
      for (const c of code) {
        const width = objects.resolve(c);
        if (typeof width === "number" && start >= 0 && start <= MAX_CODE) widths.set(start, width);
        start++;
      }
    } else if (typeof code === "number" && Number.isInteger(code)) {
      const width = objects.resolve(w[++i]);
      if (typeof width !== "number") continue;
      for (let j = Math.max(0, start); j <= Math.min(code, MAX_CODE); j++) widths.set(j, width);
    } else break;
  }
  return widths;
}
