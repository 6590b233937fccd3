import type { MessagePort } from "node:worker_threads";
import { isVanbanError } from "../errors.js";
import type { PageOcr } from "../schema/page-ocr.js";
import type { JobParseOptions } from "./job-payload.js";

/** One document for a parse thread: its bytes (transferred, not copied) and how to read them. */
export interface ThreadTask {
  name: string;
  bytes: Uint8Array;
  options: JobParseOptions;
  /**
   * What to do: parse the document (default); `plan`: parse it unless it is a PDF with more than
   * `splitPages` pages to OCR, which come back instead; `ocr`: OCR the page `page` only.
   */
  action?: { kind: "parse"; pageOcr?: PageOcr[] } | { kind: "plan"; splitPages: number } | { kind: "ocr"; page: number };
  /** Told "start" once the parser is loaded, so the time limit counts parsing only. */
  startPort?: MessagePort;
}

/** The columns indexed in the store, read from the record here so only strings cross threads. */
export interface RecordColumns {
  type: string | null;
  issuer: string | null;
  number: string | null;
  symbol: string | null;
  date: string | null;
}

export type ThreadResult =
  | { ok: true; json: string; columns: RecordColumns; pages: number | null }
  | { ok: true; split: { pages: number; ocrPages: number[] } }
  | { ok: true; page: PageOcr }
  | { ok: false; code: string; message: string };


/** Piscina worker (dist/queue-thread.js): parses one document, or plans or OCRs its pages; never throws. */
export default async function parseInThread(task: ThreadTask): Promise<ThreadResult> {
  try {
    const [{ parse }, { planOcrPages, ocrPdfPages }] = await Promise.all([import("../parse.js"), import("../ocr-pdf-pages.js")]);
    task.startPort?.postMessage("start");
    task.startPort?.close();
    const action = task.action ?? { kind: "parse" };
    if (action.kind === "ocr") return await ocrOnePage(ocrPdfPages, task, action.page);
    if (action.kind === "plan") {
      const plan = await planOcrPages(task.bytes, task.options, action.splitPages);
      if (plan) return { ok: true, split: plan };
    }
    const pageOcr = action.kind === "parse" ? action.pageOcr : undefined;
    const record = await parse(task.bytes, { name: task.name, ...task.options, ...(pageOcr ? { pageOcr } : {}) });
    const columns: RecordColumns = {
      type: record.type.code ?? record.type.name,
      issuer: record.header.issuer.name,
      number: record.header.number,
      symbol: record.header.symbol,
      date: record.header.date,
    };
    return { ok: true, json: JSON.stringify(record), columns, pages: record.source.pages ?? null };
  } catch (error) {
    if (isVanbanError(error)) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: "internal", message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * One page job. No reading of the page: `ocr_unavailable` (retried: another worker may have the
 * OCR packages) or `ocr_failed` (the page is not in the document: final).
 */
async function ocrOnePage(ocrPdfPages: typeof import("../ocr-pdf-pages.js").ocrPdfPages, task: ThreadTask, page: number): Promise<ThreadResult> {
  const result = await ocrPdfPages(task.bytes, [page], { ocrLanguage: task.options.ocrLanguage });
  const read = result.pages.find((p) => p.page === page);
  if (read) return { ok: true, page: read };
  const why = result.warnings.map((w) => w.message).join("; ") || "no reading came back";
  const unavailable = result.warnings.some((w) => w.code === "ocr_unavailable");
  return { ok: false, code: unavailable ? "ocr_unavailable" : "ocr_failed", message: `page ${page}: ${why}` };
}
