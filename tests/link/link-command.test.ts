/** `vanban link` as a function: the files it writes from the fixture records, and its usage errors. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runLinkCommand } from "../../src/cli/link-command.js";

const RECORDS = resolve(__dirname, "../../fixtures/link/records.jsonl");
const work = mkdtempSync(join(tmpdir(), "vanban-link-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("vanban link", () => {
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);

  it("writes the graph, the tables and the summary from a JSON Lines file", async () => {
    const out = join(work, "jsonl");
    expect(await runLinkCommand([RECORDS, "--out", out])).toBe(0);
    for (const f of ["graph.json", "graph.graphml", "graph.mmd", "citations.csv", "summary.json", "reconciliation.json", "reconciliation.csv"]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const graph = JSON.parse(readFileSync(join(out, "graph.json"), "utf8"));
    expect(graph.edges.length).toBe(22);
    expect(readFileSync(join(out, "graph.graphml"), "utf8")).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">');
    expect(readFileSync(join(out, "graph.mmd"), "utf8")).toMatch(/^flowchart LR/u);
    expect(readFileSync(join(out, "citations.csv"), "utf8").split("\n")[0]).toBe(
      "from,source,citation,status,to,candidates,kind,cue,raw,start,end,evidence",
    );
  });

  it("reads a folder of record files the same way", async () => {
    const dir = join(work, "records");
    mkdirSync(dir);
    readFileSync(RECORDS, "utf8").trim().split("\n").forEach((line, i) => writeFileSync(join(dir, `r${i}.json`), line));
    const out = join(work, "folder");
    expect(await runLinkCommand([dir, "-o", out])).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "graph.json"), "utf8")).edges.length).toBe(22);
  });

  it("skips lines that are not records and says so with exit code 1", async () => {
    const file = join(work, "mixed.jsonl");
    writeFileSync(file, `${readFileSync(RECORDS, "utf8").split("\n")[0]}\n{"source":{"name":"x"},"error":{"code":"encrypted"}}\nnot json\n`);
    expect(await runLinkCommand([file, "--out", join(work, "mixed")])).toBe(1);
  });

  it("is a usage error without --out or with two inputs", async () => {
    expect(await runLinkCommand([RECORDS])).toBe(2);
    expect(await runLinkCommand([RECORDS, RECORDS, "--out", work])).toBe(2);
  });
});
