/**
 * Field accuracy on real scans (issue 14): parses the first document of each hand-annotated scan
 * (fixtures/annotations/scans/*.json: the 12 scans of ../shared/corpus/lamdong and the 2 scanned
 * fixtures) with `ocr: "always"` on the annotated pages only, and compares field by field.
 * Not a test: it reads ../shared and OCRs 14 pages (minutes on a shared machine).
 *
 *   npx tsx scripts/score-scan-fields.ts [--json out.json] [--only NAME] [--from out.json]
 *     --json   write the per-document values, misses and timings
 *     --only   documents whose name contains NAME
 *     --from   score again the values of an earlier --json run (no OCR; after editing annotations)
 *
 * Scoring: issuer is "parent / name" (the record's `header.issuer`, the parent printed above the
 * name), compared after NFC, classic tone placement, whitespace runs and case; subject, place,
 * type name and signer the same way (subject also drops a trailing "." and a leading "V/v"/"Về
 * việc"); number, symbol (spaces removed) and date exactly. A field the annotation marks
 * `{"handwritten": true}` is right when the record gives null (the number/date warning says it
 * could not be read); a field annotated null is right when the record gives null. Pages that are
 * not an administrative document (đơn, danh sách, a form) are scored apart.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { foldTones, parse } from "../src/index.js";
import { terminateOcr } from "../src/sources/ocr/index.js";

const FIELDS = ["issuer", "number", "symbol", "place", "date", "type", "subject", "signer"] as const;
type Field = (typeof FIELDS)[number];
type Expected = string | null | { handwritten: true };

interface ScanAnnotation {
  /** Path from the repository root: "../shared/corpus/lamdong/…pdf" or "fixtures/…/input.pdf". */
  file: string;
  /** Pages the first document spans (1 or 2): what is parsed. */
  pages: number;
  /** False for a page that is not an administrative document (đơn, danh sách, a form). */
  document: boolean;
  note?: string;
  fields: Record<Field, Expected>;
}

interface Produced {
  values: Record<Field, string | null>;
  warnings: string[];
  seconds: number;
  pages: number;
}

const { values: args } = parseArgs({ options: { json: { type: "string" }, only: { type: "string" }, from: { type: "string" } } });
const ROOT = join(import.meta.dirname, "..");
const DIR = join(ROOT, "fixtures/annotations/scans");
const annotations = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/u, ""), ...(JSON.parse(readFileSync(join(DIR, f), "utf8")) as ScanAnnotation) }))
  .filter((a) => !args.only || a.name.includes(args.only));

const earlier = args.from ? (JSON.parse(readFileSync(args.from, "utf8")) as { documents: Array<{ name: string; produced: Produced }> }).documents : null;

const normalize = (s: string): string => foldTones(s.normalize("NFC")).replace(/[“”]/gu, '"').replace(/[–—]/gu, "-").replace(/\s+/gu, " ").trim().toLowerCase();
const normalizeSubject = (s: string): string => normalize(s).replace(/^(?:v\/v|về việc)\s*/u, "").replace(/\.$/u, "");

function sameValue(field: Field, expected: string, produced: string): boolean {
  switch (field) {
    case "number":
    case "date":
      return expected === produced;
    case "symbol":
      return expected.replace(/\s+/gu, "") === produced.replace(/\s+/gu, "");
    case "subject":
      return normalizeSubject(expected) === normalizeSubject(produced);
    default:
      return normalize(expected) === normalize(produced);
  }
}

function isRight(field: Field, expected: Expected, produced: string | null): boolean {
  if (expected === null || (typeof expected === "object" && expected.handwritten)) return produced === null;
  return produced !== null && sameValue(field, expected as string, produced);
}

async function produce(a: ScanAnnotation): Promise<Produced> {
  const start = performance.now();
  const r = await parse(join(ROOT, a.file), { maxPages: a.pages, ocr: "always", timeout: 600_000 });
  const seconds = (performance.now() - start) / 1000;
  const h = r.header;
  const issuer = h ? [h.issuer.parent, h.issuer.name].filter((s): s is string => Boolean(s)).join(" / ") || null : null;
  return {
    values: {
      issuer,
      number: h?.number ?? null,
      symbol: h?.symbol ?? null,
      place: h?.place ?? null,
      date: h?.date ?? null,
      type: r.type.name,
      subject: r.subject,
      // The annotations write the line as printed: a rank before the name is part of it.
      signer: r.signature?.signer ? [r.signature.signerRank, r.signature.signer].filter(Boolean).join(" ") : null,
    },
    warnings: r.warnings.filter((w) => w.code.startsWith("header_") || w.code === "ocr_failed").map((w) => `${w.code}: ${w.message}`),
    seconds: Math.round(seconds * 10) / 10,
    pages: a.pages,
  };
}

const documents: Array<{ name: string; document: boolean; produced: Produced; misses: Array<{ field: Field; expected: Expected; produced: string | null }> }> = [];
for (const a of annotations) {
  const produced = earlier?.find((d) => d.name === a.name)?.produced ?? (await produce(a));
  const misses = FIELDS.filter((f) => !isRight(f, a.fields[f], produced.values[f])).map((f) => ({ field: f, expected: a.fields[f], produced: produced.values[f] }));
  documents.push({ name: a.name, document: a.document, produced, misses });
  process.stderr.write(`${a.name}: ${FIELDS.length - misses.length}/${FIELDS.length} right, ${produced.seconds} s\n`);
}
await terminateOcr();

const show = (v: Expected): string => (v === null ? "null" : typeof v === "object" ? "(handwritten)" : JSON.stringify(v));
const accuracy = (docs: typeof documents) =>
  Object.fromEntries(FIELDS.map((f) => [f, { right: docs.filter((d) => !d.misses.some((m) => m.field === f)).length, of: docs.length }]));
const administrative = documents.filter((d) => d.document);
const other = documents.filter((d) => !d.document);
const summary = { administrative: accuracy(administrative), notDocuments: accuracy(other) };
const pages = documents.reduce((n, d) => n + d.produced.pages, 0);
const seconds = documents.reduce((n, d) => n + d.produced.seconds, 0);

console.log(`| field | administrative (${administrative.length}) | not a document (${other.length}) |`);
console.log("|---|---|---|");
for (const f of FIELDS) {
  const a = summary.administrative[f];
  const o = summary.notDocuments[f];
  console.log(`| ${f} | ${a.right}/${a.of} | ${o.right}/${o.of} |`);
}
const allRight = (docs: typeof documents) => docs.reduce((n, d) => n + FIELDS.length - d.misses.length, 0);
console.log(`| all fields | ${allRight(administrative)}/${administrative.length * FIELDS.length} | ${allRight(other)}/${other.length * FIELDS.length} |`);
console.log(`\n${pages} pages, ${seconds.toFixed(1)} s, ${(seconds / Math.max(1, pages)).toFixed(1)} s/page${earlier ? " (timings of the --from run)" : ""}\n`);
for (const d of documents) {
  if (d.misses.length === 0) continue;
  console.log(`${d.name}${d.document ? "" : " (not a document)"}:`);
  for (const m of d.misses) console.log(`  ${m.field}: expected ${show(m.expected)}, got ${m.produced === null ? "null" : JSON.stringify(m.produced)}`);
  for (const w of d.produced.warnings) console.log(`  [${w}]`);
}
if (args.json) writeFileSync(args.json, JSON.stringify({ summary, pages, seconds, documents }, null, 2) + "\n");
