import type { Span, VanBanDocument } from "../index.js";
import type { Corrections } from "../schema/corrections.js";
import { formatPointer } from "../util/json-pointer.js";

/** What an item is; the page colours boxes by it. */
export type ItemKind =
  | "header"
  | "type"
  | "title"
  | "subject"
  | "addressee"
  | "preamble"
  | "section"
  | "footnote"
  | "recipient"
  | "archive"
  | "signature"
  | "citation"
  | "target"
  | "result"
  | "table"
  | "furniture"
  | "unassigned"
  | "warning";

export type FieldValue = string | number | boolean | null;

/** A value of an item the reviewer may correct, at `path` (a JSON Pointer into the record). */
export interface ReviewField {
  name: string;
  path: string;
  value: FieldValue;
  /** The parser's value, when a correction changed it. */
  original?: FieldValue;
  /** A reviewer marked the value wrong. */
  wrong?: boolean;
}

/** One line of the record tree: a group heading (no span) or an element with its span. */
export interface ReviewItem {
  id: string;
  kind: ItemKind;
  group: string;
  depth: number;
  label: string;
  span: Span | null;
  /** The element in the record, for the guard a correction of an array member carries. */
  path: string;
  fields: ReviewField[];
  /** Why a reviewer should look: warnings on its text, inferred values, OCR pages. */
  flags: string[];
}

/** Under this line confidence an item's text is flagged for a look (the OCR reader's `ocr_low_confidence` threshold). */
const LOW_OCR_CONFIDENCE = 60;

const HEADER_FIELDS = ["nationalTitle", "motto", "number", "symbol", "place", "date", "urgency", "confidentiality"] as const;
const CITATION_FIELDS = ["type", "number", "symbol", "date", "issuer", "title"] as const;
const MEASURE_FIELDS = ["indicator", "comparator", "value", "unit"] as const;

/**
 * The record as the review page's tree: every element with a span, in the order a reviewer
 * checks a document. `corrected` is the record with the corrections applied (what is shown);
 * `original` the parser's, to show what a correction changed.
 */
export function buildItems(corrected: VanBanDocument, original: VanBanDocument, corrections: Corrections): ReviewItem[] {
  const items: ReviewItem[] = [];
  const wrongPaths = new Set(corrections.filter((op) => op.op === "test" && op.wrong === true).map((op) => op.path));
  const ocrPages = new Set(corrected.source.ocr?.pages ?? []);
  const r = corrected as unknown as Record<string, unknown>;
  const o = original as unknown as Record<string, unknown>;

  const field = (name: string, tokens: (string | number)[]): ReviewField => {
    const path = formatPointer(tokens);
    const value = valueAt(r, tokens);
    const before = valueAt(o, tokens);
    const out: ReviewField = { name, path, value };
    if (before !== value) out.original = before;
    if (wrongPaths.has(path)) out.wrong = true;
    return out;
  };
  const add = (item: Omit<ReviewItem, "id" | "flags"> & { flags?: string[] }): void => {
    const flags = [...(item.flags ?? [])];
    if (item.span?.page !== undefined && ocrPages.has(item.span.page)) {
      const confidence = lowestOcrConfidence(corrected, item.span);
      // A section's span is all its text: one bad line would flag the whole section.
      const low = item.kind !== "section" && item.kind !== "table" && confidence !== null && confidence < LOW_OCR_CONFIDENCE;
      flags.push(low ? `OCR ${confidence}%` : "ocr");
    }
    items.push({ ...item, id: `i${items.length}`, flags });
  };
  const group = (name: string, count: number): void => {
    if (count > 0) add({ kind: "header", group: name, depth: 0, label: name, span: null, path: "", fields: [] });
  };

  const h = corrected.header;
  group("Header", 1);
  // The issuer's box covers its parent body printed above it too: both are checked together.
  add({ kind: "header", group: "Header", depth: 1, label: "Issuer", span: unionSpan(h.spans.parent, h.spans.issuer), path: "/header/issuer", fields: [field("name", ["header", "issuer", "name"]), field("parent", ["header", "issuer", "parent"])] });
  for (const name of HEADER_FIELDS) {
    const span = h.spans[name] ?? null;
    if (span === null && h[name] === null) continue;
    add({ kind: "header", group: "Header", depth: 1, label: name, span, path: `/header/${name}`, fields: [field(name, ["header", name])] });
  }
  add({
    kind: "type",
    group: "Header",
    depth: 1,
    label: "Type",
    span: corrected.titleSpan,
    path: "/type",
    fields: [field("code", ["type", "code"]), field("name", ["type", "name"])],
    flags: corrected.type.inferredFrom === "title" ? [] : [`inferred from ${corrected.type.inferredFrom}`],
  });
  if (corrected.title !== null || corrected.titleSpan) add({ kind: "title", group: "Header", depth: 1, label: "Title", span: corrected.titleSpan, path: "/title", fields: [field("title", ["title"])] });
  if (corrected.subject !== null || corrected.subjectSpan) add({ kind: "subject", group: "Header", depth: 1, label: "Subject", span: corrected.subjectSpan, path: "/subject", fields: [field("subject", ["subject"])] });

  group("Kính gửi", corrected.addressees.length);
  corrected.addressees.forEach((a, i) => add({ kind: "addressee", group: "Kính gửi", depth: 1, label: a.name, span: a.span, path: `/addressees/${i}`, fields: [field("name", ["addressees", i, "name"])] }));

  group("Preamble", corrected.preamble.length);
  corrected.preamble.forEach((p, i) => add({ kind: "preamble", group: "Preamble", depth: 1, label: p.text, span: p.span, path: `/preamble/${i}`, fields: [] }));

  const countSections = (list: VanBanDocument["sections"]): number => list.reduce((n, s) => n + 1 + countSections(s.children), 0);
  group("Sections", countSections(corrected.sections));
  const walk = (list: VanBanDocument["sections"], tokens: (string | number)[], depth: number): void => {
    list.forEach((s, i) => {
      const here = [...tokens, i];
      const text = s.heading ?? s.paragraphs[0]?.text ?? "";
      // The label is always a field: a section read where there is none (a quoted clause) can be marked wrong.
      const fields = [field("label", [...here, "label"]), ...(s.heading !== null ? [field("heading", [...here, "heading"])] : [])];
      add({ kind: "section", group: "Sections", depth, label: `${s.label}${text ? ` ${text}` : ""}`, span: s.heading !== null ? (s.headingSpan ?? s.span) : s.span, path: formatPointer(here), fields });
      walk(s.children, [...here, "children"], depth + 1);
    });
  };
  walk(corrected.sections, ["sections"], 1);

  const tables = (r.tables as { span?: Span; caption?: string | null }[] | undefined) ?? [];
  group("Tables", tables.length);
  tables.forEach((t, i) => add({ kind: "table", group: "Tables", depth: 1, label: t.caption ?? `Table ${i + 1}`, span: t.span ?? null, path: `/tables/${i}`, fields: [] }));

  group("Footnotes", corrected.footnotes.length);
  corrected.footnotes.forEach((f, i) => add({ kind: "footnote", group: "Footnotes", depth: 1, label: `${f.label}. ${f.text}`, span: f.span, path: `/footnotes/${i}`, fields: [field("text", ["footnotes", i, "text"])], flags: f.refs.length === 0 ? ["no reference"] : [] }));

  group("Nơi nhận", corrected.recipients.length + (corrected.archive ? 1 : 0));
  corrected.recipients.forEach((x, i) => add({ kind: "recipient", group: "Nơi nhận", depth: 1, label: x.purpose ? `${x.name} (${x.purpose})` : x.name, span: x.span, path: `/recipients/${i}`, fields: [field("name", ["recipients", i, "name"]), field("purpose", ["recipients", i, "purpose"])] }));
  if (corrected.archive) add({ kind: "archive", group: "Nơi nhận", depth: 1, label: corrected.archive.raw, span: corrected.archive.span, path: "/archive", fields: [field("drafter", ["archive", "drafter"])] });

  if (corrected.signature) {
    const s = corrected.signature;
    group("Signature", 1);
    const authority = s.authorities.map((a) => `${a.mode}. ${a.title}`).join(" · ");
    add({ kind: "signature", group: "Signature", depth: 1, label: [authority, s.position, s.signer].filter(Boolean).join(" — "), span: s.span, path: "/signature", fields: [field("position", ["signature", "position"]), field("signer", ["signature", "signer"])] });
  }

  group("Citations", corrected.citations.length);
  corrected.citations.forEach((c, i) =>
    add({
      kind: "citation",
      group: "Citations",
      depth: 1,
      label: c.raw,
      span: c.span,
      path: `/citations/${i}`,
      fields: CITATION_FIELDS.map((name) => field(name, ["citations", i, name])),
      flags: c.inferred.length > 0 ? [`inferred: ${c.inferred.join(", ")}`] : [],
    }),
  );

  for (const [kind, list, name] of [["target", corrected.targets, "Targets"], ["result", corrected.results, "Results"]] as const) {
    group(name, list.length);
    list.forEach((m, i) => add({ kind, group: name, depth: 1, label: `${m.indicator}: ${m.comparator} ${m.value}${m.unit ? ` ${m.unit}` : ""}`, span: m.valueSpan ?? m.span, path: `/${kind}s/${i}`, fields: MEASURE_FIELDS.map((f) => field(f, [`${kind}s`, i, f])) }));
  }

  group("Unassigned", corrected.unassigned.length);
  corrected.unassigned.forEach((p, i) => add({ kind: "unassigned", group: "Unassigned", depth: 1, label: p.text, span: p.span, path: `/unassigned/${i}`, fields: [], flags: ["unassigned text"] }));

  group("Warnings", corrected.warnings.length);
  corrected.warnings.forEach((w, i) => add({ kind: "warning", group: "Warnings", depth: 1, label: `${w.code}: ${w.message}`, span: w.span ?? null, path: `/warnings/${i}`, fields: [], flags: [w.code] }));

  flagWarnedItems(items, corrected);
  for (const heading of items.filter((i) => i.depth === 0)) heading.label = `${heading.group} (${items.filter((i) => i.depth > 0 && i.group === heading.group).length})`;
  return items;
}

/** An element whose text a warning points at is flagged with the warning's code. */
function flagWarnedItems(items: ReviewItem[], record: VanBanDocument): void {
  for (const w of record.warnings) {
    if (!w.span) continue;
    for (const item of items) {
      if (item.kind === "warning" || item.span === null || item.kind === "section") continue;
      if (item.span.start < w.span.end && w.span.start < item.span.end && !item.flags.includes(w.code)) item.flags.push(w.code);
    }
  }
}

/** Both spans' extent when they are on one page (the issuer under its parent body), else the second. */
function unionSpan(first: Span | undefined, second: Span | undefined): Span | null {
  if (!second) return first ?? null;
  if (!first || first.page !== second.page) return second;
  return { ...second, start: Math.min(first.start, second.start), end: Math.max(first.end, second.end) };
}

/** The lowest confidence of the OCR lines a span touches, or null when none has a box. */
function lowestOcrConfidence(record: VanBanDocument, span: Span): number | null {
  let lowest: number | null = null;
  for (const line of record.lineBoxes ?? []) {
    if (line.span.start < span.end && span.start < line.span.end) lowest = lowest === null ? line.confidence : Math.min(lowest, line.confidence);
  }
  return lowest;
}

function valueAt(root: Record<string, unknown>, tokens: (string | number)[]): FieldValue {
  let node: unknown = root;
  for (const t of tokens) node = node === null || typeof node !== "object" ? undefined : (node as Record<string, unknown>)[t];
  return node === undefined ? null : (node as FieldValue);
}
