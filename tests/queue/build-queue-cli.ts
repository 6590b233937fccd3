import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { buildCli, ROOT } from "../cli/helpers.js";

export interface QueueCli {
  bin: string;
  cleanup(): void;
}

/** The CLI and the queue's parse thread bundled from the current sources into a temp package, as tsup.config.ts lays them out. */
export async function buildQueueCli(): Promise<QueueCli> {
  const built = await buildCli({ "queue-thread": join(ROOT, "src/queue/parse-thread.ts") });
  return { bin: built.bin, cleanup: built.cleanup };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion (bounded by `timeoutMs`: the child is killed past it). */
export function runQueueCli(cli: QueueCli, args: string[], timeoutMs = 30_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli.bin, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, VANBAN_REDIS_URL: "" } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    });
  });
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything written on stderr so far. */
  log(): string;
  /** Resolves with the exit code (or the signal name) once it ends. */
  exited: Promise<number | string | null>;
}

/** Starts `vanban worker …` in the background. */
export function startWorkerProcess(cli: QueueCli, args: string[]): WorkerProcess {
  const child = spawn(process.execPath, [cli.bin, "worker", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  const err: Buffer[] = [];
  child.stderr!.on("data", (c: Buffer) => err.push(c));
  const exited = new Promise<number | string | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
  return { child, log: () => Buffer.concat(err).toString("utf8"), exited };
}
