// Scores vanban against the hand annotations of the Lâm Đồng sample (issue 11) and fails when a
// per-field figure falls below its floor in floors.json (measured accuracy minus a margin).
// Scans whose OCR is too slow for the suite are listed in floors.json "skip"; the script
// `npm run score` still scores them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import { DOCUMENTS_DIR, loadAnnotations, parseOptionsFor } from "../../scripts/corpus/annotations.js";
import { measures, scoreDocument, summarize, type DocumentScore } from "../../scripts/corpus/score-fields.js";

interface Floors {
  skip: Record<string, string>;
  dev: Record<string, number>;
  holdout: Record<string, number>;
}

const root = join(import.meta.dirname, "../..");
const floors = JSON.parse(readFileSync(join(import.meta.dirname, "floors.json"), "utf8")) as Floors;
const annotations = loadAnnotations(root).filter((a) => !(a.file in floors.skip));

describe.skipIf(annotations.length === 0)("hand-annotated Lâm Đồng sample", () => {
  const scores: DocumentScore[] = [];

  it("parses every annotated document", { timeout: 600_000 }, async () => {
    for (const a of annotations) {
      const record = await parse(join(root, DOCUMENTS_DIR, a.file), parseOptionsFor(a));
      scores.push(scoreDocument(a, record));
    }
    expect(scores).toHaveLength(annotations.length);
  });

  for (const split of ["dev", "holdout"] as const) {
    it(`keeps the ${split} figures at or above their floors`, () => {
      const measured = measures(summarize(scores.filter((s) => s.split === split)));
      const below = Object.entries(floors[split])
        .filter(([field, floor]) => (measured[field] ?? 0) < floor)
        .map(([field, floor]) => `${field}: ${(measured[field] ?? 0).toFixed(3)} < floor ${floor}`);
      expect(below).toEqual([]);
    });
  }
});
