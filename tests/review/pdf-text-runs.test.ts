import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import { advanceOf } from "../../src/review/glyph-advances.js";
import { openPdfForReview } from "../../src/review/load-pdfjs.js";
import { mapTextRuns } from "../../src/review/pdf-text-runs.js";

const PDF = new Uint8Array(readFileSync(new URL("../../fixtures/cv-ubnd-laocai-vlncn-signed/input.pdf", import.meta.url)));

describe("text runs of a PDF for the review page", () => {
  it("finds a paragraph that runs on over a page break on both pages, and nowhere before", { timeout: 60_000 }, async () => {
    const record = await parse(PDF, { name: "cv.pdf" });
    const pdf = await openPdfForReview(PDF, undefined);
    const { runs, pages } = await mapTextRuns(record, pdf);
    await pdf.destroy();
    expect(pages).toHaveLength(record.source.pages!);
    const block = record.layout.find((e) => record.text.slice(e.span.start, e.span.end).startsWith("c) Phối hợp với Sở Ngoại vụ"))!;
    expect(block.span.page).toBe(2);
    const inside = runs.filter((r) => r.start >= block.span.start && r.end <= block.span.end);
    expect(new Set(inside.map((r) => r.page))).toEqual(new Set([2, 3]));
    // Its last characters are on page 3.
    expect(inside.find((r) => r.end >= block.span.end - 2)?.page).toBe(3);
    // No block's text is found on a page before its own.
    for (const entry of record.layout) {
      const early = runs.filter((r) => r.start >= entry.span.start && r.end <= entry.span.end && r.page < (entry.span.page ?? 0));
      expect(early, record.text.slice(entry.span.start, entry.span.start + 40)).toEqual([]);
    }
  });

  it.each([
    ["NĐ-CP", "ngày", true],
    ["ỦY BAN", "ủy ban", true],
    ["iii", "mmm", false],
  ])("spreads a run by glyph widths: %s is wider per letter than %s: %s", (a, b, wider) => {
    const perLetter = (s: string) => [...s].reduce((w, c) => w + advanceOf(c), 0) / s.length;
    expect(perLetter(a) > perLetter(b)).toBe(wider);
  });
});
