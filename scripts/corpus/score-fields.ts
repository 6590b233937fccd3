// Scoring rules of the annotation scorer (issue 11): how each annotated field is compared with
// the record vanban produces for the same file.
//
// Every text is first normalized: Unicode NFC, classic tone placement ("hoà" = "hòa": the same
// word printed in the other convention), curly quotes to straight, en/em dashes to "-", runs of
// whitespace to one space, trimmed. Beyond that:
// - Case-insensitive where capitals are typography, not content: issuer name and parent, place,
//   type name, title, addressees, recipient names and purposes, signature authorities, position
//   and signer (a DOCX may store "Sở Nội vụ" and render it in capitals; the page shows capitals).
// - Case-sensitive where case is content: number, symbol ("TTr" is Tờ trình, "TT" Thông tư),
//   archive codes, section labels ("a" vs "A"), subject (sentence text, read as printed), dates.
// - List items (addressees, recipients, archive) drop a leading "-"/"+" and trailing ".;,:" before
//   comparison; the subject drops one trailing ".". Purposes drop their parentheses.
// - A field is right only when it equals the annotation exactly after this; lists must match
//   item for item in order. Both null counts as right (the document does not have it).
// - A field absent from the annotation (key missing) is not scored for that document.
// - header.year: the record's header.year, else the year of header.date.
// - signature.*: when the annotation has no signature, each part is right only if the record has
//   none either.
// - Citations: the annotated citations with a symbol against the record's distinct non-self
//   symbols (spaces removed, case kept): precision, recall, and on matched symbols the accuracy of
//   date (exact ISO, null = null) and issuer (case-insensitive). Citations by name only are not
//   scored. Targets: matched on (comparator, value, unit case-insensitively) as a multiset: the
//   indicator's wording is not scored. Both summed over documents (micro-average).
import { foldTones } from "../../src/index.js";
import type { ParsedRecord } from "./isolated-parser.js";
import type { Annotation } from "./annotations.js";

export const FIELDS = [
  "header.issuerName",
  "header.issuerParent",
  "header.number",
  "header.symbol",
  "header.place",
  "header.date",
  "header.year",
  "type",
  "title",
  "subject",
  "addressees",
  "recipients.names",
  "recipients.purposes",
  "archive",
  "signature.authorities",
  "signature.position",
  "signature.signer",
  "topSections.labels",
] as const;
export type Field = (typeof FIELDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface DocumentScore {
  file: string;
  split: "dev" | "holdout";
  /** Per field: right, wrong, or null when the annotation does not give it. */
  fields: Partial<Record<Field, boolean>>;
  /** Annotated vs produced values of the wrong fields, for reading. */
  misses: Array<{ field: string; expected: unknown; actual: unknown }>;
  citations: Counts & { dateRight: number; issuerRight: number };
  targets: Counts;
}

export function normalize(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = foldTones(s.normalize("NFC"))
    .replace(/[“”„‟]/g, '"')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  return t === "" ? null : t;
}
const folded = (s: string | null | undefined): string | null => normalize(s)?.toLowerCase() ?? null;
const item = (s: string): string => (normalize(s) ?? "").replace(/^[-+•]\s*/, "").replace(/[.;,:]+$/, "").trim();
const purpose = (s: string | null | undefined): string | null => {
  const t = folded(s)?.replace(/^\(|\)$/g, "").trim();
  return t ? t : null;
};
const symbolKey = (s: string | null | undefined): string | null => (s ? normalize(s)!.replace(/\s+/g, "") : null);
const sameList = (a: Array<string | null>, b: Array<string | null>): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function scoreDocument(a: Annotation, record: ParsedRecord): DocumentScore {
  const r = firstText(record);
  const fields: DocumentScore["fields"] = {};
  const misses: DocumentScore["misses"] = [];
  const judge = (field: Field, expected: unknown, actual: unknown, right: boolean): void => {
    fields[field] = right;
    if (!right) misses.push({ field, expected, actual });
  };
  const compare = (field: Field, expected: string | null | undefined, actual: string | null, key: (s: string | null | undefined) => string | null): void => {
    if (expected === undefined) return;
    judge(field, expected, actual, key(expected) === key(actual));
  };

  const h = a.header ?? {};
  compare("header.issuerName", h.issuerName, r.header.issuer.name, folded);
  compare("header.issuerParent", h.issuerParent, r.header.issuer.parent, folded);
  compare("header.number", h.number, r.header.number, normalize);
  compare("header.symbol", h.symbol, r.header.symbol, symbolKey);
  compare("header.place", h.place, r.header.place, folded);
  compare("header.date", h.date, r.header.date, normalize);
  if (h.year !== undefined) {
    const year = r.header.year ?? (r.header.date ? Number(r.header.date.slice(0, 4)) : null);
    judge("header.year", h.year, year, (h.year ?? null) === year);
  }
  if (a.type !== undefined) {
    const expected = a.type ?? { code: null, name: null };
    judge("type", expected, r.type, folded(expected.name) === folded(r.type.name) && (expected.code ?? null) === r.type.code);
  }
  compare("title", a.title, r.title, folded);
  compare("subject", a.subject, r.subject, (s) => normalize(s)?.replace(/\.$/, "") ?? null);
  if (a.addressees !== undefined) {
    const [e, g] = [a.addressees.map((x) => item(x).toLowerCase()), r.addressees.map((x) => item(x.name).toLowerCase())];
    judge("addressees", a.addressees, r.addressees.map((x) => x.name), sameList(e, g));
  }
  if (a.recipients !== undefined) {
    const [e, g] = [a.recipients.map((x) => item(x.name).toLowerCase()), r.recipients.map((x) => item(x.name).toLowerCase())];
    judge("recipients.names", a.recipients.map((x) => x.name), r.recipients.map((x) => x.name), sameList(e, g));
    const [ep, gp] = [a.recipients.map((x) => purpose(x.purpose)), r.recipients.map((x) => purpose(x.purpose))];
    judge("recipients.purposes", a.recipients.map((x) => x.purpose), r.recipients.map((x) => x.purpose), sameList(ep, gp));
  }
  if (a.archive !== undefined) {
    const actual = r.archive?.copies ?? null;
    const right = a.archive === null || actual === null ? a.archive === actual : sameList(a.archive.map(item), actual.map(item));
    judge("archive", a.archive, actual, right);
  }
  if (a.signature !== undefined) {
    const s = a.signature;
    const g = r.signature;
    const authorities = (list: Array<{ mode: string; title: string }>): string[] => list.map((x) => `${x.mode.replace(/\.$/, "").toUpperCase()}. ${folded(x.title)}`);
    judge("signature.authorities", s?.authorities ?? null, g?.authorities ?? null,
      s === null || g === null ? s === g : sameList(authorities(s.authorities), authorities(g.authorities)));
    judge("signature.position", s?.position ?? null, g?.position ?? null, s === null || g === null ? s === g : folded(s.position) === folded(g.position));
    judge("signature.signer", s?.signer ?? null, g?.signer ?? null, s === null || g === null ? s === g : folded(s.signer) === folded(g.signer));
  }
  if (a.topSections !== undefined) {
    const label = (l: string): string => (normalize(l) ?? "").replace(/[.)]+$/, "");
    // Texts attached after the signature are not the document's own sections (FORMAT.md: the first text is annotated).
    const [e, g] = [a.topSections.map((x) => label(x.label)), r.sections.filter((x) => x.kind !== "attachment").map((x) => label(x.label))];
    judge("topSections.labels", e, g, sameList(e, g));
  }

  const citations = { tp: 0, fp: 0, fn: 0, dateRight: 0, issuerRight: 0 };
  if (a.citations !== undefined) {
    const expected = new Map<string, (typeof a.citations)[number]>();
    for (const c of a.citations) {
      const k = symbolKey(c.symbol);
      if (k && !expected.has(k)) expected.set(k, c);
    }
    const produced = new Map<string, ParsedRecord["citations"][number]>();
    for (const c of r.citations) {
      const k = symbolKey(c.symbol);
      if (k && !c.self && !produced.has(k)) produced.set(k, c);
    }
    for (const [k, c] of expected) {
      const g = produced.get(k);
      if (!g) {
        citations.fn++;
        misses.push({ field: "citations", expected: c.symbol, actual: null });
        continue;
      }
      citations.tp++;
      if ((c.date ?? null) === g.date) citations.dateRight++;
      else misses.push({ field: "citations.date", expected: `${c.symbol} ${c.date}`, actual: g.date });
      // FORMAT.md annotates the issuer as printed: one the record infers from the ký hiệu (and
      // says so in `inferred`) is compared as not printed.
      const printedIssuer = g.inferred?.includes("issuer") ? null : g.issuer;
      if (folded(c.issuer) === folded(printedIssuer)) citations.issuerRight++;
      else misses.push({ field: "citations.issuer", expected: `${c.symbol} ${c.issuer}`, actual: printedIssuer });
    }
    for (const k of produced.keys()) {
      if (expected.has(k)) continue;
      citations.fp++;
      misses.push({ field: "citations", expected: null, actual: k });
    }
  }

  const targets = { tp: 0, fp: 0, fn: 0 };
  if (a.targets !== undefined) {
    const key = (t: { comparator: string; value: number; unit: string | null }): string => `${t.comparator} ${t.value} ${folded(t.unit) ?? ""}`;
    const pool = r.targets.map(key);
    for (const t of a.targets) {
      const at = pool.indexOf(key(t));
      if (at >= 0) {
        targets.tp++;
        pool.splice(at, 1);
      } else {
        targets.fn++;
        misses.push({ field: "targets", expected: key(t), actual: null });
      }
    }
    targets.fp = pool.length;
    for (const k of pool) misses.push({ field: "targets", expected: null, actual: k });
  }
  return { file: a.file, split: a.split, fields, misses, citations, targets };
}

export interface SplitSummary {
  documents: number;
  fields: Partial<Record<Field, { right: number; scored: number; accuracy: number }>>;
  citations: { precision: number | null; recall: number | null; dateAccuracy: number | null; issuerAccuracy: number | null } & Counts;
  targets: { precision: number | null; recall: number | null } & Counts;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export function summarize(scores: DocumentScore[]): SplitSummary {
  const fields: SplitSummary["fields"] = {};
  for (const f of FIELDS) {
    const judged = scores.map((s) => s.fields[f]).filter((v): v is boolean => v !== undefined);
    if (judged.length === 0) continue;
    const right = judged.filter(Boolean).length;
    fields[f] = { right, scored: judged.length, accuracy: right / judged.length };
  }
  const sum = <K extends string>(pick: (s: DocumentScore) => Record<K, number>, k: K): number => scores.reduce((n, s) => n + pick(s)[k], 0);
  const c = { tp: sum((s) => s.citations, "tp"), fp: sum((s) => s.citations, "fp"), fn: sum((s) => s.citations, "fn") };
  const t = { tp: sum((s) => s.targets, "tp"), fp: sum((s) => s.targets, "fp"), fn: sum((s) => s.targets, "fn") };
  return {
    documents: scores.length,
    fields,
    citations: {
      ...c,
      precision: ratio(c.tp, c.tp + c.fp),
      recall: ratio(c.tp, c.tp + c.fn),
      dateAccuracy: ratio(sum((s) => s.citations, "dateRight"), c.tp),
      issuerAccuracy: ratio(sum((s) => s.citations, "issuerRight"), c.tp),
    },
    targets: { ...t, precision: ratio(t.tp, t.tp + t.fp), recall: ratio(t.tp, t.tp + t.fn) },
  };
}

/** The figures a floor can be set on: field accuracies plus citation and target P/R. */
export function measures(s: SplitSummary): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [f, v] of Object.entries(s.fields)) out[f] = v.accuracy;
  const extra: Record<string, number | null> = {
    "citations.precision": s.citations.precision,
    "citations.recall": s.citations.recall,
    "citations.date": s.citations.dateAccuracy,
    "citations.issuer": s.citations.issuerAccuracy,
    "targets.precision": s.targets.precision,
    "targets.recall": s.targets.recall,
  };
  for (const [k, v] of Object.entries(extra)) if (v !== null) out[k] = v;
  return out;
}

/**
 * The record as far as the annotation goes: FORMAT.md annotates the first text of a dossier file,
 * so citations and targets inside the texts attached after its signature are not scored.
 */
function firstText(record: ParsedRecord): ParsedRecord {
  const attached = record.sections.filter((s) => s.kind === "attachment").map((s) => s.span);
  if (attached.length === 0) return record;
  const inFirst = (span: { start: number }) => !attached.some((a) => span.start >= a.start && span.start < a.end);
  return { ...record, citations: record.citations.filter((c) => inFirst(c.span)), targets: record.targets.filter((t) => inFirst(t.span)) };
}
