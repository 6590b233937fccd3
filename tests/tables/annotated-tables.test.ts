import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import { pairTables, scoreTable, type AnnotatedTable } from "./score-tables.js";

/**
 * Hand-annotated data tables of real documents (fixtures/tables/<case>/tables.json, origins in
 * fixtures/SOURCES.md): cell text by (row, column), row and column counts, header rows.
 */
const DIR = join(import.meta.dirname, "..", "..", "fixtures", "tables");
const CASES = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface CaseScore {
  name: string;
  matched: number;
  predicted: number;
  expected: number;
  tables: number;
  rowsRight: number;
  colsRight: number;
  headerRight: number;
}

async function scoreCase(name: string): Promise<CaseScore> {
  const input = readdirSync(join(DIR, name)).find((f) => f.startsWith("input."))!;
  const record = await parse(join(DIR, name, input));
  const annotated = JSON.parse(readFileSync(join(DIR, name, "tables.json"), "utf8")) as { tables: AnnotatedTable[] };
  const score: CaseScore = { name, matched: 0, predicted: 0, expected: 0, tables: 0, rowsRight: 0, colsRight: 0, headerRight: 0 };
  for (const { expected, predicted } of pairTables(record.tables, annotated.tables)) {
    score.tables++;
    if (!predicted) {
      score.expected += expected.rows.flat().length;
      continue;
    }
    const s = scoreTable(predicted, expected);
    score.matched += s.matched;
    score.predicted += s.predicted;
    score.expected += s.expected;
    score.rowsRight += Number(s.rowsRight);
    score.colsRight += Number(s.colsRight);
    score.headerRight += Number(predicted.headerRows === expected.headerRows);
    // Every cell's text is the text its span points at.
    for (const cell of predicted.rows.flatMap((r) => r.cells)) expect(record.text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
  }
  return score;
}

describe("tables of hand-annotated documents", () => {
  it("has DOCX, .doc and PDF cases, at least twelve documents", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
    for (const prefix of ["docx-", "doc-", "pdf-"]) expect(CASES.some((c) => c.startsWith(prefix)), prefix).toBe(true);
  });

  it("reads cell text by (row, column) with precision and recall ≥ 0.95, counts right on ≥ 90% of tables", async () => {
    const scores = await Promise.all(CASES.map(scoreCase));
    const sum = (key: keyof Omit<CaseScore, "name">) => scores.reduce((n, s) => n + s[key], 0);
    const tables = sum("tables");
    const precision = sum("matched") / sum("predicted");
    const recall = sum("matched") / sum("expected");
    const summary = { precision, recall, tables, rowsRight: sum("rowsRight") / tables, colsRight: sum("colsRight") / tables, headerRight: sum("headerRight") / tables };
    expect(tables).toBeGreaterThanOrEqual(18);
    expect(summary.precision, JSON.stringify(scores)).toBeGreaterThanOrEqual(0.95);
    expect(summary.recall, JSON.stringify(scores)).toBeGreaterThanOrEqual(0.95);
    expect(summary.rowsRight).toBeGreaterThanOrEqual(0.9);
    expect(summary.colsRight).toBeGreaterThanOrEqual(0.9);
    expect(summary.headerRight).toBeGreaterThanOrEqual(0.9);
    // Each document on its own stays close: no case may hide behind the big tables.
    for (const s of scores) expect(s.matched / s.expected, s.name).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it("keeps the layout tables out: the header and Nơi nhận | signature tables are no tables", async () => {
    const record = await parse(join(DIR, "docx-qd-hoi-dong-xet-duyet", "input.docx"));
    expect(record.tables).toHaveLength(1);
    expect(record.header.issuer).not.toBeNull();
    expect(record.recipients.length).toBeGreaterThan(0);
    expect(record.tables[0].rows[1].cells.map((c) => c.text)).toEqual(["1", "Nguyễn Minh", "Phó Chủ tịch UBND tỉnh", "Ủy ban nhân dân tỉnh", "Chủ tịch Hội đồng"]);
    // A cell is never a section paragraph: the layout gives every cell the role `table`.
    const cells = record.tables[0].rows.flatMap((r) => r.cells);
    const roles = new Map(record.layout.map((l) => [l.span.start, l.role]));
    expect(cells.every((c) => roles.get(c.span.start) === "table")).toBe(true);
    const paragraphs = JSON.stringify(record.sections);
    expect(paragraphs).not.toContain("Phó Chủ tịch Hội đồng");
  });
});
