/**
 * Precision, recall and date accuracy of the citations extractor against a hand annotation.
 *
 *   npx tsx scripts/measure-citations.ts TEXT_FILE ANNOTATION_JSON [--merge-wrapped]
 *   npx tsx scripts/measure-citations.ts --all [--real DIR]
 *     every fixtures/annotations/**.citations.json: a seed's text is read from its "text" path;
 *     a real document's ("document": "corpus/real/<file>") from DIR/<file>.txt, the text
 *     extracted beforehand (pdftotext -layout, mammoth, word-extractor; see the annotation)
 *
 * The text is cut into one unit per paragraph on blank lines (a paragraph starting with
 * "Căn cứ" is a preamble unit). `--merge-wrapped` also joins a paragraph to the previous one
 * when the blank line falls inside a sentence (PDF text wrapped mid-sentence), as the
 * structure stage will (next paragraph in lower case, or the previous one ending on "của", "và" …).
 *
 * An annotation file: { "text": "<path from the repo root>", "citations": [ { "symbol" | "title",
 * "type", "date", "issuer"?, "count"? } … ] }, one entry per occurrence in text order, or one
 * entry with "count" for a document cited many times (large tables). Matching is by document
 * key (canonical symbol, else folded name): each key's occurrences are paired in text order.
 * Date accuracy counts the matched pairs whose annotation gives a date field (null included).
 * With "complete": false (a long tail of documents left out), precision counts only the
 * citations of annotated documents.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ExtractContext, TextUnit } from "../src/extract/context.js";
import { extractCitations } from "../src/extract/citations/index.js";
import { documentKey } from "../src/extract/citations/resolve-citations.js";
import { foldKey } from "../src/text/fold.js";
import type { Citation } from "../src/schema/citation.js";

export interface AnnotatedCitation {
  symbol?: string;
  title?: string;
  self?: boolean;
  type?: string | null;
  date?: string | null;
  issuer?: string | null;
  count?: number;
}

export interface AnnotationFile {
  /** Seed fixtures: the text file, from the repository root. */
  text?: string;
  /** Real documents: "corpus/real/<file>", whose extracted text is given with `--real`. */
  document?: string;
  /** False when only some of the cited documents are annotated. */
  complete?: boolean;
  citations: AnnotatedCitation[];
}

export interface Score {
  expected: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  /** Matched pairs with an annotated date whose extracted date is the same; NaN when none. */
  dateAccuracy: number;
  datePairs: number;
  typeAccuracy: number;
  issuerAccuracy: number;
  missed: string[];
  extra: string[];
  wrongDates: string[];
}

function annotationKey(a: AnnotatedCitation): string {
  if (a.self) return "self";
  if (a.symbol) return `symbol:${a.symbol}`;
  if (a.title) return `title:${foldKey(a.title)}`;
  throw new Error(`Annotation without symbol, title or self: ${JSON.stringify(a)}`);
}

function ratio(n: number, d: number): number {
  return d === 0 ? Number.NaN : n / d;
}

/** Scores extracted citations against an annotation (see the file comment for the rules). */
export function scoreCitations(found: Citation[], annotations: AnnotatedCitation[], complete = true): Score {
  const expectedByKey = new Map<string, AnnotatedCitation[]>();
  for (const a of annotations) {
    const key = annotationKey(a);
    const list = expectedByKey.get(key) ?? [];
    for (let k = 0; k < (a.count ?? 1); k++) list.push(a);
    expectedByKey.set(key, list);
  }
  const foundByKey = new Map<string, Citation[]>();
  for (const c of found) {
    const key = documentKey(c) ?? `ref:${c.type}`;
    const list = foundByKey.get(key) ?? [];
    list.push(c);
    foundByKey.set(key, list);
  }
  let expected = 0;
  let matched = 0;
  let datePairs = 0;
  let dateRight = 0;
  let typePairs = 0;
  let typeRight = 0;
  let issuerPairs = 0;
  let issuerRight = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  const wrongDates: string[] = [];
  for (const [key, list] of expectedByKey) {
    expected += list.length;
    const got = foundByKey.get(key) ?? [];
    const pairs = Math.min(list.length, got.length);
    matched += pairs;
    if (list.length > got.length) missed.push(`${key} ×${list.length - got.length}`);
    for (let i = 0; i < pairs; i++) {
      const a = list[i];
      const c = got[i];
      if (a.date !== undefined) {
        datePairs++;
        if (c.date === a.date) dateRight++;
        else wrongDates.push(`${key}: expected ${a.date}, got ${c.date}`);
      }
      if (a.type !== undefined) {
        typePairs++;
        if (c.type === a.type) typeRight++;
      }
      if (a.issuer !== undefined) {
        issuerPairs++;
        if (c.issuer === a.issuer) issuerRight++;
      }
    }
  }
  let counted = 0;
  for (const [key, got] of foundByKey) {
    const want = expectedByKey.get(key)?.length;
    if (want === undefined && !complete) continue;
    counted += got.length;
    if (got.length > (want ?? 0)) extra.push(`${key} ×${got.length - (want ?? 0)} (${got[want ?? 0].raw.replace(/\s+/gu, " ").slice(0, 80)})`);
  }
  return {
    expected,
    found: counted,
    matched,
    precision: ratio(matched, counted),
    recall: ratio(matched, expected),
    dateAccuracy: ratio(dateRight, datePairs),
    datePairs,
    typeAccuracy: ratio(typeRight, typePairs),
    issuerAccuracy: ratio(issuerRight, issuerPairs),
    missed,
    extra,
    wrongDates,
  };
}

const SENTENCE_END = /[.:;!?…)"”»]\s*$|\/\.\s*$/u;
const STARTS_LOWER = /^\s*[\p{Ll}]/u;
/** A paragraph cannot end on these words: the next one continues the sentence ("của \n\nThủ tướng"). */
const ENDS_MID_SENTENCE =
  /(?<![\p{L}\p{M}])(?:của|và|số|ngày|tháng|năm|tại|theo|với|về|các|những|cho|là|được|đã|để|trong|từ|đến)\s*$/iu;

/**
 * One unit per paragraph (split on blank lines). With `mergeWrapped`, a paragraph whose
 * previous one does not end a sentence and which starts in lower case continues it.
 */
export function contextFromText(text: string, options: { mergeWrapped?: boolean } = {}): ExtractContext {
  const pieces: Array<[number, number]> = [];
  let last = 0;
  for (const m of text.matchAll(/\n[ \t\u00A0]*\n/gu)) {
    pieces.push([last, m.index]);
    last = m.index + m[0].length;
  }
  pieces.push([last, text.length]);
  const trimmed = pieces
    .map(([s, e]): [number, number] => {
      while (s < e && /\s/u.test(text[s])) s++;
      while (e > s && /\s/u.test(text[e - 1])) e--;
      return [s, e];
    })
    .filter(([s, e]) => e > s);
  const merged: Array<[number, number]> = [];
  for (const piece of trimmed) {
    const prev = merged[merged.length - 1];
    if (
      options.mergeWrapped &&
      prev &&
      !SENTENCE_END.test(text.slice(prev[0], prev[1])) &&
      (STARTS_LOWER.test(text.slice(piece[0], piece[1])) || ENDS_MID_SENTENCE.test(text.slice(prev[0], prev[1])))
    ) {
      prev[1] = piece[1];
    } else merged.push([...piece]);
  }
  const units: TextUnit[] = merged.map(([start, end]) => ({
    span: { start, end },
    role: /^\s*căn\s+cứ/iu.test(text.slice(start, end)) ? "preamble" : "paragraph",
    sectionId: null,
    footnote: null,
  }));
  return { text, units, docType: { code: null, name: null }, warnings: [] };
}

export function measureFile(textPath: string, annotation: AnnotationFile, mergeWrapped: boolean): Score {
  const text = readFileSync(textPath, "utf8").normalize("NFC");
  const ctx = contextFromText(text, { mergeWrapped });
  return scoreCitations(extractCitations(ctx), annotation.citations, annotation.complete !== false);
}

/** Where the text of an annotated document is: its "text" path, or DIR/<file>.txt with `--real DIR`. */
function textPathOf(root: string, annotation: AnnotationFile, realDir: string | null): string | null {
  if (annotation.text) return resolve(root, annotation.text);
  if (annotation.document && realDir) return join(realDir, `${annotation.document.split("/").pop()}.txt`);
  return null;
}

function pct(x: number): string {
  return Number.isNaN(x) ? "  n/a" : `${(x * 100).toFixed(1).padStart(5)}%`;
}

function report(label: string, s: Score, verbose: boolean): void {
  console.log(
    `${label.padEnd(48)} expected ${String(s.expected).padStart(4)}  found ${String(s.found).padStart(4)}  ` +
      `P ${pct(s.precision)}  R ${pct(s.recall)}  date ${pct(s.dateAccuracy)} (${s.datePairs})  ` +
      `type ${pct(s.typeAccuracy)}  issuer ${pct(s.issuerAccuracy)}`,
  );
  if (verbose) {
    for (const m of s.missed) console.log(`    missed  ${m}`);
    for (const e of s.extra) console.log(`    extra   ${e}`);
    for (const w of s.wrongDates) console.log(`    date    ${w}`);
  }
}

function findAnnotationFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findAnnotationFiles(p));
    else if (name.endsWith(".citations.json")) out.push(p);
  }
  return out.sort();
}

function main(argv: string[]): void {
  const verbose = argv.includes("--verbose") || argv.includes("-v");
  const mergeWrapped = argv.includes("--merge-wrapped");
  const realAt = argv.indexOf("--real");
  const realDir = realAt >= 0 ? resolve(argv[realAt + 1] ?? ".") : null;
  const args = argv.filter((a, i) => !a.startsWith("-") && !(realAt >= 0 && i === realAt + 1));
  const root = resolve(import.meta.dirname, "..");
  if (argv.includes("--all")) {
    const total = { expected: 0, found: 0, matched: 0, datePairs: 0, dateRight: 0 };
    for (const file of findAnnotationFiles(join(root, "fixtures", "annotations"))) {
      const annotation = JSON.parse(readFileSync(file, "utf8")) as AnnotationFile;
      const textPath = textPathOf(root, annotation, realDir);
      const label = relative(join(root, "fixtures", "annotations"), file).replace(/\.citations\.json$/u, "");
      if (!textPath || !existsSync(textPath)) {
        console.log(`${label.padEnd(48)} (text not available${realDir ? "" : ": pass --real DIR"})`);
        continue;
      }
      const s = measureFile(textPath, annotation, mergeWrapped);
      report(label, s, verbose);
      total.expected += s.expected;
      total.found += s.found;
      total.matched += s.matched;
      total.datePairs += s.datePairs;
      if (!Number.isNaN(s.dateAccuracy)) total.dateRight += Math.round(s.dateAccuracy * s.datePairs);
    }
    console.log(
      `${"TOTAL (micro-averaged)".padEnd(48)} expected ${String(total.expected).padStart(4)}  found ${String(total.found).padStart(4)}  ` +
        `P ${pct(ratio(total.matched, total.found))}  R ${pct(ratio(total.matched, total.expected))}  ` +
        `date ${pct(ratio(total.dateRight, total.datePairs))} (${total.datePairs})`,
    );
    return;
  }
  if (args.length !== 2) {
    console.error("usage: measure-citations.ts TEXT_FILE ANNOTATION_JSON [--merge-wrapped] [--verbose] | --all");
    process.exitCode = 2;
    return;
  }
  const annotation = JSON.parse(readFileSync(args[1], "utf8")) as AnnotationFile;
  report(args[0], measureFile(args[0], annotation, mergeWrapped), true);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
