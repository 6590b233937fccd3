import { readFileSync } from "node:fs";
import { parseParseArgs, type ParseCommand } from "./args.js";
import { collectInputs, type InputItem } from "./collect-inputs.js";
import { buildTask } from "./build-task.js";
import { createStdoutSink } from "./write-output.js";
import { mayParseInProcess } from "./may-parse-in-process.js";
import { runParseTask, type TaskResult } from "./parse-task.js";

const HELP = `vanban — Vietnamese administrative documents to JSON records

Usage:
  vanban parse <file> [options]     Parse a PDF, DOCX, DOC, Markdown or text file; print the record.
  vanban parse <file|dir|glob|->... Parse many: one JSON line per input (JSON Lines), in input order.
  vanban schema                     Print the JSON Schema of the record.
  vanban link <records.jsonl|dir> --out DIR  Link a corpus: who cites whom, plans vs. reports (docs/linking.md).
  vanban review <file|dir>          Check records on their pages in a local web page; correct them.
  vanban queue add|status|retry-failed|drain --redis URL   Queue documents for workers (docs/scale.md).
  vanban worker --redis URL (--out DIR | --pg URL)  Parse queued documents, on any machine.
  vanban --help | --version

Inputs:
  <file>                One document; prints one JSON object (use --jsonl for one line).
  <dir>                 Every .pdf .docx .doc .md .markdown .txt .text below it, sorted.
  '<glob>'              Quoted patterns with *, ?, ** and {a,b}: 'scans/**/*.pdf'.
  -                     Read the document from stdin (its name in the record is "-").

Options for parse:
  --pretty              Indent the JSON output (single record, or files under --out).
  --to <what>           json (default: the record), text (its normalized reading text) or
                        markdown (a Markdown rendering). Several inputs: text documents start
                        with "==> name <==", Markdown ones with "<!-- vanban: name -->".
  --fields <a,b,...>    Keep only these top-level record fields (schemaVersion and source are
                        always kept), e.g. --fields header,citations. Alias: --select.
  --format <f>          Force the input format: pdf, docx, doc, markdown, text.
  --password <pw>       Password of an encrypted PDF.
  --max-pages <n>       Read at most n pages of a PDF (warning pages_truncated).
  --max-bytes <size>    Refuse inputs larger than this (error too_large): 500k, 20M, 1G
                        or bytes (default 256M).
  --ocr <mode>          auto (default), always, never: OCR pages without a usable text layer.
  --ocr-lang <lang>     Tesseract language(s) for OCR: vie (default), vie+eng, ...
  --jsonl               JSON Lines even for one input.
  -o, --out <dir>       Write one <input path>.json (.txt, .md with --to) per input under <dir>,
                        mirroring the input tree (failures: <input path>.error.json).
  --resume              With --out: skip inputs whose output exists and is newer than the input,
                        and those that ran out of memory, crashed or timed out before.
  --apply-corrections <dir>  Apply <dir>/<input path>.corrections.json (written by vanban review)
                        to each record before it is written.
  --retry-failed        With --resume: parse those failed inputs again.
  -j, --concurrency <n> Documents parsed at once, on worker threads (default: CPU count).
  --split-pages <n>     One PDF with more than n pages to OCR is read in pieces by the -j
                        processes, then assembled (default 0: never; finding those pages
                        reads the first pages' text layer, ~0.3 s on a long born-digital PDF).
  --timeout <seconds>   Stop a document after this much CPU time (default 120): error "timeout".
  --max-memory <size>   Memory (V8 heap) of each document's process (default 1G); over it the
                        document fails with "out_of_memory" and the batch goes on.
  --fail-fast           Stop at the first input that fails.
  --progress            Show progress: a bar on a terminal, else a plain line every 10 s.
  --no-progress         No progress display (default: a bar only when stderr is a terminal).
  -q, --quiet           No progress, no summary, no per-file error messages on stderr.

In a batch a failed input never stops the others: its line is
  {"source":{"name":...},"error":{"code":...,"message":...}}

Exit codes:
  0    every input succeeded (or was skipped by --resume)
  1    at least one input failed
  2    usage error (bad option or value, unknown command, no input found)
  70   internal error in vanban itself (a bug: please report it)
  130  interrupted (Ctrl-C); a batch prints its summary first
Errors are printed on stderr as "vanban: <code>: <message>"; stdout only ever holds records.`;

const SCHEMA_HELP = `Usage: vanban schema

Prints the JSON Schema (draft 2020-12) of the record on stdout:
  vanban schema > vanban.schema.json`;

/** Runs the CLI; returns the exit code. Only records reach stdout. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (command === "schema") {
    if (rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(`${SCHEMA_HELP}\n`);
      return 0;
    }
    if (rest.length > 0) return usage(`schema takes no arguments (got ${rest.join(" ")})`);
    const { VanBanDocumentSchema } = await import("../schema/document.js");
    const { toJsonSchema } = await import("../schema/json-schema.js");
    process.stdout.write(`${JSON.stringify(toJsonSchema(VanBanDocumentSchema), null, 2)}\n`);
    return 0;
  }
  if (command === "link") return (await import("./link-command.js")).runLinkCommand(rest);
  if (command === "queue") return (await import("./queue-command.js")).runQueueCommand(rest);
  if (command === "worker") return (await import("./worker-command.js")).runWorkerCommand(rest, version());
  if (command === "review") return (await import("./review-command.js")).runReview(rest);
  if (command !== "parse") return usage(`unknown command "${command}"`);
  const parsed = parseParseArgs(rest);
  if (!parsed.ok) return usage(parsed.message);
  if (parsed.command.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  return runParse(parsed.command);
}

async function runParse(command: ParseCommand): Promise<number> {
  const collected = await collectInputs(command.inputs);
  if (collected.badGlob !== null) return usage(collected.badGlob);
  if (!command.quiet) for (const note of collected.notes) process.stderr.write(`vanban: ${note}\n`);
  if (collected.items.length === 0) return usage("no input files found");
  const batch = collected.batch || command.jsonl || command.outDir !== null;
  if (command.outDir !== null) {
    const clash = findOutputClash(collected.items);
    if (clash) return usage(`${clash[0]} and ${clash[1]} would both write ${clash[2]}.json under --out; pass their folder instead`);
  }
  if (!batch) return parseOne(command, collected.items[0]);
  const { runBatch } = await import("./run-batch.js");
  const result = await runBatch(command, collected.items);
  return result.exitCode;
}

/**
 * One input, one JSON object on stdout; the error on stderr. Parsed in a child process like a
 * batch, so a document that exhausts memory or crashes V8 is reported, not fatal; a small text
 * or Markdown input, which cannot do either, is parsed here and saves a second Node start
 * (see may-parse-in-process.ts).
 */
async function parseOne(command: ParseCommand, item: InputItem): Promise<number> {
  let bytes: Uint8Array | null = null;
  if (item.path === null) {
    const { readStdin } = await import("./read-stdin.js");
    bytes = await readStdin();
  }
  const task = buildTask(command, item, bytes, command.pretty);
  let result: TaskResult;
  if (await mayParseInProcess(command, item.path, bytes)) {
    result = await runParseTask(task);
  } else {
    const [{ createProcessRunner }, { parseSplit }] = await Promise.all([import("./runners.js"), import("./parse-split.js")]);
    // One long scan, several cores (--split-pages): its pages are OCR'd in pieces by the -j processes.
    const processes = command.splitPages > 0 ? command.concurrency : 1;
    const runner = createProcessRunner({ processes, timeoutMs: command.timeoutMs, memoryMb: command.maxMemoryMb });
    result = (command.splitPages > 0 ? await parseSplit(task, runner, processes, command.splitPages) : null) ?? (await runner.run(task));
    await runner.close();
  }
  if (result.ok) {
    const sink = createStdoutSink();
    if (await sink.write(result.output.endsWith("\n") ? result.output.slice(0, -1) : result.output)) return 0;
    if (sink.error !== null) process.stderr.write(`vanban: cannot write to stdout: ${sink.error.message}\n`);
    return 1;
  }
  process.stderr.write(`vanban: ${result.code}: ${result.message}\n`);
  return result.code === "invalid_options" ? 2 : 1;
}

/** Two inputs mapped to one output file (same relative path under different roots). */
function findOutputClash(items: readonly InputItem[]): [string, string, string] | null {
  const owner = new Map<string, string>();
  for (const item of items) {
    const other = owner.get(item.outRel);
    if (other !== undefined) return [other, item.name, item.outRel];
    owner.set(item.outRel, item.name);
  }
  return null;
}

function usage(message: string): number {
  process.stderr.write(`vanban: usage: ${message}\nRun "vanban --help" for usage.\n`);
  return 2;
}

function version(): string {
  try {
    const url = new URL("../package.json", import.meta.url);
    return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}
