import type { CliOutput, ParseCommand } from "./args.js";
import { buildTask } from "./build-task.js";
import type { InputItem } from "./collect-inputs.js";
import { frameDocument, frameError } from "./frame-document.js";
import { errorResult, type TaskResult } from "./parse-task.js";
import { chooseProgressMode, startProgress } from "./progress.js";
import { readStdin } from "./read-stdin.js";
import { runOrdered } from "./run-ordered.js";
import { createInProcessRunner, createPoolRunner, type TaskRunner } from "./runners.js";
import { countFailure, createStats, formatSummary } from "./summary.js";
import { createStdoutSink, isUpToDate, writeOutputFile, type OutputExtension } from "./write-output.js";

type Outcome = TaskResult | { ok: "skipped" } | { ok: "interrupted" };

export interface BatchRun {
  exitCode: number;
  /** A timed-out (or interrupted) document may still be running on the main thread. */
  abandoned: boolean;
}

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
  // Worker threads whenever there is more than one input: only a worker can be stopped when a
  // document runs over --timeout (parsing text is synchronous). One input stays in-process for
  // a fast start, unless --timeout was asked for explicitly.
  const usePool = items.length > 1 || command.timeoutExplicit;
  const runner: TaskRunner = usePool ? await createPoolRunner(threads, command.timeoutMs) : createInProcessRunner(command.timeoutMs);
  const mode = chooseProgressMode(command.progress, command.quiet, process.stderr.isTTY === true);
  const progress = startProgress({ total: items.length, mode });
  const sink = command.outDir === null ? createStdoutSink() : null;
  const extension = EXTENSIONS[command.to];
  const stats = createStats();
  let done = 0;

  // Ctrl-C: stop starting documents, give up on those running, and say what was done. A second
  // Ctrl-C finds no handler and ends the process at once.
  let interrupted = false;
  let interrupt: (outcome: Outcome) => void = () => {};
  const interruption = new Promise<Outcome>((resolve) => {
    interrupt = resolve;
  });
  const onSigint = (): void => {
    interrupted = true;
    interrupt({ ok: "interrupted" });
  };
  process.once("SIGINT", onSigint);

  const run = async (item: InputItem): Promise<Outcome> => {
    if (item.missing !== undefined) return { ok: false, code: "not_found", message: item.missing };
    if (command.resume && command.outDir !== null && item.path !== null && (await isUpToDate(command.outDir, item.outRel, item.path, extension))) {
      return { ok: "skipped" };
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
  const runSafely = (item: InputItem): Promise<Outcome> => Promise.race([run(item).catch((error: unknown) => errorResult(error)), interruption]);

  const emit = async (outcome: Outcome, index: number): Promise<boolean> => {
    if (interrupted || outcome.ok === "interrupted") return false;
    const item = items[index];
    done++;
    let keepGoing = true;
    if (outcome.ok === "skipped") {
      stats.skipped++;
    } else if (outcome.ok) {
      stats.ok++;
      stats.pages += outcome.pages ?? 0;
      keepGoing = await deliver(item, index, outcome.output, false);
    } else {
      countFailure(stats, outcome.code);
      keepGoing = await deliver(item, index, renderError(item, index, outcome.code, outcome.message), true);
      if (!command.quiet) progress.log(`vanban: ${item.name}: ${outcome.code}: ${outcome.message}`);
      if (command.failFast) keepGoing = false;
    }
    progress.update({ done, failed: stats.failed, pages: stats.pages });
    return keepGoing;
  };

  /** The error object (JSON, and always JSON under --out), or a framed error line on stdout with --to text/markdown. */
  const renderError = (item: InputItem, index: number, code: string, message: string): string => {
    if (command.to !== "json" && sink) return frameError(command.to, item.name, code, message, index);
    return JSON.stringify({ source: { name: item.name }, error: { code, message } }, null, command.pretty && command.outDir !== null ? 2 : undefined);
  };

  const deliver = async (item: InputItem, index: number, content: string, isError: boolean): Promise<boolean> => {
    if (sink) {
      if (isError || command.to === "json") return sink.write(content);
      return sink.write(frameDocument(command.to, item.name, content, index));
    }
    try {
      await writeOutputFile(command.outDir!, item.outRel, content, isError, extension);
      return true;
    } catch (error) {
      // The output folder is unusable (full disk, no permission): no point going on.
      progress.log(`vanban: cannot write under ${command.outDir}: ${(error as Error).message}`);
      countFailure(stats, "write_failed");
      return false;
    }
  };

  try {
    await runOrdered(items, { concurrency: threads, window: threads * 2 }, runSafely, emit);
  } finally {
    process.off("SIGINT", onSigint);
    progress.stop();
    await runner.close();
  }
  if (!command.quiet) {
    const summary = formatSummary(stats, (Date.now() - started) / 1000);
    process.stderr.write(interrupted ? `${summary}; interrupted, ${items.length - done} not done\n` : `${summary}\n`);
  }
  if (interrupted) return { exitCode: INTERRUPTED_EXIT_CODE, abandoned: true };
  return { exitCode: stats.failed > 0 ? 1 : 0, abandoned: runner.abandoned };
}
