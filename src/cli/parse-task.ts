import { isVanbanError } from "../errors.js";
import type { VanBanDocument } from "../schema/document.js";
import type { PageOcr } from "../schema/page-ocr.js";
import type { CliOutput, CliParseOptions } from "./args.js";
import { nameCliFlags } from "./name-cli-flags.js";

/** One document for a worker (or the main thread): a path to read, or bytes already read (stdin). */
export interface ParseTask {
  name: string;
  path: string | null;
  bytes: Uint8Array | null;
  options: CliParseOptions;
  /** What to write: the record as JSON, its reading text, or Markdown. */
  to: CliOutput;
  /** Top-level record fields to keep (JSON only); null keeps all. */
  fields: string[] | null;
  pretty: boolean;
  /** A corrections file (JSON Patch) to apply to the record when it exists; null or absent: none. */
  correctionsPath?: string | null;
  /**
   * A step of one long scan read in pieces (parse-split.ts): `plan` answers with the pages worth
   * OCR'ing apart (JSON, or `null`), `ocr` with the readings of `pages` (JSON); absent: parse.
   */
  step?: { kind: "plan"; threshold: number } | { kind: "ocr"; pages: number[] };
  /** Readings of pages OCR'd by earlier steps, for the parse. */
  pageOcr?: PageOcr[];
}

/** What comes back: the output already rendered (so only a string crosses threads), or the error. */
export type TaskResult =
  | { ok: true; output: string; pages: number | null }
  | { ok: false; code: string; message: string };

/** Error code for a failure that is not a VanbanError: a bug, reported in the input's place. */
export const INTERNAL_ERROR = "internal";

/** Parses one document; never throws (the error becomes the result). */
export async function runParseTask(task: ParseTask, markStarted?: () => void): Promise<TaskResult> {
  try {
    const { parse } = await import("../parse.js");
    // The time limit counts parsing only, not loading the parser.
    markStarted?.();
    const input = task.bytes ?? task.path;
    if (input === null) return { ok: false, code: "read_failed", message: "No input to read." };
    if (task.step) return await runStep(input, task, task.step);
    const parsed = await parse(input, { name: task.name, ...task.options, ...(task.pageOcr ? { pageOcr: task.pageOcr } : {}) });
    const record = task.correctionsPath ? await correctRecord(parsed, task.correctionsPath) : parsed;
    return { ok: true, output: await renderOutput(record, task), pages: record.source.pages ?? null };
  } catch (error) {
    return errorResult(error);
  }
}

/** A step of a scan read in pieces: its answer as JSON, so only a string crosses processes. */
async function runStep(input: Uint8Array | string, task: ParseTask, step: NonNullable<ParseTask["step"]>): Promise<TaskResult> {
  const { planOcrPages, ocrPdfPages } = await import("../ocr-pdf-pages.js");
  if (step.kind === "plan") {
    const plan = await planOcrPages(input, task.options, step.threshold);
    return { ok: true, output: JSON.stringify(plan), pages: plan?.pages ?? null };
  }
  const read = await ocrPdfPages(input, step.pages, task.options);
  return { ok: true, output: JSON.stringify(read.pages), pages: null };
}

/** The record with the patch of --apply-corrections applied, when there is one for it. */
async function correctRecord(record: VanBanDocument, path: string): Promise<VanBanDocument> {
  const { readCorrections } = await import("../review/corrections-file.js");
  const corrections = await readCorrections(path);
  if (corrections.length === 0) return record;
  const { applyCorrections } = await import("../apply-corrections.js");
  return applyCorrections(record, corrections);
}

/** The record as the user asked for it; the renderers load only when used. */
async function renderOutput(record: VanBanDocument, task: ParseTask): Promise<string> {
  if (task.to === "text") return record.text;
  if (task.to === "markdown") {
    const { renderMarkdown } = await import("../render/index.js");
    return renderMarkdown(record);
  }
  if (task.fields === null) return JSON.stringify(record, null, task.pretty ? 2 : undefined);
  const { selectFields } = await import("./select-fields.js");
  return JSON.stringify(selectFields(record, task.fields), null, task.pretty ? 2 : undefined);
}

/** A thrown value as a result: VanbanError keeps its code (its message names CLI flags); anything else is an internal error. */
export function errorResult(error: unknown): TaskResult & { ok: false } {
  if (isVanbanError(error)) return { ok: false, code: error.code, message: nameCliFlags(error.message) };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: INTERNAL_ERROR, message: `Unexpected error: ${message}` };
}
