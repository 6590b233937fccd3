import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import type { Citation } from "../../src/schema/citation.js";
import type { VanBanDocument } from "../../src/schema/document.js";
import { scoreCitations, type AnnotationFile, type Score } from "../../scripts/measure-citations.js";
import { FIXTURES } from "../helpers/fixtures.js";
import { checkRecord } from "../helpers/record-checks.js";

/**
 * The hand annotations of citations (fixtures/annotations/**.citations.json), scored on the
 * record `parse` gives for the real fixture file, so the structure stage's units (sections,
 * tables, footnotes, page joins) are what the citation finder sees.
 *
 * Floors are the values measured when this test was written, rounded down to two decimals:
 * raise them when the extractor improves, never lower them to make a change pass.
 */
const ANNOTATIONS = join(FIXTURES, "annotations");

interface Floor {
  precision: number;
  recall: number;
  /** Matched pairs whose annotated date is right (annotations without dates: 1). */
  dates: number;
}

const FLOORS: Record<string, Floor> = {
  "000_844c122a8d74b08e": { precision: 1, recall: 1, dates: 1 },
  "002_003d8d7c1a93ab94": { precision: 1, recall: 1, dates: 1 },
  "003_6adc8e0f7a982ac0": { precision: 1, recall: 1, dates: 1 },
  "real/bc-ubnd-laocai-chithi-38.docx": { precision: 1, recall: 1, dates: 1 },
  // "QĐ số 1656 và 1662/QĐ-UBND": the first number of a shared-symbol list is not read.
  "real/bc-vp-ubnd-laocai.docx": { precision: 1, recall: 0.98, dates: 1 },
  "real/cv-2019-sct-laocai-mo-da.doc": { precision: 1, recall: 1, dates: 1 },
  "real/cv-ubnd-laocai-chidao.docx": { precision: 1, recall: 1, dates: 1 },
  "real/cv-ubnd-laocai-vlncn-signed.pdf": { precision: 1, recall: 1, dates: 1 },
  "real/gm-ubnd-laocai.docx": { precision: 1, recall: 1, dates: 1 },
  "real/kh-sct-laocai-dean-08.docx": { precision: 1, recall: 1, dates: 1 },
  // The text is a poor OCR layer: most symbols are unreadable.
  "real/kh-stp-hcm-2021-bad-ocr.pdf": { precision: 1, recall: 0.1, dates: 0 },
  // Without OCR only the appendix has text, its table cells split symbols across columns.
  "real/qd-1629-qd-ubnd-laichau-mixed.pdf": { precision: 0.2, recall: 0.25, dates: 0 },
  "real/qd-1696-qd-ubnd-laocai-signed.pdf": { precision: 0.96, recall: 0.96, dates: 1 },
  // "6/12/2019" printed without "ngày" is not read as the date.
  "real/qd-ngaigiao-vni-font.pdf": { precision: 1, recall: 1, dates: 0.88 },
  "real/qd-ubnd-laocai-uyquyen-duthao.docx": { precision: 1, recall: 1, dates: 1 },
  "real/tb-1894-garbled-layer.pdf": { precision: 1, recall: 1, dates: 1 },
};

/** Annotated documents whose file is not in fixtures/ (too large, or not copied yet). */
const NOT_IN_FIXTURES = new Set([
  "real/cv-btp-phuluc-52pages-tables.pdf",
  "real/cv-ubnd-laocai-khoangsan.docx",
  "real/qd-2093-qd-byt-170pages.pdf",
  "real/ttr-sct-laocai-tienchat.docx",
]);

/** Micro-averaged over every document above: the extractor as a whole. */
const TOTAL_FLOOR = { precision: 0.96, recall: 0.93 };

interface Case {
  name: string;
  annotation: AnnotationFile;
  input: string | null;
}

function annotationFiles(dir: string, prefix = ""): Case[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): Case[] => {
    if (entry.isDirectory()) return annotationFiles(join(dir, entry.name), `${prefix}${entry.name}/`);
    if (!entry.name.endsWith(".citations.json")) return [];
    const annotation = JSON.parse(readFileSync(join(dir, entry.name), "utf8")) as AnnotationFile;
    return [{ name: `${prefix}${entry.name.replace(/\.citations\.json$/u, "")}`, annotation, input: inputOf(dir, annotation) }];
  });
}

/**
 * The document an annotation describes: a seed's `text` path; a corpus document's fixture
 * (fixtures/<stem>/input.<ext>); else the text extracted from it, kept beside the annotation.
 */
function inputOf(dir: string, annotation: AnnotationFile): string | null {
  if (annotation.text) return join(FIXTURES, "..", annotation.text);
  if (!annotation.document) return null;
  const file = basename(annotation.document);
  const stem = file.replace(/\.[a-z0-9]+$/u, "");
  const fixture = join(FIXTURES, stem, `input${file.slice(stem.length)}`);
  if (existsSync(fixture)) return fixture;
  const text = join(dir, `${stem}.txt`);
  return existsSync(text) ? text : null;
}

const CASES = annotationFiles(ANNOTATIONS).sort((a, b) => a.name.localeCompare(b.name));
const RUNNABLE = CASES.filter((c) => c.input !== null);

describe("hand annotations of citations, through parse", () => {
  it("every annotation is either scored here or listed as missing its document", () => {
    expect(RUNNABLE.map((c) => c.name)).toEqual(Object.keys(FLOORS).sort((a, b) => a.localeCompare(b)));
    expect(CASES.filter((c) => c.input === null).map((c) => c.name)).toEqual([...NOT_IN_FIXTURES].sort());
  });

  it.each(RUNNABLE.map((c) => [c.name, c] as const))("%s", async (name, c) => {
    const { record, score } = await scored(c);
    const floor = FLOORS[name];
    if (score.expected === 0) {
      // A document citing nothing: any citation found is wrong.
      expect(record.citations.map((x) => x.raw)).toEqual([]);
      return;
    }
    if (floor.precision === 1 && floor.recall === 1 && floor.dates === 1) {
      // A readable diff when a perfect document regresses.
      expect({ missed: score.missed, extra: score.extra, wrongDates: score.wrongDates }).toEqual({ missed: [], extra: [], wrongDates: [] });
    }
    expect(score.precision, `precision (extra: ${score.extra.join("; ")})`).toBeGreaterThanOrEqual(floor.precision);
    expect(score.recall, `recall (missed: ${score.missed.join("; ")})`).toBeGreaterThanOrEqual(floor.recall);
    expect(Number.isNaN(score.dateAccuracy) ? 1 : score.dateAccuracy, `dates (${score.wrongDates.join("; ")})`).toBeGreaterThanOrEqual(floor.dates);
    if (c.annotation.text) expectAnnotatedFields(record.citations, c.annotation);
  });

  it("micro-averaged precision and recall over all documents", async () => {
    const scores = await Promise.all(RUNNABLE.map(async (c) => (await scored(c)).score));
    const sum = (k: "expected" | "found" | "matched") => scores.reduce((n, s) => n + s[k], 0);
    expect(sum("matched") / sum("found")).toBeGreaterThanOrEqual(TOTAL_FLOOR.precision);
    expect(sum("matched") / sum("expected")).toBeGreaterThanOrEqual(TOTAL_FLOOR.recall);
  });
});

/** One parse per document, shared by its own test and the total (checked like every record). */
const parsed = new Map<string, Promise<{ record: VanBanDocument; score: Score }>>();
function scored(c: Case): Promise<{ record: VanBanDocument; score: Score }> {
  let p = parsed.get(c.name);
  if (!p) {
    p = parse(c.input!, { ocr: "never" }).then((r) => {
      const record = checkRecord(r);
      return { record, score: scoreCitations(record.citations, c.annotation.citations, c.annotation.complete !== false) };
    });
    parsed.set(c.name, p);
  }
  return p;
}

/**
 * Seeds: type, date, issuer, term, type correction and pinpoints of every annotated occurrence.
 * Paired as multisets per document key: the record may order a footnote's citations differently
 * from the source text the annotation follows.
 */
function expectAnnotatedFields(citations: Citation[], annotation: AnnotationFile): void {
  const FIELDS = ["type", "date", "issuer", "issuerTerm", "typeCorrection", "pinpoints"];
  const unused = new Map<string, Array<Record<string, unknown>>>();
  for (const c of citations) {
    const k = c.symbol ?? c.title ?? "";
    unused.set(k, [...(unused.get(k) ?? []), c as unknown as Record<string, unknown>]);
  }
  const unmatched: string[] = [];
  for (const a of annotation.citations as Array<Record<string, unknown>>) {
    const k = String(a.symbol ?? a.title);
    const want = Object.fromEntries(FIELDS.filter((f) => f in a).map((f) => [f, a[f]]));
    const pool = unused.get(k) ?? [];
    const at = pool.findIndex((c) => JSON.stringify(Object.fromEntries(Object.keys(want).map((f) => [f, c[f]]))) === JSON.stringify(want));
    if (at < 0) unmatched.push(`${k} ${JSON.stringify(want)}; found ${JSON.stringify(pool.map((c) => Object.fromEntries(Object.keys(want).map((f) => [f, c[f]]))))}`);
    else pool.splice(at, 1);
  }
  expect(unmatched).toEqual([]);
}
