import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, ROOT, type BuiltCli } from "./helpers.js";

let cli: BuiltCli;
let inputs: string;

beforeAll(async () => {
  cli = await buildCli();
  inputs = mkdtempSync(join(tmpdir(), "vanban-batch-memory-"));
  // 120 copies of a report whose record is ~166 KB of JSON: ~20 MB of records in all.
  for (let i = 0; i < 120; i++) copyFileSync(join(ROOT, "fixtures/seed-003-kontum-bc-endnotes-text/input.txt"), join(inputs, `doc-${String(i).padStart(3, "0")}.txt`));
}, 120_000);

afterAll(() => {
  cli?.cleanup();
  if (inputs) rmSync(inputs, { recursive: true, force: true });
});

describe("a batch's memory", () => {
  it("does not keep the records it has written", () => {
    // The batch runs in this script's process: what its heap keeps while it runs is measured
    // after a full collection every 50 ms (once it is over, everything is released anyway).
    const script = join(cli.dir, "measure-heap.mjs");
    writeFileSync(
      script,
      [
        `const { main } = await import(${JSON.stringify(join(cli.dir, "dist/cli.js"))});`,
        "let kept = 0;",
        "const timer = setInterval(() => { globalThis.gc(); kept = Math.max(kept, process.memoryUsage().heapUsed); }, 50);",
        "const code = await main(process.argv.slice(2));",
        "clearInterval(timer);",
        "process.stderr.write(JSON.stringify({ code, heapUsedMb: kept / 1048576 }) + '\\n');",
      ].join("\n"),
    );
    const run = spawnSync(process.execPath, ["--expose-gc", script, "parse", inputs, "-q", "-j", "2"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split("\n").filter(Boolean)).toHaveLength(120);
    const { code, heapUsedMb } = JSON.parse(run.stderr.trim().split("\n").pop()!) as { code: number; heapUsedMb: number };
    expect(code).toBe(0);
    // Racing each document against Ctrl-C with Promise.race kept them all: 36 MB (now ~6 MB).
    expect(heapUsedMb).toBeLessThan(15);
  }, 120_000);
});
