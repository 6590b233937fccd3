// Parses many files in child processes, each file under a time guard, so that one file that
// hangs or crashes the process is reported as that file's error and the run goes on.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ParseOptions, VanBanDocument } from "../../src/index.js";
import type { ChildReady, ChildReply, ChildRequest } from "./parse-child.js";

/** The record as the child sends it: everything but the layout map. */
export type ParsedRecord = Omit<VanBanDocument, "layout">;

export type ParseOutcome<T = ParsedRecord> =
  | { path: string; ms: number; ok: true; record: T }
  | { path: string; ms: number; ok: false; error: { code: string; message: string } };

export interface IsolatedOptions<T> {
  options: (path: string) => ParseOptions;
  /** What to keep of each record: the whole records of a corpus do not fit in memory at once. */
  digest: (record: ParsedRecord, path: string) => T;
  /** Time allowed per file before its child is killed and the file reported as `timeout`. */
  timeoutMs: number;
  /** Child processes working at once. */
  jobs: number;
  onOutcome?: (outcome: ParseOutcome<T>, done: number, total: number) => void;
}

const CHILD = fileURLToPath(new URL("./parse-child.ts", import.meta.url));
/** Loading tsx and the parser takes a few seconds on a busy machine; more means it is broken. */
const STARTUP_MS = 60_000;

/**
 * A child that has loaded the parser, so that its start-up is not charged to the first file's
 * time guard; or the reason it could not start (e.g. an import broken in src/).
 */
function startChild(): Promise<ChildProcess | string> {
  // tsx as a loader so the child runs the TypeScript sources, as the scripts do.
  const child = fork(CHILD, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "pipe", "ipc"] });
  let stderr = "";
  const onStderr = (chunk: Buffer): void => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  };
  child.stderr?.on("data", onStderr);
  return new Promise((resolve) => {
    const done = (result: ChildProcess | string): void => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      child.stderr?.off("data", onStderr);
      resolve(result);
    };
    const onMessage = (m: ChildReady | ChildReply): void => {
      if ("ready" in m) done(child);
    };
    const onExit = (code: number | null): void => done(`child did not start (exit ${code}): ${lastLines(stderr)}`);
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      child.kill("SIGKILL");
      done(`child did not start within ${STARTUP_MS} ms`);
    }, STARTUP_MS);
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

function lastLines(text: string): string {
  return text.trim().split("\n").slice(-3).join(" | ");
}

/** Parses every path; outcomes come back in the order of `paths`. */
export async function parseIsolated<T>(paths: string[], opts: IsolatedOptions<T>): Promise<ParseOutcome<T>[]> {
  const outcomes: ParseOutcome<T>[] = new Array(paths.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    let child: ChildProcess | null = null;
    while (next < paths.length) {
      const index = next++;
      const started: ChildProcess | string = child ?? (await startChild());
      let outcome: ParseOutcome<T>;
      if (typeof started === "string") {
        // Reported against the file that was waiting for it; the next file tries a new child.
        outcome = { path: paths[index], ms: 0, ok: false, error: { code: "crash", message: started } };
        child = null;
      } else {
        const result: { outcome: ParseOutcome<T>; childAlive: boolean } = await parseOne(started, index, paths[index], opts);
        outcome = result.outcome;
        child = result.childAlive ? started : null;
      }
      outcomes[index] = outcome;
      done++;
      opts.onOutcome?.(outcome, done, paths.length);
    }
    if (child) child.disconnect();
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.jobs) }, worker));
  return outcomes;
}

function parseOne<T>(
  child: ChildProcess,
  id: number,
  path: string,
  opts: IsolatedOptions<T>,
): Promise<{ outcome: ParseOutcome<T>; childAlive: boolean }> {
  return new Promise((resolve) => {
    const started = performance.now();
    let stderr = "";
    const onStderr = (chunk: Buffer): void => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    };
    const finish = (outcome: ParseOutcome<T>, childAlive: boolean): void => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      child.stderr?.off("data", onStderr);
      resolve({ outcome, childAlive });
    };
    const failed = (code: string, message: string): ParseOutcome<T> => ({
      path,
      ms: Math.round(performance.now() - started),
      ok: false,
      error: { code, message },
    });
    const onMessage = (reply: ChildReply | ChildReady): void => {
      if ("ready" in reply || reply.id !== id) return;
      finish(
        reply.ok
          ? { path, ms: reply.ms, ok: true, record: opts.digest(reply.record as ParsedRecord, path) }
          : { path, ms: reply.ms, ok: false, error: reply.error },
        true,
      );
    };
    const onExit = (code: number | null, signal: string | null): void => {
      const tail = lastLines(stderr);
      finish(failed("crash", `child exited (code ${code}, signal ${signal})${tail ? `: ${tail}` : ""}`), false);
    };
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      child.kill("SIGKILL");
      finish(failed("timeout", `no result after ${opts.timeoutMs} ms (time guard per file)`), false);
    }, opts.timeoutMs);
    child.on("message", onMessage);
    child.on("exit", onExit);
    child.stderr?.on("data", onStderr);
    const request: ChildRequest = { id, path, options: opts.options(path) };
    child.send(request);
  });
}
