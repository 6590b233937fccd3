import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { RECORD_FIELDS } from "./record-fields.js";

/** Formats and OCR modes the parser accepts (kept in step with ParseOptionsSchema; no zod here, for start-up time). */
const FORMATS = ["auto", "pdf", "docx", "doc", "markdown", "text"] as const;
const OCR_MODES = ["auto", "always", "never"] as const;
/** What `--to` writes: the record as JSON, its reading text, or a Markdown rendering. */
const OUTPUTS = ["json", "text", "markdown"] as const;
/** Tesseract language codes, as the OCR reader accepts them ("vie", "vie+eng"). */
const OCR_LANGUAGE = /^[a-z_]{3,10}(?:\+[a-z_]{3,10})*$/u;
/** Default per-document time limit, in seconds. */
const DEFAULT_TIMEOUT_SECONDS = 120;
/** Heap of one document's process (MiB): ten times the peak of the largest corpus documents, and two fit in 3 GB. */
const DEFAULT_MAX_MEMORY_MB = 1024;

export type CliFormat = (typeof FORMATS)[number];
export type CliOcrMode = (typeof OCR_MODES)[number];
export type CliOutput = (typeof OUTPUTS)[number];

/** Parse options passed through to `parse()` (undefined: the library default). */
export interface CliParseOptions {
  format: CliFormat | undefined;
  ocr: CliOcrMode | undefined;
  ocrLanguage: string | undefined;
  password: string | undefined;
  maxPages: number | undefined;
  maxBytes: number | undefined;
}

/** Options of `vanban parse`, validated. */
export interface ParseCommand extends CliParseOptions {
  inputs: string[];
  pretty: boolean;
  jsonl: boolean;
  /** --to: json (default), text or markdown. */
  to: CliOutput;
  /** --fields / --select: top-level record fields to keep; null keeps all. */
  fields: string[] | null;
  /** --progress / --no-progress; undefined: a bar when stderr is a terminal. */
  progress: boolean | undefined;
  outDir: string | null;
  resume: boolean;
  /** --apply-corrections: folder of <input>.corrections.json patches applied to each record; null: none. */
  correctionsDir: string | null;
  /** --retry-failed: with --resume, parse again inputs that have only a .error.json. */
  retryFailed: boolean;
  /** --max-memory: heap limit of each document's process, in MiB. */
  maxMemoryMb: number;
  concurrency: number;
  /** --split-pages: a PDF with more pages to OCR than this is read in pieces by the -j processes; 0: never. */
  splitPages: number;
  timeoutMs: number;
  /** --timeout was given: even one document then runs on a worker, so the limit is enforced. */
  timeoutExplicit: boolean;
  /** --max-memory was given: even a small text then runs in a child process, so the limit is enforced. */
  maxMemoryExplicit: boolean;
  quiet: boolean;
  failFast: boolean;
  help: boolean;
}

export type ParsedArgs = { ok: true; command: ParseCommand } | { ok: false; message: string };

/** Reads the arguments after `parse`; every problem is a usage error (exit 2). */
export function parseParseArgs(args: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        pretty: { type: "boolean", default: false },
        format: { type: "string" },
        ocr: { type: "string" },
        jsonl: { type: "boolean", default: false },
        out: { type: "string", short: "o" },
        resume: { type: "boolean", default: false },
        "apply-corrections": { type: "string" },
        "retry-failed": { type: "boolean", default: false },
        "max-memory": { type: "string" },
        concurrency: { type: "string", short: "j" },
        "split-pages": { type: "string" },
        timeout: { type: "string" },
        quiet: { type: "boolean", short: "q", default: false },
        "fail-fast": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        password: { type: "string" },
        "max-pages": { type: "string" },
        "max-bytes": { type: "string" },
        "ocr-lang": { type: "string" },
        progress: { type: "boolean" },
        fields: { type: "string" },
        select: { type: "string" },
        to: { type: "string" },
      },
      // --no-progress (and the --no- form of the other switches).
      allowNegative: true,
    });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const v = parsed.values;
  const command: ParseCommand = {
    inputs: parsed.positionals,
    pretty: v.pretty ?? false,
    format: undefined,
    ocr: undefined,
    ocrLanguage: undefined,
    password: v.password,
    maxPages: undefined,
    maxBytes: undefined,
    jsonl: v.jsonl ?? false,
    to: "json",
    fields: null,
    progress: v.progress,
    outDir: v.out ?? null,
    resume: v.resume ?? false,
    correctionsDir: v["apply-corrections"] ?? null,
    retryFailed: v["retry-failed"] ?? false,
    maxMemoryMb: DEFAULT_MAX_MEMORY_MB,
    concurrency: availableParallelism(),
    splitPages: 0,
    timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
    timeoutExplicit: v.timeout !== undefined,
    maxMemoryExplicit: v["max-memory"] !== undefined,
    quiet: v.quiet ?? false,
    failFast: v["fail-fast"] ?? false,
    help: v.help ?? false,
  };
  if (command.help) return { ok: true, command };
  if (v.format !== undefined) {
    if (!isOneOf(FORMATS, v.format)) return { ok: false, message: `--format must be one of ${FORMATS.join(", ")} (got "${v.format}")` };
    command.format = v.format;
  }
  if (v.ocr !== undefined) {
    if (!isOneOf(OCR_MODES, v.ocr)) return { ok: false, message: `--ocr must be one of ${OCR_MODES.join(", ")} (got "${v.ocr}")` };
    command.ocr = v.ocr;
  }
  if (v["ocr-lang"] !== undefined) {
    if (!OCR_LANGUAGE.test(v["ocr-lang"])) return { ok: false, message: `--ocr-lang must be a Tesseract language code such as vie or vie+eng (got "${v["ocr-lang"]}")` };
    command.ocrLanguage = v["ocr-lang"];
  }
  if (v["max-pages"] !== undefined) {
    const n = Number(v["max-pages"]);
    if (!Number.isInteger(n) || n < 1) return { ok: false, message: `--max-pages must be a whole number from 1 (got "${v["max-pages"]}")` };
    command.maxPages = n;
  }
  if (v["max-bytes"] !== undefined) {
    const n = parseByteSize(v["max-bytes"]);
    if (n === null) return { ok: false, message: `--max-bytes must be a size in bytes, such as 5000000, 500k, 20M or 1G (got "${v["max-bytes"]}")` };
    command.maxBytes = n;
  }
  if (v["max-memory"] !== undefined) {
    const n = parseByteSize(v["max-memory"]);
    if (n === null || n < 64 * 2 ** 20) return { ok: false, message: `--max-memory must be a size of at least 64M, such as 512M or 2G (got "${v["max-memory"]}")` };
    command.maxMemoryMb = Math.floor(n / 2 ** 20);
  }
  if (v.to !== undefined) {
    if (!isOneOf(OUTPUTS, v.to)) return { ok: false, message: `--to must be one of ${OUTPUTS.join(", ")} (got "${v.to}")` };
    command.to = v.to;
  }
  if (v.fields !== undefined && v.select !== undefined) return { ok: false, message: "--fields and --select are the same option: give one" };
  const fieldList = v.fields ?? v.select;
  if (fieldList !== undefined) {
    const flag = v.fields !== undefined ? "--fields" : "--select";
    const fields = fieldList.split(",").map((f) => f.trim()).filter((f) => f !== "");
    const unknown = fields.filter((f) => !(RECORD_FIELDS as readonly string[]).includes(f));
    if (fields.length === 0) return { ok: false, message: `${flag} needs field names: ${RECORD_FIELDS.join(", ")}` };
    if (unknown.length > 0) return { ok: false, message: `${flag}: unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((f) => `"${f}"`).join(", ")}; valid fields: ${RECORD_FIELDS.join(", ")}` };
    if (command.to !== "json") return { ok: false, message: `${flag} selects fields of the JSON record; it cannot be used with --to ${command.to}` };
    command.fields = fields;
  }
  if (command.quiet && command.progress === true) return { ok: false, message: "--quiet and --progress contradict each other: give one" };
  if (command.password === "") return { ok: false, message: "--password needs a value" };
  if (v.concurrency !== undefined) {
    const n = Number(v.concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 256) return { ok: false, message: `--concurrency must be a whole number from 1 to 256 (got "${v.concurrency}")` };
    command.concurrency = n;
  }
  if (v["split-pages"] !== undefined) {
    const n = Number(v["split-pages"]);
    if (!Number.isInteger(n) || n < 0) return { ok: false, message: `--split-pages must be a whole number from 0 (got "${v["split-pages"]}")` };
    command.splitPages = n;
  }
  if (v.timeout !== undefined) {
    const s = Number(v.timeout);
    if (!Number.isFinite(s) || s <= 0) return { ok: false, message: `--timeout must be a positive number of seconds (got "${v.timeout}")` };
    command.timeoutMs = Math.round(s * 1000);
  }
  if (command.outDir === "") return { ok: false, message: "--out needs a directory" };
  if (command.correctionsDir === "") return { ok: false, message: "--apply-corrections needs a directory" };
  if (command.retryFailed && !command.resume) return { ok: false, message: "--retry-failed goes with --resume (it parses again the inputs that failed before)" };
  if (command.resume && command.outDir === null) return { ok: false, message: "--resume needs --out DIR (it skips inputs whose output is already there)" };
  if (command.inputs.length === 0) return { ok: false, message: "parse needs a file, a directory, a glob or - (stdin)" };
  if (command.inputs.filter((i) => i === "-").length > 1) return { ok: false, message: "- (stdin) can be given once" };
  return { ok: true, command };
}

/** "5000000", "500k", "20M", "1G" (binary multiples, any case, an optional "B"/"iB") → bytes; null when not a positive size. */
export function parseByteSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/iu.exec(text.trim());
  if (!m) return null;
  const scale = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as "" | "k" | "m" | "g"];
  const bytes = Math.floor(Number(m[1]) * scale);
  return Number.isSafeInteger(bytes) && bytes >= 1 ? bytes : null;
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
