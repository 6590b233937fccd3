/**
 * Issue 19 through the CLI: a document that kills its process is one failed line, the batch
 * goes on, --resume does not run it again, and output faults end the run cleanly.
 */
import { spawn } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, jsonLines, ROOT, runCli, type BuiltCli } from "./helpers.js";

let cli: BuiltCli;
let dir: string;
const KILLER = join(ROOT, "fixtures", "hostile", "cid-w-range-fontfile.pdf");
const GOOD = join(ROOT, "fixtures", "seed-002-kontum-phatdong-text", "input.txt");

beforeAll(async () => {
  cli = await buildCli();
  dir = mkdtempSync(join(tmpdir(), "vanban-isolation-"));
  mkdirSync(join(dir, "in"));
  copyFileSync(KILLER, join(dir, "in", "a-killer.pdf"));
  copyFileSync(GOOD, join(dir, "in", "b-good.txt"));
}, 120_000);

afterAll(() => {
  cli?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a document that exhausts memory costs only itself", () => {
  it("batch: out_of_memory in its place, the next input parsed, one line each, exit 1", async () => {
    const run = await runCli(cli, ["parse", join(dir, "in"), "--max-memory", "256M", "-j", "1"]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ error: { code: "out_of_memory" } });
    expect(lines[1]).toHaveProperty("text");
    expect(run.stderr).toMatch(/1 ok, 1 failed \(out_of_memory 1\)/u);
  }, 120_000);

  it("single file: the error on stderr, exit 1, no V8 trace", async () => {
    const run = await runCli(cli, ["parse", KILLER, "--max-memory", "256M"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^vanban: out_of_memory: /u);
    expect(run.stderr).not.toMatch(/FATAL|Fatal|v8::/u);
  }, 120_000);

  it("--resume skips an input that killed its process before; --retry-failed runs it again", async () => {
    const out = join(dir, "out-resume");
    const first = await runCli(cli, ["parse", join(dir, "in"), "--out", out, "--max-memory", "256M", "-j", "1"]);
    expect(first.code).toBe(1);
    expect(JSON.parse(readFileSync(join(out, "a-killer.pdf.error.json"), "utf8"))).toMatchObject({ error: { code: "out_of_memory" } });
    const resumed = await runCli(cli, ["parse", join(dir, "in"), "--out", out, "--resume", "--max-memory", "256M"]);
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toMatch(/a-killer\.pdf: out_of_memory in an earlier run, not parsed again/u);
    expect(resumed.stderr).toMatch(/0 ok, 1 failed \(out_of_memory 1\), 1 skipped/u);
    const retried = await runCli(cli, ["parse", join(dir, "in"), "--out", out, "--resume", "--retry-failed", "--max-memory", "256M"]);
    expect(retried.code).toBe(1);
    // Parsed again (and killed again), the good one skipped as up to date.
    expect(retried.stderr).toMatch(/a-killer\.pdf: out_of_memory: The document needed more/u);
    expect(retried.stderr).toMatch(/0 ok, 1 failed \(out_of_memory 1\), 1 skipped/u);
    expect(readdirSync(out).sort()).toEqual(["a-killer.pdf.error.json", "b-good.txt.json"]);
    expect((await runCli(cli, ["parse", GOOD, "--retry-failed"])).code).toBe(2);
  }, 180_000);
});

describe("output faults", () => {
  it("an output folder that cannot be written: write_failed per input, a clean stop, no .tmp left", async () => {
    const out = join(dir, "out-locked");
    mkdirSync(out);
    chmodSync(out, 0o500);
    try {
      // root ignores permissions: a file where the folder should be fails for everyone.
      const blocked = process.getuid?.() === 0 ? join(dir, "in", "b-good.txt") : out;
      const run = await runCli(cli, ["parse", GOOD, join(ROOT, "fixtures", "seed-000-kontum-bc-markdown", "input.md"), "--out", blocked]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/write_failed/u);
      expect(run.stderr).toMatch(/vanban: 0 ok, 1 failed \(write_failed 1\).*stopped: cannot write under/u);
      expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    } finally {
      chmodSync(out, 0o700);
    }
  }, 120_000);

  it.runIf(existsSync("/dev/full"))("stdout on a full disk: a clear message, exit 1, no stack trace", async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cli.bin, "parse", GOOD, join(ROOT, "fixtures", "seed-000-kontum-bc-markdown", "input.md")], {
        cwd: ROOT,
        stdio: ["ignore", openSync("/dev/full", "w"), "pipe"],
      });
      let stderr = "";
      child.stderr!.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot write to stdout: .*ENOSPC/u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  }, 120_000);
});

