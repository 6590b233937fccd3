/**
 * Measures `extractTargets` against hand annotations: precision, recall, comparator accuracy.
 *
 *   npx tsx scripts/measure-targets.ts fixtures/annotations/002_003d8d7c1a93ab94.targets.json [more.json …]
 *   npx tsx scripts/measure-targets.ts --text some.txt --doc-type KH annotation.json
 *
 * An annotation file names its text (relative to the annotation), the document type, how to cut
 * the text into units, an optional scope (only figures found between two anchors count), and the
 * expected targets. Each target is located by a `quote` of its clause and the `valueText` inside
 * it (whitespace-insensitive, so hard-wrapped text can be quoted on one line).
 *
 * A prediction matches an annotation when their value spans overlap and the values are equal.
 * Precision = matched / predicted (in scope); recall = matched / annotated; comparator, unit and
 * direction accuracy are over matched pairs.
 *
 * Also exports the plain-text context builder the tests use: the real pipeline provides better
 * units; this one is good enough for seeds and extracted text.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractContext, TextUnit } from "../src/extract/context.js";
import { extractTargets } from "../src/extract/targets/index.js";
import type { Comparator, Target } from "../src/schema/target.js";

export interface AnnotatedTarget {
  quote: string;
  valueText: string;
  /** Which occurrence of `quote` (0-based) when it is printed more than once. */
  occurrence?: number;
  indicator: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string | null;
  direction: "increase" | "decrease" | null;
}

export interface Annotation {
  /** Text file, relative to the annotation file. */
  text: string;
  source: string;
  docType: { code: string | null; name: string | null };
  /** true: join hard-wrapped lines into paragraphs (text from PDF); false: one unit per line. */
  joinWrapped: boolean;
  /** Only figures between these anchors are scored (null: the whole text). */
  scope: { from: string; to: string | null } | null;
  targets: AnnotatedTarget[];
  notes?: string[];
}

// ---------------------------------------------------------------------------------------------
// Plain-text context builder
// ---------------------------------------------------------------------------------------------

const PART = /^Phần\s+thứ\s+(nhất|hai|ba|tư|năm|sáu|bảy)(?![\p{L}])/iu;
const PART_NUMBER: Record<string, number> = { nhất: 1, hai: 2, ba: 3, tư: 4, năm: 5, sáu: 6, bảy: 7 };
const ROMAN = /^([IVX]{1,5})\.\s+\S/u;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,2})\.\s+(\S.*)$/u;
const LIST_START = /^(?:[-+•*–]\s|\d{1,2}(?:\.\d{1,2}){0,2}[.)]\s|[a-zđ]\)\s|<sup>|\uFFFD)/u;
const FOOTNOTE_MD = /^<sup>\((?<label>\d{1,3})\)<\/sup>/u;
const FOOTNOTE_ENDNOTE = /^\s*\uFFFD/u;

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      out.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

/** Markdown decoration around a line: "#### **I. Kết quả**" → "I. Kết quả". */
function bare(line: string): string {
  return line.trim().replace(/^#{1,6}\s*/u, "").replace(/^\*\*|\*\*$/gu, "").replace(/^\*\*/u, "").trim();
}

function isUpperLine(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return upper / letters.length > 0.85;
}

/**
 * Builds an ExtractContext from plain text: heading units for "Phần thứ …", "II. …", short
 * numbered headings ("1. Mục tiêu:") and markdown headings; footnote units for "<sup>(n)</sup>"
 * and "�" endnotes; paragraph units otherwise. `joinWrapped` joins hard-wrapped lines (even
 * across blank lines) until a line ends a sentence or a list item starts. Section ids are paths:
 * part "P4", roman "P4.II" (just "II" without parts), numbered "P4.II.1".
 */
export function buildPlainContext(
  text: string,
  docType: ExtractContext["docType"] = { code: null, name: null },
  joinWrapped = true,
): ExtractContext {
  const units: TextUnit[] = [];
  const lines = linesOf(text);
  let part: string | null = null;
  let roman: string | null = null;
  let numbered: string | null = null;
  let endnote = 0;
  let open: TextUnit | null = null;
  let afterPart = false;

  const sectionId = (): string | null => {
    const base = [part, roman].filter(Boolean).join(".");
    if (numbered) return base ? `${base}.${numbered}` : numbered;
    return base || null;
  };
  const close = () => {
    open = null;
  };
  const push = (unit: TextUnit) => {
    units.push(unit);
    return unit;
  };

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const trimmed = line.text.trim();
    if (!trimmed) {
      if (!joinWrapped) close();
      continue;
    }
    const first = line.start + line.text.indexOf(trimmed.charAt(0));
    const last = line.start + line.text.lastIndexOf(trimmed.charAt(trimmed.length - 1)) + 1;
    const b = bare(trimmed);
    const markdownHeading = /^#{1,6}\s/u.test(trimmed);

    let heading: string | null = null;
    const partMatch = PART.exec(b);
    if (partMatch) {
      part = `P${PART_NUMBER[partMatch[1].toLowerCase()] ?? 0}`;
      roman = null;
      numbered = null;
      heading = part;
      afterPart = true;
    } else if (ROMAN.test(b)) {
      roman = ROMAN.exec(b)![1];
      numbered = null;
      heading = sectionId();
      afterPart = false;
    } else if (NUMBERED.test(b) && (markdownHeading || /:\s*$/u.test(b) || (b.length <= 60 && !/[.;,]$/u.test(b)))) {
      numbered = NUMBERED.exec(b)![1];
      heading = sectionId();
      afterPart = false;
    } else if (afterPart && isUpperLine(b)) {
      heading = part;
    } else if (markdownHeading) {
      heading = sectionId();
      afterPart = false;
    } else {
      afterPart = false;
    }

    if (heading !== null || markdownHeading) {
      close();
      push({ span: { start: first, end: last }, role: "heading", sectionId: heading, footnote: null });
      continue;
    }

    const fn = FOOTNOTE_MD.exec(trimmed);
    if (fn || FOOTNOTE_ENDNOTE.test(trimmed)) {
      close();
      // Markdown footnotes sit where the converter put them (inside their section); "�" endnotes
      // are gathered at the end of the document and belong to no section.
      const label = fn ? fn.groups!.label : String(++endnote);
      open = push({ span: { start: first, end: last }, role: "footnote", sectionId: fn ? sectionId() : null, footnote: label });
      continue;
    }

    const prev = open as TextUnit | null;
    const prevEndsSentence = prev !== null && /[.;:!?]["”)*]*$/u.test(text.slice(prev.span.start, prev.span.end));
    if (prev && joinWrapped && !prevEndsSentence && !LIST_START.test(trimmed)) {
      prev.span.end = last;
      continue;
    }
    open = push({ span: { start: first, end: last }, role: "paragraph", sectionId: sectionId(), footnote: null });
  }
  return { text, units, docType, warnings: [] };
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

function looseRegex(quote: string): RegExp {
  const words = quote.trim().split(/\s+/u).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(words.join("\\s+"), "gu");
}

/** Span of `valueText` inside the `occurrence`-th match of `quote`. Throws when absent: a broken annotation. */
export function locateValue(text: string, t: Pick<AnnotatedTarget, "quote" | "valueText" | "occurrence">): { start: number; end: number } {
  const re = looseRegex(t.quote);
  let m: RegExpExecArray | null = null;
  for (let i = 0; i <= (t.occurrence ?? 0); i++) {
    m = re.exec(text);
    if (!m) throw new Error(`quote not found: ${t.quote}`);
  }
  const inner = looseRegex(t.valueText);
  const v = inner.exec(m![0]);
  if (!v) throw new Error(`valueText "${t.valueText}" not in quote: ${t.quote}`);
  return { start: m!.index + v.index, end: m!.index + v.index + v[0].length };
}

export function scopeOf(text: string, a: Annotation): { start: number; end: number } {
  if (!a.scope) return { start: 0, end: text.length };
  const from = looseRegex(a.scope.from).exec(text);
  if (!from) throw new Error(`scope.from not found: ${a.scope.from}`);
  let end = text.length;
  if (a.scope.to) {
    const re = looseRegex(a.scope.to);
    re.lastIndex = from.index;
    const to = re.exec(text);
    if (!to) throw new Error(`scope.to not found: ${a.scope.to}`);
    end = to.index;
  }
  return { start: from.index, end };
}

export interface Score {
  annotated: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  comparatorAccuracy: number;
  unitAccuracy: number;
  directionAccuracy: number;
  misses: AnnotatedTarget[];
  extras: Target[];
  wrong: Array<{ expected: AnnotatedTarget; got: Target; fields: string[] }>;
}

const sameUnit = (a: string | null, b: string | null) =>
  (a ?? "").normalize("NFC").replace(/\s+/g, " ").toLowerCase() === (b ?? "").normalize("NFC").replace(/\s+/g, " ").toLowerCase();

export function scoreTargets(text: string, a: Annotation, predictedAll: Target[]): Score {
  const scope = scopeOf(text, a);
  const predicted = predictedAll.filter((p) => p.valueSpan.start >= scope.start && p.valueSpan.start < scope.end);
  const used = new Set<Target>();
  const misses: AnnotatedTarget[] = [];
  const wrong: Score["wrong"] = [];
  let comparatorOk = 0;
  let unitOk = 0;
  let directionOk = 0;
  for (const t of a.targets) {
    const span = locateValue(text, t);
    const hit = predicted.find(
      (p) => !used.has(p) && p.valueSpan.start < span.end && span.start < p.valueSpan.end && Math.abs(p.value - t.value) < 1e-9,
    );
    if (!hit) {
      misses.push(t);
      continue;
    }
    used.add(hit);
    const fields: string[] = [];
    if (hit.comparator === t.comparator) comparatorOk++;
    else fields.push(`comparator ${hit.comparator} ≠ ${t.comparator}`);
    if (sameUnit(hit.unit, t.unit)) unitOk++;
    else fields.push(`unit ${hit.unit} ≠ ${t.unit}`);
    if (hit.direction === t.direction) directionOk++;
    else fields.push(`direction ${hit.direction} ≠ ${t.direction}`);
    if ((hit.valueMax ?? null) !== (t.valueMax ?? null)) fields.push(`valueMax ${hit.valueMax} ≠ ${t.valueMax}`);
    if (fields.length) wrong.push({ expected: t, got: hit, fields });
  }
  const matched = used.size;
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    annotated: a.targets.length,
    predicted: predicted.length,
    matched,
    precision: ratio(matched, predicted.length),
    recall: ratio(matched, a.targets.length),
    comparatorAccuracy: ratio(comparatorOk, matched),
    unitAccuracy: ratio(unitOk, matched),
    directionAccuracy: ratio(directionOk, matched),
    misses,
    extras: predicted.filter((p) => !used.has(p)),
    wrong,
  };
}

export function loadAnnotation(path: string): { annotation: Annotation; text: string } {
  const annotation = JSON.parse(readFileSync(path, "utf8")) as Annotation;
  const text = readFileSync(resolve(dirname(path), annotation.text), "utf8");
  return { annotation, text };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function main(argv: string[]): void {
  let textOverride: string | null = null;
  let docTypeOverride: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--text") textOverride = argv[++i];
    else if (argv[i] === "--doc-type") docTypeOverride = argv[++i];
    else files.push(argv[i]);
  }
  if (files.length === 0) {
    console.error("usage: measure-targets [--text FILE] [--doc-type CODE] ANNOTATION.json …");
    process.exitCode = 2;
    return;
  }
  for (const file of files) {
    const loaded = loadAnnotation(file);
    const text = textOverride ? readFileSync(textOverride, "utf8") : loaded.text;
    const a = loaded.annotation;
    const docType = docTypeOverride ? { code: docTypeOverride, name: null } : a.docType;
    const ctx = buildPlainContext(text, docType, a.joinWrapped);
    const { targets, results } = extractTargets(ctx);
    const s = scoreTargets(text, a, targets);
    console.log(`\n${a.source}`);
    console.log(
      `  annotated ${s.annotated}  predicted ${s.predicted}  matched ${s.matched}  ` +
        `precision ${pct(s.precision)}  recall ${pct(s.recall)}  comparator ${pct(s.comparatorAccuracy)}  ` +
        `unit ${pct(s.unitAccuracy)}  direction ${pct(s.directionAccuracy)}  (results found: ${results.length})`,
    );
    for (const m of s.misses) console.log(`  MISS  ${m.valueText}  in "${m.quote}"`);
    for (const e of s.extras) console.log(`  EXTRA ${text.slice(e.valueSpan.start, e.valueSpan.end)}  [${e.comparator}] ${e.indicator}`);
    for (const w of s.wrong) console.log(`  WRONG ${w.expected.valueText}: ${w.fields.join("; ")}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
