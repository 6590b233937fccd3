import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { SourceDocument } from "../../blocks/index.js";
import { VanbanError } from "../../errors.js";
import type { ResolvedParseOptions } from "../../schema/options.js";
import type { Warning } from "../../schema/span.js";
import type { SourceLine } from "../../blocks/index.js";
import { assembleBlocks, type PageFlow } from "./assemble-blocks.js";
import { buildLines } from "./build-lines.js";
import { callPdfJs, PdfJsError } from "./call-pdfjs.js";
import { containRejections } from "./contain-rejections.js";
import { withSyncInflate } from "./sync-inflate.js";
import { splitZone } from "./columns.js";
import { FontCatalog } from "./fonts.js";
import { FontNumbering } from "./font-numbering.js";
import { appearanceMayShowText, listDrawnIds, PdfObjects } from "../pdf-file/index.js";
import { markReferences, readFootnotes } from "./footnotes.js";
import { markFurniture } from "./furniture.js";
import { openPdf, type PdfJs } from "./load-pdf.js";
import { recognizePages } from "./ocr-pages.js";
import { measureDocument, measureTextBox, type DocumentMetrics } from "./page-layout.js";
import { assessPage, type PageHealth } from "./page-health.js";
import { readPdfTables, type Rule } from "./tables/index.js";
import { PageDrawings } from "./tables/page-drawings.js";
import { scanStamps } from "./scan-stamps.js";
import { readPageRuns, type PageStamps } from "./text-items.js";
import type { PdfLine, PdfPage } from "./types.js";

interface PageRead {
  page: PdfPage;
  health: PageHealth | "unreadable";
  lines: PdfLine[];
  /** Straight lines the page draws (table borders), when its text looked like a table. */
  rules: Rule[];
  /** What pdfjs could not read of the page: why it is unreadable, or what is missing from it. */
  problems: string[];
}

/** pdf.js at work: its stray rejections contained, its Flate streams inflated in this thread. */
function inPdfJs<T>(work: () => Promise<T>): Promise<{ value: T; rejections: string[] }> {
  return containRejections(() => withSyncInflate(work));
}

/**
 * Reads a PDF into blocks: text runs by position, lines, two-column header and closing zones,
 * footnotes, furniture; pages without a usable text layer are reported and, when allowed,
 * sent to OCR. Throws `VanbanError` only when the file cannot be opened at all.
 */
export async function readPdf(data: Uint8Array, options: ResolvedParseOptions): Promise<SourceDocument> {
  const warnings: Warning[] = [];
  const { value, rejections } = await inPdfJs(() => readPages(data, options, warnings));
  const { reads, total } = value;
  const openProblems = [...value.openProblems, ...rejections.map((r) => `pdf.js: ${r}`)];
  const unreadable = pagesWith(reads, "unreadable");
  if (unreadable.length === reads.length) {
    throw new VanbanError("corrupt", "The PDF is damaged: none of its pages could be read.");
  }
  if (unreadable.length > 0) {
    const why = reads.filter((r) => r.health === "unreadable").map((r) => `page ${r.page.page}: ${r.problems.join("; ")}`);
    warnings.push({ code: "pages_unreadable", message: `Pages that could not be read: ${unreadable.join(", ")} (${why.join("; ")}).`, pages: unreadable });
  }
  const partly = reads.filter((r) => r.health !== "unreadable" && r.problems.length > 0);
  if (partly.length > 0 || openProblems.length > 0) {
    const what = [...openProblems, ...partly.map((r) => `page ${r.page.page}: ${r.problems.join("; ")}`)];
    warnings.push({
      code: "pages_partly_unreadable",
      message: `Parts of the PDF could not be read by pdfjs: ${what.join("; ")}.`,
      ...(partly.length > 0 ? { pages: partly.map((r) => r.page.page) } : {}),
    });
  }
  reportHealth(reads, warnings);

  const { flows, metrics } = layOut(reads);
  // OCR opens the file with pdf.js again (to render pages): its stray rejections are contained too.
  const rendered = await inPdfJs(() => runOcr(data, reads, options, warnings));
  const ocr = rendered.value;
  if (rendered.rejections.length > 0) {
    warnings.push({ code: "pages_partly_unreadable", message: `Parts of the PDF could not be read by pdfjs while rendering pages for OCR: ${rendered.rejections.join("; ")}.` });
  }
  if (ocr) {
    for (const flow of flows) {
      const lines = ocr.pages.get(flow.page);
      if (lines) flow.ocrLines = lines;
    }
  }
  return {
    format: "pdf",
    blocks: assembleBlocks(flows, metrics),
    pages: total,
    warnings,
    ocr: ocr ? { pages: [...ocr.pages.keys()], meanConfidence: ocr.meanConfidence, engine: ocr.engine } : null,
  };
}

/** Pages read at most, whatever the file declares: far beyond any administrative document. */
const MAX_PAGES = 10_000;

/** Opens the file and reads its pages' text (at most maxPages, and MAX_PAGES). */
async function readPages(data: Uint8Array, options: ResolvedParseOptions, warnings: Warning[]): Promise<{ reads: PageRead[]; total: number; openProblems: string[] }> {
  const { pdfjs, doc, problems: openProblems } = await openPdf(data, options.password);
  const reads: PageRead[] = [];
  const total = doc.numPages;
  try {
    const asked = options.maxPages ? Math.min(total, options.maxPages) : total;
    if (asked < total) {
      warnings.push({ code: "pages_truncated", message: `Read the first ${asked} of ${total} pages (maxPages).` });
    }
    // A page count is what the file declares: a damaged /Count must not set the loop's length.
    const count = Math.min(asked, MAX_PAGES);
    if (count < asked) {
      warnings.push({ code: "limit_reached", message: `The PDF declares ${total} pages; only the first ${MAX_PAGES} were read (the reader's limit).` });
    }
    // The file's own objects, indexed on first use (tables, font names); a scan never asks.
    let objects: PdfObjects | null = null;
    const fileObjects = (): PdfObjects => (objects ??= new PdfObjects(data));
    const fonts = new FontCatalog(new FontNumbering(fileObjects));
    const drawings = new PageDrawings(fileObjects);
    const stamps: PageStamps = {
      drawnIds: (ref) => listDrawnIds(fileObjects(), ref.num),
      mayShowText: (id) => appearanceMayShowText(fileObjects(), id),
      scan: (ref, drawnIds) => scanStamps(pdfjs, fileObjects(), ref, drawnIds),
    };
    for (let n = 1; n <= count; n++) {
      // pdf.js now works in microtasks alone (its inflating no longer waits on the thread pool):
      // each page gives the event loop a turn, for the caller's timers, I/O and abort signal.
      await new Promise<void>((resolve) => setImmediate(resolve));
      // parse() has already rejected with `aborted`/`timeout`; stop spending time on the pages.
      if (options.signal?.aborted) break;
      reads.push(await readPage(pdfjs, doc, n, fonts, drawings, stamps));
    }
  } finally {
    // Releasing pdfjs's memory; a failure there loses nothing that was read.
    await doc.destroy().catch(() => undefined);
  }
  return { reads, total, openProblems };
}

/**
 * Reads one page. Only pdfjs failing on the page's content makes it unreadable: a bug in our
 * own code throws.
 */
async function readPage(
  pdfjs: PdfJs,
  doc: PDFDocumentProxy,
  n: number,
  fonts: FontCatalog,
  drawings: PageDrawings,
  stamps: PageStamps,
): Promise<PageRead> {
  const problems: string[] = [];
  let page: PdfPage;
  let proxy: PDFPageProxy;
  try {
    proxy = await callPdfJs("page", () => doc.getPage(n));
    page = await readPageRuns(pdfjs, proxy, n, fonts, problems, stamps);
  } catch (error) {
    if (!(error instanceof PdfJsError)) throw error;
    // pdf.js may have loaded (and numbered) some of the page's fonts before it failed.
    fonts.stopFollowing();
    return { page: { page: n, width: 0, height: 0, runs: [] }, health: "unreadable", lines: [], rules: [], problems: [error.message] };
  }
  problems.push(...fonts.takeProblems());
  const { health } = assessPage(page, (name) => fonts.get(name));
  const lines = buildLines(page);
  const rules = await drawings.readRules(pdfjs, proxy, lines, problems);
  const read: PageRead = { page, health, lines, rules, problems };
  proxy.cleanup();
  return read;
}

/** Furniture, the two-column zones, footnotes: page lines in reading order, with their roles. */
function layOut(reads: PageRead[]): { flows: PageFlow[]; metrics: DocumentMetrics } {
  const metrics = measureDocument(reads.map((r) => r.lines));
  const pitch = metrics.bodySize * metrics.lineSpacing;
  markFurniture(reads.map((r) => ({ lines: r.lines, height: r.page.height })));
  const boxes = reads.map((r) => measureTextBox(r.lines, r.page.width));
  const firstText = reads.findIndex((r) => r.lines.some((l) => !l.role));
  if (firstText === 0) reads[0].lines = splitZone(reads[0].lines, "header", boxes[0], pitch);
  reads.forEach((r, i) => {
    r.lines = splitZone(r.lines, "closing", boxes[i], pitch);
  });
  // Tables after the zones (their lines are never cells), before footnotes (a table's small rows are no notes).
  const tablePages = reads.map((r) => ({ page: r.page.page, lines: r.lines, rules: r.rules, garbled: r.health === "garbled" }));
  readPdfTables(tablePages);
  tablePages.forEach((t, i) => {
    reads[i].lines = t.lines;
  });
  const footnotes = readFootnotes(
    reads.map((r) => r.lines),
    metrics.bodySize,
    metrics.lineSpacing,
  );
  const labels = new Set<string>();
  for (const list of footnotes.values()) for (const note of list) if (note.label) labels.add(note.label);
  for (const r of reads) markReferences(r.lines, labels);
  const flows = reads.map((r, i) => ({ page: r.page.page, lines: r.lines, box: boxes[i], footnotes: footnotes.get(r.page.page) ?? [] }));
  return { flows, metrics };
}

function pagesWith(reads: PageRead[], health: PageRead["health"]): number[] {
  return reads.filter((r) => r.health === health).map((r) => r.page.page);
}

function reportHealth(reads: PageRead[], warnings: Warning[]): void {
  const empty = pagesWith(reads, "empty");
  if (empty.length > 0) {
    warnings.push({ code: "no_text_layer", message: `Pages without a text layer (scanned?): ${empty.join(", ")}.`, pages: empty });
  }
  const converted = pagesWith(reads, "converted");
  if (converted.length > 0) {
    warnings.push({
      code: "legacy_encoding_converted",
      message: `Text set in legacy Vietnamese fonts (VNI/TCVN3) converted to Unicode on pages ${converted.join(", ")}.`,
      pages: converted,
    });
  }
  const repaired = pagesWith(reads, "repaired");
  if (repaired.length > 0) {
    warnings.push({
      code: "legacy_encoding_converted",
      message: `Text layer with shifted character codes repaired on pages ${repaired.join(", ")}; check the text.`,
      pages: repaired,
    });
  }
  const garbled = pagesWith(reads, "garbled");
  if (garbled.length > 0) {
    warnings.push({ code: "garbled_text_layer", message: `The text layer is not readable Vietnamese on pages ${garbled.join(", ")}.`, pages: garbled });
  }
}

async function runOcr(
  data: Uint8Array,
  reads: PageRead[],
  options: ResolvedParseOptions,
  warnings: Warning[],
): Promise<{ engine: string; pages: Map<number, SourceLine[]>; meanConfidence: number | null } | null> {
  if (options.ocr === "never") return null;
  const pages = selectOcrPages(reads, options.ocr);
  if (pages.length === 0) return null;
  const result = await recognizePages(data, pages, { language: options.ocrLanguage, password: options.password, given: options.pageOcr });
  if ("unavailable" in result) {
    warnings.push({ code: "ocr_unavailable", message: result.unavailable, pages });
    return null;
  }
  warnings.push(...result.warnings);
  const known = result.confidences.filter((c): c is number => c !== null);
  const meanConfidence = known.length > 0 ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10 : null;
  return { engine: result.engine, pages: result.pages, meanConfidence };
}

/** The pages OCR reads: every readable one (`always`), or those without a usable text layer. */
function selectOcrPages(reads: PageRead[], ocr: ResolvedParseOptions["ocr"]): number[] {
  if (ocr === "never") return [];
  const wanted = ocr === "always" ? (r: PageRead) => r.health !== "unreadable" : (r: PageRead) => r.health === "empty" || r.health === "garbled";
  return reads.filter(wanted).map((r) => r.page.page);
}

/**
 * The pages `readPdf` would send to OCR with these options, and the page count, from the text
 * layer alone (no OCR): to split a long scan into per-page OCR jobs before reading it.
 */
export async function findOcrPages(data: Uint8Array, options: ResolvedParseOptions): Promise<{ pages: number; ocrPages: number[] }> {
  const { value } = await inPdfJs(() => readPages(data, options, []));
  return { pages: value.total, ocrPages: selectOcrPages(value.reads, options.ocr) };
}

/** The page count the PDF declares, from opening it (no page is read: far cheaper than `findOcrPages`). */
export async function countPdfPages(data: Uint8Array, options: ResolvedParseOptions): Promise<number> {
  const { value } = await inPdfJs(async () => {
    const { doc } = await openPdf(data, options.password);
    const total = doc.numPages;
    // Releasing pdfjs's memory; a failure there loses nothing that was read.
    await doc.destroy().catch(() => undefined);
    return total;
  });
  return value;
}
