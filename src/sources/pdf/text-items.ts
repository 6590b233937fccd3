import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { callPdfJs, PdfJsError } from "./call-pdfjs.js";
import { describeFont, type FontCatalog } from "./fonts.js";
import type { PdfJs } from "./load-pdf.js";
import { multiply, overlayStamps, readStampRuns, type StampOps } from "./stamps.js";
import type { PdfPage, PdfRun } from "./types.js";
import { NOT_DRAWN_FLAGS } from "../pdf-file/index.js";

type Matrix = [number, number, number, number, number, number];
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** What the file's own objects tell of a page's annotations, where pdf.js would need an operator list. */
export interface PageStamps {
  /**
   * The ids of the annotations pdf.js draws on the page (`drawnAnnotationIds`), read from the
   * file; null when the file's annotations are not all of the kinds read there.
   */
  drawnIds(pageRef: { num: number; gen: number }): string[] | null;
  /** Whether an annotation's appearance (by pdf.js's id) may show text. */
  mayShowText(annotationId: string): boolean;
  /** The text operations the page's annotations draw, as an operator list holds them; null when unknown. */
  scan(pageRef: { num: number; gen: number }, drawnIds: readonly string[]): StampOps | null;
}

/** Annotations whose appearance may print text on the page (signature stamps, free text). */
const STAMP_SUBTYPES = new Set(["Widget", "FreeText", "Stamp"]);
/** Below this share of the font size, a skew or rotation is noise and the text is horizontal. */
const SKEW_TOLERANCE = 0.05;

/**
 * Reads a page's text as positioned runs: one getTextContent call, plus the operator list only
 * when the page brings fonts the file's font objects do not name (bold/italic/legacy encoding
 * come from font names: `FontCatalog`), or carries annotation appearances that may show text
 * (stamped số and ngày; `stamps.mayShowText` says which, by pdf.js's annotation id) which
 * `stamps.scan` cannot read from the file. Which annotations pdf.js draws comes from the file
 * (`stamps.drawnIds`), else from pdf.js's annotations. Throws `PdfJsError` when pdfjs cannot
 * read the page's text; what pdfjs cannot read of the rest (annotations, the operator list) is
 * said in `problems`, and the page is read without it.
 */
export async function readPageRuns(
  pdfjs: PdfJs,
  page: PDFPageProxy,
  pageNumber: number,
  fonts: FontCatalog,
  problems: string[],
  stamps: PageStamps = { drawnIds: () => null, mayShowText: () => true, scan: () => null },
): Promise<PdfPage> {
  const viewport = await callPdfJs("page geometry", () => page.getViewport({ scale: 1 }));
  const vt = viewport.transform as Matrix;
  const content = await callPdfJs("text content", () => page.getTextContent());
  const items: TextItem[] = [];
  const fontNames = new Set<string>();
  for (const item of content.items) {
    if (!("str" in item) || item.str === "") continue;
    items.push(item);
    fontNames.add(item.fontName);
  }
  // The stamps pdf.js draws, from the file when it names some (signature fields: no pdf.js call),
  // else from pdf.js's annotations, whose signature fields parse the whole signature (a PKCS #7 of
  // 8-30 KB in hex) to drop it: several milliseconds a signed page. A page the file says draws
  // nothing is still asked (cheap without signatures): an update of the file this reader would
  // have missed must not lose a stamp.
  const known = page.ref ? stamps.drawnIds(page.ref) : null;
  const stampIds = known !== null && known.length > 0 ? { drawn: known, stamps: known } : await stampLikeIds(page, problems);
  fonts.followPage(page.ref?.num ?? null);
  // The stamps' text read from the file, named by their real font names; else from an operator
  // list, unless every stamp is drawn as an image alone (it stamps no text).
  const scanned = stampIds.stamps.length > 0 && page.ref ? stamps.scan(page.ref, stampIds.drawn) : null;
  let stampRuns: PdfRun[] = scanned ? readStampRuns(pdfjs, scanned, vt, describeFont) : [];
  const stampsFromPdfJs = scanned === null && stampIds.stamps.some((id) => stamps.mayShowText(id));
  if (stampsFromPdfJs || (fonts.lacksAny(fontNames) && !fonts.learnFromFile(fontNames))) {
    const annotationMode = stampsFromPdfJs ? pdfjs.AnnotationMode.ENABLE : pdfjs.AnnotationMode.DISABLE;
    const what = "operator list (font names for bold and italic, stamped text may be missing)";
    const ops = await partly(problems, what, () => page.getOperatorList({ annotationMode }), null);
    fonts.learn(page, fontNames);
    if (ops && stampsFromPdfJs) {
      stampRuns = readStampRuns(pdfjs, ops, vt, (name) => {
        fonts.learn(page, [name]);
        return fonts.get(name);
      });
    }
  }
  const runs: PdfRun[] = [];
  for (const item of items) {
    const m = multiply(vt, item.transform as Matrix);
    // A skew (m[2]) is an oblique font, still on a horizontal baseline; only m[1] turns it.
    const rotated = !(m[0] > 0 && Math.abs(m[1]) < Math.abs(m[0]) * SKEW_TOLERANCE);
    const size = rotated ? Math.hypot(m[2], m[3]) : Math.abs(m[3]);
    if (!(size > 0)) continue;
    const info = fonts.get(item.fontName);
    runs.push({
      text: item.str,
      x: m[4],
      y: m[5],
      width: item.width * (Math.hypot(vt[0], vt[1]) || 1),
      size,
      font: item.fontName,
      bold: info.bold,
      italic: info.italic,
      space: item.str.trim() === "",
      rotated: rotated || undefined,
    });
  }
  return { page: pageNumber, width: viewport.width, height: viewport.height, runs: overlayStamps(runs, stampRuns) };
}

/**
 * From pdf.js's annotations: the ids of those it draws (`drawn`), and of those whose appearance
 * may stamp text (`stamps`: signature widgets, free text, stamps with an appearance). What pdfjs
 * cannot read of them is said in `problems`, and the page is read without stamps.
 */
async function stampLikeIds(page: PDFPageProxy, problems: string[]): Promise<{ drawn: string[]; stamps: string[] }> {
  const annotations = await partly(problems, "annotations (stamped text may be missing)", () => page.getAnnotations(), []);
  const stampLike = annotations.filter((a: { subtype?: string; hasAppearance?: boolean }) => STAMP_SUBTYPES.has(a.subtype ?? "") && a.hasAppearance);
  return { drawn: drawnAnnotationIds(annotations), stamps: stampLike.map((a: { id?: string }) => a.id ?? "") };
}

/** The ids of the annotations pdf.js draws on the page: those with an appearance, not hidden. */
export function drawnAnnotationIds(annotations: Array<{ id?: string; hasAppearance?: boolean; annotationFlags?: number }>): string[] {
  return annotations.filter((a) => a.hasAppearance && !((a.annotationFlags ?? 0) & NOT_DRAWN_FLAGS)).map((a) => a.id ?? "");
}

/** A pdfjs call whose failure loses only part of the page: noted in `problems`, `fallback` used. */
async function partly<T, F>(problems: string[], what: string, call: () => Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await callPdfJs(what, call);
  } catch (error) {
    if (!(error instanceof PdfJsError)) throw error;
    problems.push(error.message);
    return fallback;
  }
}
