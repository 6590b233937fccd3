import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";

/** Formats and OCR modes the parser accepts (kept in step with ParseOptionsSchema; no zod here, for start-up time). */
const FORMATS = ["auto", "pdf", "docx", "doc", "markdown", "text"] as const;
const OCR_MODES = ["auto", "always", "never"] as const;
/** Default per-document time limit, in seconds. */
const DEFAULT_TIMEOUT_SECONDS = 120;

export type CliFormat = (typeof FORMATS)[number];
export type CliOcrMode = (typeof OCR_MODES)[number];

/** Options of `vanban parse`, validated. */
export interface ParseCommand {
  inputs: string[];
  pretty: boolean;
  format: CliFormat | undefined;
  ocr: CliOcrMode | undefined;
  jsonl: boolean;
  outDir: string | null;
  resume: boolean;
  concurrency: number;
  timeoutMs: number;
  /** --timeout was given: even one document then runs on a worker, so the limit is enforced. */
  timeoutExplicit: boolean;
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
        concurrency: { type: "string", short: "j" },
        timeout: { type: "string" },
        quiet: { type: "boolean", short: "q", default: false },
        "fail-fast": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
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
    jsonl: v.jsonl ?? false,
    outDir: v.out ?? null,
    resume: v.resume ?? false,
    concurrency: availableParallelism(),
    timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
    timeoutExplicit: v.timeout !== undefined,
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
  if (v.concurrency !== undefined) {
    const n = Number(v.concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 256) return { ok: false, message: `--concurrency must be a whole number from 1 to 256 (got "${v.concurrency}")` };
    command.concurrency = n;
  }
  if (v.timeout !== undefined) {
    const s = Number(v.timeout);
    if (!Number.isFinite(s) || s <= 0) return { ok: false, message: `--timeout must be a positive number of seconds (got "${v.timeout}")` };
    command.timeoutMs = Math.round(s * 1000);
  }
  if (command.outDir === "") return { ok: false, message: "--out needs a directory" };
  if (command.resume && command.outDir === null) return { ok: false, message: "--resume needs --out DIR (it skips inputs whose output is already there)" };
  if (command.inputs.length === 0) return { ok: false, message: "parse needs a file, a directory, a glob or - (stdin)" };
  if (command.inputs.filter((i) => i === "-").length > 1) return { ok: false, message: "- (stdin) can be given once" };
  return { ok: true, command };
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
