/**
 * One scan read by every process of the pool (issue 15): the steps parseSplit asks the runner
 * for, with a runner that answers from a script, and the CLI's record with -j 2 against -j 1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSplit, splitPages } from "../../src/cli/parse-split.js";
import type { ParseTask, TaskResult } from "../../src/cli/parse-task.js";
import type { TaskRunner } from "../../src/cli/runners.js";
import { buildCli, runCli, type BuiltCli } from "./helpers.js";

const SCAN = "fixtures/cv-813-cuchoachat-scanned/input.pdf";

function task(path: string): ParseTask {
  return { name: path, path, bytes: null, options: { ocr: "auto" } as ParseTask["options"], to: "json", fields: null, pretty: false };
}

/** A runner that answers each step from `answer` and records what it was asked. */
function scriptedRunner(answer: (t: ParseTask) => TaskResult): TaskRunner & { asked: ParseTask[] } {
  const asked: ParseTask[] = [];
  return { asked, run: async (t) => (asked.push(t), answer(t)), close: async () => {} };
}

describe("splitPages", () => {
  it.each([
    [[1, 2, 3, 4, 5], 2, [[1, 2], [3, 4, 5]]],
    [[1, 2], 4, [[1], [2]]],
    [[7], 2, [[7]]],
  ])("%j in %i pieces → %j", (pages, count, expected) => {
    expect(splitPages(pages, count)).toEqual(expected);
  });
});

describe("parseSplit", () => {
  const page = (n: number) => ({ page: n, engine: "e", lines: [], confidence: 90, lowConfidenceLines: 0, warnings: [] });
  const answer = (plan: unknown) => (t: ParseTask): TaskResult => {
    if (t.step?.kind === "plan") return { ok: true, output: JSON.stringify(plan), pages: null };
    if (t.step?.kind === "ocr") return { ok: true, output: JSON.stringify(t.step.pages.map(page)), pages: null };
    return { ok: true, output: "record", pages: 3 };
  };

  it("plans, OCRs the pages in one piece per process, then parses with every reading", async () => {
    const runner = scriptedRunner(answer({ pages: 3, ocrPages: [1, 2, 3] }));
    expect(await parseSplit(task(SCAN), runner, 2, 1)).toEqual({ ok: true, output: "record", pages: 3 });
    expect(runner.asked.map((t) => t.step ?? null)).toEqual([{ kind: "plan", threshold: 1 }, { kind: "ocr", pages: [1] }, { kind: "ocr", pages: [2, 3] }, null]);
    expect(runner.asked[3].pageOcr?.map((p) => p.page)).toEqual([1, 2, 3]);
  });

  it("a piece that fails leaves its pages to the parse", async () => {
    const runner = scriptedRunner((t) => (t.step?.kind === "ocr" && t.step.pages.includes(1) ? { ok: false, code: "timeout", message: "" } : answer({ pages: 2, ocrPages: [1, 2] })(t)));
    await parseSplit(task(SCAN), runner, 2, 1);
    expect(runner.asked[3].pageOcr?.map((p) => p.page)).toEqual([2]);
  });

  it.each([
    ["one process", SCAN, 1, { pages: 2, ocrPages: [1, 2] }],
    ["not a PDF", "fixtures/seed-002-kontum-phatdong-text/input.txt", 2, { pages: 2, ocrPages: [1, 2] }],
    ["nothing worth splitting (a born-digital PDF)", SCAN, 2, null],
  ])("%s: not split (null), at most the plan asked", async (_name, path, processes, plan) => {
    const runner = scriptedRunner(answer(plan));
    expect(await parseSplit(task(path), runner, processes, 1)).toBeNull();
    expect(runner.asked.filter((t) => t.step?.kind !== "plan")).toEqual([]);
  });
});

describe("vanban parse of one scan with -j 2 --split-pages 1", () => {
  let cli: BuiltCli;
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(() => cli?.cleanup());

  it("gives the record -j 1 gives (OCR in two processes, then assembled)", async () => {
    // One after the other: three OCR processes at once starved the timing-bound queue tests
    // running beside this file.
    const split = await runCli(cli, ["parse", SCAN, "-j", "2", "--split-pages", "1"]);
    const whole = await runCli(cli, ["parse", SCAN, "-j", "1"]);
    expect(split.code, split.stderr).toBe(0);
    expect(whole.code, whole.stderr).toBe(0);
    expect(JSON.parse(split.stdout)).toEqual(JSON.parse(whole.stdout));
  }, 180_000);
});
