import { isName, isRef, type PdfDict, type PdfObjects, type PdfValue } from "./pdf-objects.js";

/** An annotation appearance (hình thể hiện) pdf.js draws on the page, with what places it there. */
export interface DrawnAppearance {
  /** pdf.js's id of the annotation: "45R". */
  id: string;
  /** The annotation's Rect, normalized (low corner first). */
  rect: number[];
  /** The appearance stream's object number, BBox and Matrix (pdf.js's defaults when absent). */
  stream: number;
  bbox: number[];
  matrix: number[];
  resources: PdfDict | null;
}

/** Annotation flags (F) that keep pdf.js from drawing an annotation on screen: hidden, no view. */
export const NOT_DRAWN_FLAGS = 0x02 | 0x20;
/** No rotation: pdf.js gives the annotation a canvas of its own. */
const NO_ROTATE = 0x10;
const IDENTITY = [1, 0, 0, 1, 0, 0];
/** Parent levels followed for an inherited field type or page entry. */
const MAX_PARENTS = 32;

/**
 * The appearances pdf.js draws into a page's operator list when annotations are shown (display,
 * forms not rendered as HTML), in its order. Read only for pages whose annotations are signature
 * fields (the digital signature stamps of these documents) and links without an appearance
 * (which draw nothing); any other annotation, or anything that cannot be read here, makes the
 * answer null: pdf.js may draw it in ways not followed here (generated appearances, form values).
 */
export function listDrawnAppearances(objects: PdfObjects, pageNum: number): DrawnAppearance[] | null {
  const page = objects.get(pageNum);
  if (!(page instanceof Map)) return null;
  const annots = inherited(objects, page, "Annots");
  if (!Array.isArray(annots)) return [];
  const drawn: DrawnAppearance[] = [];
  for (const entry of annots) {
    if (!isRef(entry)) return null;
    const dict = objects.get(entry.num);
    if (dict === undefined) return null;
    // pdf.js skips what is not a dictionary.
    if (!(dict instanceof Map)) continue;
    const subtype = dict.get("Subtype");
    if (isName(subtype, "Link") && !dict.has("AP")) continue;
    if (!isName(subtype, "Widget") || !isName(inherited(objects, dict, "FT"), "Sig")) return null;
    const flagsValue = objects.resolve(dict.get("F"));
    const flags = typeof flagsValue === "number" && Number.isInteger(flagsValue) ? flagsValue : 0;
    if (flags & NOT_DRAWN_FLAGS) continue;
    const stream = normalAppearance(objects, dict);
    if (stream === null) continue;
    if (stream === undefined) return null;
    const rect = normalRect(readNumberArray(objects, dict.get("Rect"), 4) ?? [0, 0, 0, 0]);
    // A signature that does not rotate gets a canvas of its own, and pdf.js draws none of zero size.
    if (flags & NO_ROTATE && (rect[2] - rect[0] === 0 || rect[3] - rect[1] === 0)) continue;
    const appearance = objects.get(stream) as PdfDict;
    const resources = objects.resolve(appearance.get("Resources"));
    drawn.push({
      id: entry.gen === 0 ? `${entry.num}R` : `${entry.num}R${entry.gen}`,
      rect,
      stream,
      bbox: readNumberArray(objects, appearance.get("BBox"), 4) ?? [0, 0, 1, 1],
      matrix: readNumberArray(objects, appearance.get("Matrix"), 6) ?? IDENTITY,
      resources: resources instanceof Map ? resources : null,
    });
  }
  return drawn;
}

/**
 * The ids of the annotations pdf.js draws on a page, as its `getAnnotations` would give them with
 * an appearance and not hidden (`drawnAnnotationIds`), without pdf.js building them; null when
 * `listDrawnAppearances` cannot answer or the file is not read here.
 */
export function listDrawnIds(objects: PdfObjects, pageNum: number): string[] | null {
  if (!objects.usable) return null;
  return listDrawnAppearances(objects, pageNum)?.map((a) => a.id) ?? null;
}

/** A dictionary entry, or its nearest parent's (page tree, field tree). */
function inherited(objects: PdfObjects, dict: PdfDict, key: string): PdfValue | undefined {
  let node: PdfValue | undefined = dict;
  for (let depth = 0; depth < MAX_PARENTS && node instanceof Map; depth++) {
    const value = objects.resolve(node.get(key));
    if (value !== undefined) return value;
    node = objects.resolve(node.get("Parent"));
  }
  return undefined;
}

/**
 * The normal appearance stream pdf.js picks (AP /N, or its state named by /AS): its object
 * number; null when pdf.js draws none; undefined when it cannot be read here.
 */
function normalAppearance(objects: PdfObjects, dict: PdfDict): number | null | undefined {
  const ap = objects.resolve(dict.get("AP"));
  if (!(ap instanceof Map)) return null;
  const normal = ap.get("N");
  // A stream is always referenced; a dictionary of states may be written in place.
  if (isRef(normal)) return objects.encodedStream(normal.num) ? normal.num : undefined;
  if (!(normal instanceof Map)) return null;
  const state = objects.resolve(dict.get("AS"));
  if (!isName(state) || !normal.has(state.name)) return null;
  const chosen = normal.get(state.name);
  if (!isRef(chosen)) return null;
  return objects.encodedStream(chosen.num) ? chosen.num : undefined;
}

/** An array of `count` numbers (references resolved), as pdf.js's lookupRect/lookupMatrix take it; else null. */
export function readNumberArray(objects: PdfObjects, value: PdfValue | undefined, count: number): number[] | null {
  const array = objects.resolve(value);
  if (!Array.isArray(array) || array.length !== count) return null;
  const out = array.map((v) => objects.resolve(v));
  return out.every((v): v is number => typeof v === "number") ? (out as number[]) : null;
}

function normalRect(r: number[]): number[] {
  return [Math.min(r[0], r[2]), Math.min(r[1], r[3]), Math.max(r[0], r[2]), Math.max(r[1], r[3])];
}
