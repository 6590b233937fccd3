import type { CliOutput, ParseCommand } from "./args.js";
import { buildTask } from "./build-task.js";
import type { InputItem } from "./collect-inputs.js";
import { frameDocument, frameError } from "./frame-document.js";
import { orderLargestFirst } from "./order-largest-first.js";
import { errorResult, type TaskResult } from "./parse-task.js";
import { chooseProgressMode, startProgress } from "./progress.js";
import { readStdin } from "./read-stdin.js";
import { estimateResultBytes, reorderBufferBytes, runOrdered, runUnordered } from "./run-ordered.js";
import { createProcessRunner } from "./runners.js";
import { countFailure, createStats, formatSummary } from "./summary.js";
import { createStdoutSink, isUpToDate, readPriorFailure, writeOutputFile, type OutputExtension } from "./write-output.js";
import { createTripwire } from "../util/tripwire.js";

/** `failedBefore`: --resume found this input's .error.json from a run it killed; not parsed again without --retry-failed. */
type Outcome = TaskResult | { ok: "skipped" } | { ok: "interrupted" } | { ok: "failedBefore"; code: string; message: string };

export interface BatchRun {
  exitCode: number;
}

/** Failures that cost a whole process or its time limit: --resume does not run them again unless --retry-failed. */
const KILLER_CODES = new Set(["out_of_memory", "crashed", "timeout"]);

/** Exit code after Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
export const INTERRUPTED_EXIT_CODE = 130;

const EXTENSIONS: Record<CliOutput, OutputExtension> = { json: "json", text: "txt", markdown: "md" };

/**
 * Parses many inputs: JSON Lines on stdout (one line per input, in input order, an error
 * object in a failed input's place), framed text / Markdown with --to, or one file per input
 * under --out. Exit code 0 when all succeeded, 1 when any failed, 130 after Ctrl-C.
 */
export async function runBatch(command: ParseCommand, items: readonly InputItem[]): Promise<BatchRun> {
  const started = Date.now();
  const stdinBytes = items.some((i) => i.path === null && i.missing === undefined) ? await readStdin() : null;
  const threads = Math.min(command.concurrency, items.length);
  const runner = createProcessRunner({ processes: threads, timeoutMs: command.timeoutMs, memoryMb: command.maxMemoryMb });
  const mode = chooseProgressMode(command.progress, command.quiet, process.stderr.isTTY === true);
  const progress = startProgress({ total: items.length, mode });
  const sink = command.outDir === null ? createStdoutSink() : null;
  const extension = EXTENSIONS[command.to];
  const stats = createStats();
  let done = 0;
  /** Set when the output cannot be written any more (full disk, no permission, stdout gone bad). */
  let writeStop: string | null = null;

  // Ctrl-C: stop starting documents, give up on those running, and say what was done. A second
  // Ctrl-C finds no handler and ends the process at once.
  let interrupted = false;
  const interruption = createTripwire<Outcome>();
  const onSigint = (): void => {
    interrupted = true;
    interruption.trip({ value: { ok: "interrupted" } });
  };
  process.once("SIGINT", onSigint);

  const run = async (item: InputItem): Promise<Outcome> => {
    if (item.missing !== undefined) return { ok: false, code: "not_found", message: item.missing };
    if (command.resume && command.outDir !== null && item.path !== null && (await isUpToDate(command.outDir, item.outRel, item.path, extension))) {
      return { ok: "skipped" };
    }
    if (command.resume && !command.retryFailed && command.outDir !== null && item.path !== null) {
      const prior = await readPriorFailure(command.outDir, item.outRel, item.path);
      if (prior !== null && KILLER_CODES.has(prior.code)) return { ok: "failedBefore", ...prior };
    }
    // JSON Lines need one line per record; files under --out may be indented.
    const task = buildTask(command, item, item.path === null ? stdinBytes : null, command.pretty && command.outDir !== null);
    const finish = progress.begin(item.name);
    try {
      return await runner.run(task);
    } finally {
      finish();
    }
  };
  const runSafely = (item: InputItem): Promise<Outcome> => interruption.race(run(item).catch((error: unknown) => errorResult(error)));

  const emit = async (outcome: Outcome, index: number): Promise<boolean> => {
    if (interrupted || outcome.ok === "interrupted") return false;
    const item = items[index];
    done++;
    let keepGoing = true;
    if (outcome.ok === "skipped") {
      stats.skipped++;
    } else if (outcome.ok === "failedBefore") {
      // Its .error.json stays as it is; it still counts as a failure for the exit code.
      countFailure(stats, outcome.code);
      if (!command.quiet) progress.log(`vanban: ${item.name}: ${outcome.code} in an earlier run, not parsed again (--retry-failed to try it)`);
      if (command.failFast) keepGoing = false;
    } else if (outcome.ok) {
      const written = await deliver(item, index, outcome.output, false);
      if (written) {
        stats.ok++;
        stats.pages += outcome.pages ?? 0;
      } else countFailure(stats, "write_failed");
      keepGoing = written;
    } else {
      const written = await deliver(item, index, renderError(item, index, outcome.code, outcome.message), true);
      countFailure(stats, written ? outcome.code : "write_failed");
      if (!command.quiet) progress.log(`vanban: ${item.name}: ${outcome.code}: ${outcome.message}`);
      keepGoing = written && !command.failFast;
    }
    progress.update({ done, failed: stats.failed, pages: stats.pages });
    return keepGoing;
  };

  /** The error object (JSON, and always JSON under --out), or a framed error line on stdout with --to text/markdown. */
  const renderError = (item: InputItem, index: number, code: string, message: string): string => {
    if (command.to !== "json" && sink) return frameError(command.to, item.name, code, message, index);
    return JSON.stringify({ source: { name: item.name }, error: { code, message } }, null, command.pretty && command.outDir !== null ? 2 : undefined);
  };

  /** False when the output could not be written: the batch then stops (the next write would fail the same way). */
  const deliver = async (item: InputItem, index: number, content: string, isError: boolean): Promise<boolean> => {
    if (sink) {
      const written = await sink.write(isError || command.to === "json" ? content : frameDocument(command.to, item.name, content, index));
      if (!written && sink.error !== null) writeStop = `cannot write to stdout: ${sink.error.message}`;
      return written;
    }
    try {
      await writeOutputFile(command.outDir!, item.outRel, content, isError, extension);
      return true;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      writeStop = `cannot write under ${command.outDir} (${reason})`;
      progress.log(`vanban: ${item.name}: write_failed: ${(error as Error).message}`);
      return false;
    }
  };

  try {
    // Order matters only on stdout; under --out each result is written as soon as it is done.
    if (sink) await runOrdered(items, { concurrency: threads, maxBufferedBytes: reorderBufferBytes(), sizeOf: estimateResultBytes }, runSafely, emit);
    else await runUnordered(items, { concurrency: threads, order: threads > 1 ? await orderLargestFirst(items) : undefined }, runSafely, emit);
  } finally {
    process.off("SIGINT", onSigint);
    progress.stop();
    await runner.close();
  }
  if (!command.quiet) {
    const summary = formatSummary(stats, (Date.now() - started) / 1000);
    const tail = interrupted ? `; interrupted, ${items.length - done} not done` : writeStop !== null ? `; stopped: ${writeStop}, ${items.length - done} not done` : "";
    process.stderr.write(`${summary}${tail}\n`);
  } else if (writeStop !== null) {
    process.stderr.write(`vanban: ${writeStop}\n`);
  }
  if (interrupted) return { exitCode: INTERRUPTED_EXIT_CODE };
  return { exitCode: stats.failed > 0 || writeStop !== null ? 1 : 0 };
}
