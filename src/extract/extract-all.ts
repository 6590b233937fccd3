import type { FoldedText } from "../text/fold.js";
import type { Citation } from "../schema/citation.js";
import type { Footnote } from "../schema/footnote.js";
import type { Section } from "../schema/section.js";
import type { Paragraph, Span, Warning } from "../schema/span.js";
import type { Table } from "../schema/table.js";
import type { Result, Target } from "../schema/target.js";
import { readBlankAttachedReference } from "./citations/attached-reference.js";
import { extractCitations } from "./citations/extract-citations.js";
import type { TextUnit } from "./context.js";
import { extractTargets } from "./targets/index.js";
import { mergeMeasures, readIndicatorTables } from "./targets/indicator-tables.js";

/** The parts of a document's structure the extractors read. */
export interface ExtractInput {
  /** The record's normalized text; every span indexes into it. */
  text: string;
  /** `foldTones(text)`, as the structure stage made it (`foldText`). */
  folded?: FoldedText;
  /** The document's own type, for "Quyết định này" and the Căn cứ lines. */
  docType: { code: string | null; name: string | null };
  titleSpan: Span | null;
  subjectSpan: Span | null;
  /** The "(Kèm theo Quyết định số …)" line of an attached text: its citation is `attachedTo`. */
  attachedToSpan: Span | null;
  preamble: Paragraph[];
  sections: Section[];
  footnotes: Footnote[];
  unassigned: Paragraph[];
  /** Data tables: their cells are read for citations, their indicator rows for targets and results. */
  tables: Table[];
}

/**
 * Runs the extractors over the text units of a document: citations first, then targets, which
 * must not read numbers inside citations. Doubts go to `warnings`.
 */
export function extractAll(
  input: ExtractInput,
  warnings: Warning[],
): { citations: Citation[]; targets: Target[]; results: Result[]; attachedTo: Citation | null } {
  const ctx = { text: input.text, folded: input.folded, units: buildUnits(input), docType: input.docType, warnings };
  const citations = extractCitations(ctx);
  // Figures in cells are read only from indicator tables, row by row, never as running text.
  const prose = extractTargets({ ...ctx, units: ctx.units.filter((u) => u.role !== "cell") }, { exclude: citations.map((c) => c.span) });
  const { targets, results } = mergeMeasures(prose, readIndicatorTables(input.text, input.tables));
  const within = input.attachedToSpan;
  const attachedTo = within
    ? (citations.find((c) => c.span.start >= within.start && c.span.end <= within.end) ?? readBlankAttachedReference(input.text, within))
    : null;
  const capped = capMeasures(input.text.length, targets, results, warnings);
  return { citations, targets: capped.targets, results: capped.results, attachedTo };
}

/**
 * Figures a record may hold for its text: a real plan or report has far fewer than one per 400
 * characters. A text that is nothing but figures ("1% 1% 1% …", 400 KB) would otherwise turn into
 * a record hundreds of times its size; the rest is dropped with a warning.
 */
function capMeasures(textLength: number, targets: Target[], results: Result[], warnings: Warning[]): { targets: Target[]; results: Result[] } {
  const limit = Math.max(2000, Math.floor(textLength / 400));
  if (targets.length <= limit && results.length <= limit) return { targets, results };
  warnings.push({
    code: "limit_reached",
    message: `${targets.length} targets and ${results.length} results for ${textLength} characters of text; only the first ${limit} of each are kept.`,
  });
  const kept = targets.slice(0, limit);
  const keptResults = results.slice(0, limit).map((r) => (r.targetRef !== null && r.targetRef >= limit ? { ...r, targetRef: null, status: null } : r));
  return { targets: kept, results: keptResults };
}

/** The runs of text extractors read, in text order. */
function buildUnits(input: ExtractInput): TextUnit[] {
  const units: TextUnit[] = [];
  if (input.titleSpan) units.push({ span: input.titleSpan, role: "title", sectionId: null, footnote: null });
  if (input.subjectSpan) units.push({ span: input.subjectSpan, role: "subject", sectionId: null, footnote: null });
  if (input.attachedToSpan) units.push({ span: input.attachedToSpan, role: "reference", sectionId: null, footnote: null });
  for (const p of input.preamble) units.push({ span: p.span, role: "preamble", sectionId: null, footnote: null });
  const stack = [...input.sections].reverse();
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (s.heading !== null && s.headingSpan) units.push({ span: s.headingSpan, role: "heading", sectionId: s.id, footnote: null });
    for (const p of s.paragraphs) units.push({ span: p.span, role: "paragraph", sectionId: s.id, footnote: null });
    for (let i = s.children.length - 1; i >= 0; i--) stack.push(s.children[i]);
  }
  for (const n of input.footnotes) units.push({ span: n.span, role: "footnote", sectionId: n.refs[0]?.sectionId ?? null, footnote: n.label });
  for (const t of input.tables) {
    for (const row of t.rows) for (const c of row.cells) units.push({ span: c.span, role: "cell", sectionId: t.sectionId, footnote: null });
  }
  for (const p of input.unassigned) units.push({ span: p.span, role: "unassigned", sectionId: null, footnote: null });
  return units.sort((a, b) => a.span.start - b.span.start);
}
