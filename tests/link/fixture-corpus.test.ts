/**
 * The fixture corpus (31 records from four Lâm Đồng dossiers, fixtures/link/records.jsonl)
 * against the hand-checked expectations in fixtures/link/expected.json: resolution precision
 * and recall, and the share of relation kinds read right.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { linkCorpus, type LinkableRecord } from "../../src/link/index.js";

const DIR = resolve(__dirname, "../../fixtures/link");
const records: LinkableRecord[] = readFileSync(`${DIR}/records.jsonl`, "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as LinkableRecord);
const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, "utf8")) as {
  citations: Array<{ source: string; citation: number; raw: string; to: string | null; kind: string }>;
};

describe("linking the Lâm Đồng fixture corpus", () => {
  const links = linkCorpus(records);
  const got = new Map<string, { to: string | null; kind: string }>();
  for (const e of links.edges) got.set(`${e.evidence.source}#${e.evidence.citation}`, { to: e.to, kind: e.kind });
  for (const u of links.unresolved) got.set(`${u.evidence.source}#${u.evidence.citation}`, { to: null, kind: u.kind });
  for (const a of links.ambiguous) got.set(`${a.evidence.source}#${a.evidence.citation}`, { to: "AMBIGUOUS", kind: a.kind });

  let predicted = 0;
  let relevant = 0;
  let correct = 0;
  let kindsRight = 0;
  const wrongKinds: string[] = [];
  for (const x of expected.citations) {
    const g = got.get(`${x.source}#${x.citation}`);
    if (!g) throw new Error(`not linked: ${x.source} #${x.citation} ${x.raw}`);
    if (g.to !== null) predicted++;
    if (x.to !== null) relevant++;
    if (x.to !== null && g.to === x.to) correct++;
    if (g.kind === x.kind) kindsRight++;
    else wrongKinds.push(`${x.source.slice(0, 40)} #${x.citation}: ${g.kind} ≠ ${x.kind}`);
  }
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = relevant === 0 ? 1 : correct / relevant;
  const kindAccuracy = kindsRight / expected.citations.length;

  it("checks at least 100 citations", () => {
    expect(expected.citations.length).toBeGreaterThanOrEqual(100);
  });

  it("resolves citations with precision ≥ 0.98 and recall ≥ 0.95", () => {
    console.info(
      `resolution on ${expected.citations.length} citations (${relevant} naming a corpus document): ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}; kinds ${kindAccuracy.toFixed(3)}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it("reads relation kinds right on ≥ 90% of the citations", () => {
    if (kindAccuracy < 0.9) console.info(wrongKinds.join("\n"));
    expect(kindAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("summarises: the decision that replaces Quyết định 2315/QĐ-UBND (2014) makes its later citation a warning", () => {
    expect(links.summary.mostCited[0].citedBy).toBeGreaterThanOrEqual(3);
    expect(links.summary.citingSuperseded.map((s) => s.cited)).toContain("2315/QĐ-UBND@2014");
    expect(links.summary.mostCitedMissing[0].id).toBe("126/2024/NĐ-CP");
  });

  it("every edge's evidence span lies in the citing record and ends at the citation", () => {
    for (const e of links.edges) {
      const r = records[e.evidence.record];
      expect(e.evidence.span.end).toBe(r.citations[e.evidence.citation].span.end);
      expect(e.evidence.span.start).toBeLessThanOrEqual(r.citations[e.evidence.citation].span.start);
    }
  });
});
