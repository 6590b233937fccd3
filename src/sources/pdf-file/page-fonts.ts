import { lookupResource, readPageContent, readPageResources } from "./page-content.js";
import { isName, isRef, Lexer, type PdfDict, type PdfObjects, type PdfValue } from "./pdf-objects.js";

/**
 * The fonts of a page (phông chữ của trang) as pdf.js would load them for its text: which font
 * objects the page can set, and in which order its content first sets each (Tf), read from the
 * file without pdf.js. What cannot be read for certain is null: the caller then asks pdf.js.
 */

/** A font object a page can set: its object number, the name pdf.js gives it, its descriptor. */
export interface PageFont {
  ref: number;
  /** The font's name as pdf.js reports it (the descriptor's FontName, else BaseFont). */
  name: string;
  /** The FontDescriptor's object number; null when the descriptor is inline or absent. */
  descriptor: number | null;
  /** The other name pdf.js may report instead, when FontName and BaseFont differ. */
  otherName: string | null;
}

/** Form XObjects nested deeper than this are not followed: the fonts of such a page are not known. */
const MAX_FORM_DEPTH = 6;

/**
 * The fonts in the resources of a page and of the forms it may draw, by object number. Null when
 * one of them is not a plain font object: an inline font dictionary, a Type3 font (its glyphs may
 * load fonts of their own), a font without a name, resources that cannot be read, or forms nested
 * deeper than MAX_FORM_DEPTH.
 */
export function listPageFonts(objects: PdfObjects, pageNum: number): Map<number, PageFont> | null {
  const page = objects.get(pageNum);
  if (!(page instanceof Map)) return null;
  const fonts = new Map<number, PageFont>();
  const seen = new Set<PdfDict>();
  const visit = (resources: PdfDict | null, depth: number): boolean => {
    if (!resources || seen.has(resources)) return true;
    seen.add(resources);
    const fontDict = objects.resolve(resources.get("Font"));
    if (fontDict instanceof Map) {
      for (const value of fontDict.values()) {
        if (!isRef(value)) return false;
        if (fonts.has(value.num)) continue;
        const font = describeFontObject(objects, value.num);
        if (!font) return false;
        fonts.set(value.num, font);
      }
    }
    const xobjects = objects.resolve(resources.get("XObject"));
    if (!(xobjects instanceof Map)) return true;
    for (const value of xobjects.values()) {
      const form = objects.resolve(value);
      if (!(form instanceof Map) || !isName(form.get("Subtype"), "Form")) continue;
      // pdf.js follows forms to any depth: the fonts of one deeper than this are not known.
      if (depth >= MAX_FORM_DEPTH) return false;
      const own = objects.resolve(form.get("Resources"));
      if (!visit(own instanceof Map ? own : null, depth + 1)) return false;
    }
    return true;
  };
  return visit(readPageResources(objects, page), 0) ? fonts : null;
}

/** A font object's name and descriptor as pdf.js reads them; null for what pdf.js reads otherwise. */
export function describeFontObject(objects: PdfObjects, num: number): PageFont | null {
  const font = objects.get(num);
  if (!(font instanceof Map) || !isName(font.get("Type"), "Font")) return null;
  const subtype = font.get("Subtype");
  if (!isName(subtype) || subtype.name === "Type3") return null;
  // A composite font's name and descriptor are its descendant's.
  let dict: PdfDict = font;
  if (subtype.name === "Type0") {
    const descendants = objects.resolve(font.get("DescendantFonts"));
    const first = Array.isArray(descendants) ? objects.resolve(descendants[0]) : undefined;
    if (!(first instanceof Map)) return null;
    dict = first;
  }
  const baseFont = objects.resolve(dict.get("BaseFont"));
  const rawDescriptor = dict.get("FontDescriptor");
  const descriptor = objects.resolve(rawDescriptor);
  const baseName = isName(baseFont) ? baseFont.name : null;
  if (!(descriptor instanceof Map)) {
    // pdf.js names a font without a descriptor (the standard 14) by BaseFont, normalized.
    return baseName ? { ref: num, name: normalizeFontName(baseName), descriptor: null, otherName: null } : null;
  }
  const fontName = objects.resolve(descriptor.get("FontName"));
  const name = isName(fontName) ? fontName.name : baseName;
  if (!name) return null;
  const otherName = baseName && baseName !== name ? baseName : null;
  return { ref: num, name, descriptor: isRef(rawDescriptor) ? rawDescriptor.num : null, otherName };
}

const NAME_SEPARATOR = /[,_]/gu;
const WHITE_SPACE = /\s/gu;

/** pdf.js's normalizeFontName: commas and underscores to hyphens, no white space. */
function normalizeFontName(name: string): string {
  return name.replace(NAME_SEPARATOR, "-").replace(WHITE_SPACE, "");
}

/**
 * The font objects a page's content sets (Tf), each once, in the order it first sets them,
 * following the forms it draws in place. Null when that cannot be known for certain: content
 * that cannot be read here, a Tf naming a font the resources lack, a graphics state that sets a
 * font (gs with /Font).
 */
export function listFontUses(objects: PdfObjects, pageNum: number): number[] | null {
  const page = objects.get(pageNum);
  if (!(page instanceof Map)) return null;
  const content = readPageContent(objects, page);
  if (!content) return null;
  const uses: number[] = [];
  const ok = scanFontUses(objects, content, readPageResources(objects, page), { uses, used: new Set(), forms: new Set(), reads: 0 }, 0);
  return ok ? uses : null;
}

interface FontScan {
  uses: number[];
  used: Set<number>;
  /**
   * Forms with resources of their own read already: drawn again, they set no font not set
   * before. (A form without its own takes the resources of where it is drawn: read each time.)
   */
  forms: Set<number>;
  /** Form streams read so far, against MAX_FORM_READS. */
  reads: number;
}

/** Form streams read for one page at most: a page drawing forms more often is not followed. */
const MAX_FORM_READS = 10_000;

function scanFontUses(objects: PdfObjects, data: Uint8Array, resources: PdfDict | null, scan: FontScan, depth: number): boolean {
  const { uses, used } = scan;
  const lexer = new Lexer(data, 0);
  let last: PdfValue | undefined;
  let beforeLast: PdfValue | undefined;
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (typeof token !== "object" || token === null || !("op" in token)) {
      if (typeof token === "object" && token !== null && ("open" in token || "close" in token)) continue;
      beforeLast = last;
      last = token as PdfValue;
      continue;
    }
    switch (token.op) {
      case "Tf": {
        // "/F1 12 Tf": the name is the operand before the size.
        const ref = isName(beforeLast) ? resourceRef(objects, resources, "Font", beforeLast.name) : null;
        if (ref === null) return false;
        if (!used.has(ref)) {
          used.add(ref);
          uses.push(ref);
        }
        break;
      }
      case "gs": {
        const state = isName(last) ? objects.resolve(lookupResource(objects, resources, "ExtGState", last.name)) : undefined;
        if (state instanceof Map && state.has("Font")) return false;
        break;
      }
      case "Do": {
        if (!isName(last)) break;
        const ref = resourceRef(objects, resources, "XObject", last.name);
        if (ref === null || scan.forms.has(ref)) break;
        const form = objects.get(ref);
        if (!(form instanceof Map) || !isName(form.get("Subtype"), "Form")) break;
        // pdf.js follows forms to any depth: one deeper than this is not known.
        if (depth >= MAX_FORM_DEPTH) return false;
        const own = objects.resolve(form.get("Resources"));
        if (own instanceof Map) scan.forms.add(ref);
        if (++scan.reads > MAX_FORM_READS) return false;
        const stream = objects.streamData(ref);
        if (!stream) return false;
        if (!scanFontUses(objects, stream, own instanceof Map ? own : resources, scan, depth + 1)) return false;
        break;
      }
      case "BI":
        lexer.skipInlineImageObject();
        break;
    }
    last = undefined;
    beforeLast = undefined;
  }
  return true;
}

function resourceRef(objects: PdfObjects, resources: PdfDict | null, kind: string, name: string): number | null {
  const value = lookupResource(objects, resources, kind, name);
  return isRef(value) ? value.num : null;
}
