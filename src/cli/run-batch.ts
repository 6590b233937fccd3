import type { ParseCommand } from "./args.js";
import type { InputItem } from "./collect-inputs.js";
import { errorResult, type ParseTask, type TaskResult } from "./parse-task.js";
import { startProgress } from "./progress.js";
import { readStdin } from "./read-stdin.js";
import { runOrdered } from "./run-ordered.js";
import { createInProcessRunner, createPoolRunner, type TaskRunner } from "./runners.js";
import { countFailure, createStats, formatSummary } from "./summary.js";
import { createStdoutSink, isUpToDate, writeOutputFile } from "./write-output.js";

type Outcome = TaskResult | { ok: "skipped" };

export interface BatchRun {
  exitCode: number;
  /** A timed-out document may still be running on the main thread. */
  abandoned: boolean;
}

/**
 * Parses many inputs: JSON Lines on stdout (one line per input, in input order, an error
 * object in a failed input's place) or one file per input under --out. Exit code 0 when all
 * succeeded, 1 when any failed.
 */
export async function runBatch(command: ParseCommand, items: readonly InputItem[]): Promise<BatchRun> {
  const started = Date.now();
  const stdinBytes = items.some((i) => i.path === null) ? await readStdin() : null;
  const threads = Math.min(command.concurrency, items.length);
  // Worker threads whenever there is more than one input: only a worker can be stopped when a
  // document runs over --timeout (parsing text is synchronous). One input stays in-process for
  // a fast start, unless --timeout was asked for explicitly.
  const usePool = items.length > 1 || command.timeoutExplicit;
  const runner: TaskRunner = usePool ? await createPoolRunner(threads, command.timeoutMs) : createInProcessRunner(command.timeoutMs);
  const live = !command.quiet && process.stderr.isTTY === true;
  const progress = await startProgress(items.length, live);
  const sink = command.outDir === null ? createStdoutSink() : null;
  const stats = createStats();
  let done = 0;

  const run = async (item: InputItem): Promise<Outcome> => {
    if (command.resume && command.outDir !== null && item.path !== null && (await isUpToDate(command.outDir, item.outRel, item.path))) {
      return { ok: "skipped" };
    }
    const task: ParseTask = {
      name: item.name,
      path: item.path,
      bytes: item.path === null ? stdinBytes : null,
      format: command.format,
      ocr: command.ocr,
      // JSON Lines need one line per record; files under --out may be indented.
      pretty: command.pretty && command.outDir !== null,
    };
    return runner.run(task);
  };
  const runSafely = (item: InputItem): Promise<Outcome> => run(item).catch((error: unknown) => errorResult(error));

  const emit = async (outcome: Outcome, index: number): Promise<boolean> => {
    const item = items[index];
    done++;
    let keepGoing = true;
    if (outcome.ok === "skipped") {
      stats.skipped++;
    } else if (outcome.ok) {
      stats.ok++;
      stats.pages += outcome.pages ?? 0;
      keepGoing = await deliver(item, outcome.json, false);
    } else {
      countFailure(stats, outcome.code);
      const line = JSON.stringify({ source: { name: item.name }, error: { code: outcome.code, message: outcome.message } }, null, command.pretty && command.outDir !== null ? 2 : undefined);
      keepGoing = await deliver(item, line, true);
      if (!command.quiet) progress.log(`vanban: ${item.name}: ${outcome.code}: ${outcome.message}`);
      if (command.failFast) keepGoing = false;
    }
    progress.update({ done, failed: stats.failed, pages: stats.pages });
    return keepGoing;
  };

  const deliver = async (item: InputItem, content: string, isError: boolean): Promise<boolean> => {
    if (sink) return sink.write(content);
    try {
      await writeOutputFile(command.outDir!, item.outRel, content, isError);
      return true;
    } catch (error) {
      // The output folder is unusable (full disk, no permission): no point going on.
      progress.log(`vanban: cannot write under ${command.outDir}: ${(error as Error).message}`);
      stats.failed++;
      stats.failedByCode.set("write_failed", (stats.failedByCode.get("write_failed") ?? 0) + 1);
      return false;
    }
  };

  try {
    await runOrdered(items, { concurrency: threads, window: threads * 2 }, runSafely, emit);
  } finally {
    await runner.close();
    progress.stop();
  }
  if (!command.quiet) process.stderr.write(`${formatSummary(stats, (Date.now() - started) / 1000)}\n`);
  return { exitCode: stats.failed > 0 ? 1 : 0, abandoned: runner.abandoned };
}
