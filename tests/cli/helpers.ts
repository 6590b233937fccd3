import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildEntries } from "../helpers/build-entries.js";

export const ROOT = join(import.meta.dirname, "..", "..");
export const CLI_FIXTURES = join(import.meta.dirname, "fixtures");

/** A private build of the CLI (what tsup.config.ts makes for dist/cli.js and dist/batch-worker.js, and any `extraEntries`). */
export interface BuiltCli {
  dir: string;
  bin: string;
  cleanup(): void;
}

/**
 * Builds src/cli into a temporary folder laid out like the package (bin/, dist/, package.json,
 * node_modules link), so the tests run the bundled CLI and its worker file exactly as users do,
 * from the current sources, without touching (or racing on) the repo's dist/.
 */
export async function buildCli(extraEntries: Record<string, string> = {}): Promise<BuiltCli> {
  const dir = mkdtempSync(join(tmpdir(), "vanban-cli-"));
  await buildEntries({ cli: join(ROOT, "src/cli/main.ts"), "batch-worker": join(ROOT, "src/cli/batch-worker.ts"), ...extraEntries }, join(dir, "dist"));
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(ROOT, "bin", "vanban.js"), join(dir, "bin", "vanban.js"));
  copyFileSync(join(ROOT, "package.json"), join(dir, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  // Shipped with the package: the OCR's syllable model (without it OCR text goes uncorrected).
  symlinkSync(join(ROOT, "data"), join(dir, "data"), "dir");
  return { dir, bin: join(dir, "bin", "vanban.js"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/vanban.js ...args` and collects everything (no TTY: no progress bar). */
export function runCli(cli: BuiltCli, args: string[], options: { cwd?: string; stdin?: Uint8Array | string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli.bin, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

/** Every stdout line must be JSON: nothing else ever reaches stdout. */
export function jsonLines(stdout: string): Array<Record<string, unknown>> {
  const lines = stdout.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
