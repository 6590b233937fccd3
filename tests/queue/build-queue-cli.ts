import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildEntries } from "../helpers/build-entries.js";

const ROOT = join(import.meta.dirname, "..", "..");

export interface QueueCli {
  bin: string;
  cleanup(): void;
}

/** The CLI and the queue's parse thread bundled from the current sources into a temp package, as tsup.config.ts lays them out. */
export async function buildQueueCli(): Promise<QueueCli> {
  const dir = mkdtempSync(join(tmpdir(), "vanban-queue-cli-"));
  await buildEntries({ cli: join(ROOT, "src/cli/main.ts"), "queue-thread": join(ROOT, "src/queue/parse-thread.ts") }, join(dir, "dist"));
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(ROOT, "bin", "vanban.js"), join(dir, "bin", "vanban.js"));
  copyFileSync(join(ROOT, "package.json"), join(dir, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  // Shipped with the package: the OCR's syllable model (without it OCR text goes uncorrected).
  symlinkSync(join(ROOT, "data"), join(dir, "data"), "dir");
  return { bin: join(dir, "bin", "vanban.js"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number | null;
  /** The signal that ended it, if one did. */
  signal: NodeJS.Signals | null;
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
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
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
