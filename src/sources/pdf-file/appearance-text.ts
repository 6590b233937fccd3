import { lookupResource } from "./page-content.js";
import { isName, isRef, Lexer, type PdfDict, type PdfObjects, type PdfValue } from "./pdf-objects.js";

/** pdf.js's id of an annotation it read from an object: "45R". */
const ANNOTATION_ID = /^(?<num>\d+)R$/u;
/** Operators that show text (Tj, TJ, ', "). */
const SHOW_TEXT = new Set(["Tj", "TJ", "'", '"']);
/** Form XObjects nested deeper than this are taken to show text (not followed). */
const MAX_FORM_DEPTH = 6;

/**
 * Whether an annotation's appearance (hình thể hiện: what a viewer draws for a signature widget,
 * a stamp) may show text: false only when every normal appearance stream, and every form it
 * draws, was read and has no text-showing operator — a signature drawn as an image alone. Any
 * doubt (an id that is not an object's, an encrypted file, a stream this reader cannot decode,
 * forms nested too deep) is true.
 */
export function appearanceMayShowText(objects: PdfObjects, annotationId: string): boolean {
  const num = ANNOTATION_ID.exec(annotationId)?.groups?.num;
  if (num === undefined || !objects.usable) return true;
  const annotation = objects.get(Number(num));
  const appearances = annotation instanceof Map ? objects.resolve(annotation.get("AP")) : undefined;
  if (!(appearances instanceof Map)) return true;
  const normal = appearances.get("N");
  const read: AppearanceRead = { streams: new Set(), count: 0 };
  if (isRef(normal)) return streamMayShowText(objects, normal.num, 0, read);
  // An appearance per state (a check box's on and off): each is a stream.
  const states = objects.resolve(normal);
  if (!(states instanceof Map)) return true;
  for (const state of states.values()) {
    if (!isRef(state) || streamMayShowText(objects, state.num, 0, read)) return true;
  }
  return false;
}

interface AppearanceRead {
  /** Streams with resources of their own read already, without text: a form drawn again is not read again. */
  streams: Set<number>;
  /** Streams read so far, against MAX_READS. */
  count: number;
}

/** Streams read for one annotation at most; beyond, it may show text. */
const MAX_READS = 1_000;

function streamMayShowText(objects: PdfObjects, num: number, depth: number, read: AppearanceRead): boolean {
  if (read.streams.has(num)) return false;
  if (++read.count > MAX_READS) return true;
  const dict = objects.get(num);
  const data = objects.streamData(num);
  if (!(dict instanceof Map) || !data) return true;
  const found = objects.resolve(dict.get("Resources"));
  const resources = found instanceof Map ? found : null;
  const lexer = new Lexer(data, 0);
  let last: PdfValue | undefined;
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (typeof token !== "object" || token === null || !("op" in token)) {
      last = token as PdfValue;
      continue;
    }
    if (SHOW_TEXT.has(token.op)) return true;
    if (token.op === "BI") lexer.skipInlineImageObject();
    else if (token.op === "Do" && isName(last) && formMayShowText(objects, resources, last.name, depth, read)) return true;
    last = undefined;
  }
  // Read to the end without text: with resources of its own, it reads the same wherever it is drawn.
  if (resources) read.streams.add(num);
  return false;
}

/** A drawn XObject: an image shows no text; a form is read in turn. */
function formMayShowText(objects: PdfObjects, resources: PdfDict | null, name: string, depth: number, read: AppearanceRead): boolean {
  const ref = lookupResource(objects, resources, "XObject", name);
  if (!isRef(ref)) return true;
  const xobject = objects.get(ref.num);
  if (!(xobject instanceof Map)) return true;
  if (isName(xobject.get("Subtype"), "Image")) return false;
  return depth >= MAX_FORM_DEPTH || streamMayShowText(objects, ref.num, depth + 1, read);
}
