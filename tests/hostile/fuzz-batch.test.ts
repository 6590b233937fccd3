/**
 * A short, deterministic slice of the fuzz campaign (`npm run fuzz` runs the long one): one
 * damaged input per family, one batch, and the batch contract checked.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBatch, makeInputs } from "../../scripts/fuzz/campaign.js";
import { FAMILY_NAMES } from "../../scripts/fuzz/mutations.js";
import { buildCli, runCli, type BuiltCli } from "../cli/helpers.js";

let cli: BuiltCli;
let dir: string;

beforeAll(async () => {
  cli = await buildCli();
  dir = mkdtempSync(join(tmpdir(), "vanban-fuzz-test-"));
}, 120_000);

afterAll(() => {
  cli?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("fuzz: one damaged input per family through the batch", () => {
  it("keeps the contract: one line each, typed codes, no internal, valid records", async () => {
    const inputs = makeInputs(19, FAMILY_NAMES.length, dir);
    expect(new Set(inputs.map((i) => i.family)).size).toBe(FAMILY_NAMES.length);
    const run = await runCli(cli, ["parse", dir, "--jsonl", "--timeout", "20", "--max-memory", "512M"]);
    const report = checkBatch(run.stdout, run.code, inputs.map((i) => basename(i.file)).sort());
    expect(report.problems).toEqual([]);
  }, 240_000);

  it("the checker itself fails a broken batch", () => {
    const names = ["a.txt", "b.txt"];
    expect(checkBatch('{"source":{"name":"a.txt"},"error":{"code":"internal","message":"x"}}\n', 1, names).problems).toEqual(
      expect.arrayContaining(["1 lines for 2 inputs", "a.txt: internal error", "a.txt: untyped error code internal"]),
    );
    expect(checkBatch("{}\nnot json\n", 134, names).problems.length).toBeGreaterThanOrEqual(3);
  });
});
