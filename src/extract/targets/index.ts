/**
 * Chỉ tiêu và kết quả: numeric targets a document sets and results it reports.
 *
 * `extractTargets` reads every paragraph, footnote and preamble unit that contains a digit,
 * finds its figures (`find-measures.ts`), decides target / result / neither (`classify.ts`) and
 * names what each measures (`indicator.ts`). Headings are read only as context. Numbers inside
 * the caller's `exclude` spans (citations) are never read.
 */
import type { Span, Warning } from "../../schema/span.js";
import type { Result, Target } from "../../schema/target.js";
import type { ExtractContext, TextUnit } from "../context.js";
import { classifyMeasure, docTypeClass, findCues, HeadingIndex, unitMood, type MeasureKind } from "./classify.js";
import { bracketMasks, findMeasures, type Mask, type Measure } from "./find-measures.js";
import { cleanPrefix, cleanTail, joinIndicator, leadingMarkerLength } from "./indicator.js";
import { AND_WORD, HAS_DIGIT, WHITESPACE_RUN } from "./patterns.js";
import { boundaryAfter, boundaryBefore, findBoundaries } from "./sentences.js";
import { normalizeFigure } from "./units.js";
import { measuresNothing } from "./not-measures.js";
import { judgeResult } from "./judge-result.js";
import { asResult } from "./as-result.js";
import { readRestatedTarget, type RestatedTarget } from "./restated-target.js";

export { parseVietnameseNumber, readNumberToken, type ParsedNumber } from "./numbers.js";

export interface ExtractTargetsOptions {
  /** Spans of citations (số ký hiệu, dates): their numbers must never be read. */
  exclude?: Array<{ start: number; end: number }>;
}

export interface ExtractedTargets {
  targets: Target[];
  results: Result[];
}

/** Roles read only as context: a heading names a section, it does not state figures. */
const CONTEXT_ROLES: ReadonlySet<TextUnit["role"]> = new Set(["heading", "title", "subject", "reference", "addressees"]);

/** Finds the targets (chỉ tiêu) and results (kết quả) of a record. Never throws on content. */
export function extractTargets(ctx: ExtractContext, options: ExtractTargetsOptions = {}): ExtractedTargets {
  const out: ExtractedTargets = { targets: [], results: [] };
  const text = typeof ctx.text === "string" ? ctx.text : "";
  const warnings: Warning[] = Array.isArray(ctx.warnings) ? ctx.warnings : [];
  const units = Array.isArray(ctx.units) ? ctx.units : [];
  const excludes = sortedSpans(options.exclude, text.length);
  const headings = new HeadingIndex(text, units);
  const docClass = docTypeClass(ctx.docType?.code ?? null);

  for (const unit of units) {
    if (!unit || !unit.span || CONTEXT_ROLES.has(unit.role)) continue;
    const start = clamp(unit.span.start, text.length);
    const end = clamp(unit.span.end, text.length);
    if (end <= start) continue;
    const s = text.slice(start, end);
    if (!HAS_DIGIT.test(s)) continue;
    try {
      readUnitFigures(text, unit, s, start, relativeMasks(excludes, start, end), headings.classOf(unit.sectionId), docClass, warnings, out);
    } catch (err) {
      warnings.push({
        code: "targets_unit_failed",
        message: `Targets of this unit could not be read: ${err instanceof Error ? err.message : String(err)}`,
        span: withPage({ start, end }, unit.span),
      });
    }
  }
  return out;
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), max) : 0;
}

function sortedSpans(spans: ExtractTargetsOptions["exclude"], max: number): Mask[] {
  if (!Array.isArray(spans)) return [];
  return spans
    .filter((e) => e && Number.isFinite(e.start) && Number.isFinite(e.end) && e.end > e.start)
    .map((e) => ({ start: clamp(e.start, max), end: clamp(e.end, max) }))
    .sort((a, b) => a.start - b.start);
}

/** Exclude spans that touch [start, end), relative to `start`. Binary search, then a short scan. */
function relativeMasks(excludes: Mask[], start: number, end: number): Mask[] {
  if (excludes.length === 0) return [];
  let lo = 0;
  let hi = excludes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (excludes[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  // Spans starting before the unit may still reach into it; long citations are rare, look back a little.
  let i = Math.max(0, lo - 8);
  const out: Mask[] = [];
  for (; i < excludes.length && excludes[i].start < end; i++) {
    const e = excludes[i];
    if (e.end <= start) continue;
    out.push({ start: Math.max(0, e.start - start), end: Math.min(end, e.end) - start });
  }
  return out;
}

/** The target a result restates, measuring the same indicator, in the result's unit. */
function restatedFigure(r: RestatedTarget, result: Target, resultValue: number, text: string, offset: number, unitSpan: Span): Target {
  const span = withPage({ start: offset + r.start, end: offset + r.end }, unitSpan);
  // Normalized like the result (57 triệu đồng → đồng): the same scale applies to both figures.
  const scale = result.normalized && resultValue !== 0 ? result.normalized.value / resultValue : null;
  return {
    text: text.slice(span.start, span.end),
    span,
    sectionId: result.sectionId,
    footnote: result.footnote,
    indicator: result.indicator,
    comparator: r.comparator,
    value: r.value,
    valueMax: null,
    unit: r.unit ?? result.unit,
    normalized: scale === null || !result.normalized ? null : { value: r.value * scale, unit: result.normalized.unit },
    direction: null,
    valueSpan: withPage({ start: offset + r.valueStart, end: offset + r.valueEnd }, unitSpan),
  };
}

function withPage(span: Span, unitSpan: Span): Span {
  // Not `{ ...span, page }`: V8 11.3 builds and reads such objects several times slower (docs/performance.md).
  return unitSpan.page !== undefined ? Object.assign({}, span, { page: unitSpan.page }) : span;
}

/**
 * How much text around a figure is read for its indicator. An indicator is a noun phrase; the
 * bound keeps the work per figure constant (and the output linear) on a clause of megabytes.
 */
const PREFIX_MAX_CHARS = 400;
const TAIL_MAX_CHARS = 300;

/** Start of the prefix: the segment start, or a word start at most `PREFIX_MAX_CHARS` back. */
function boundedStart(s: string, segStart: number, leadStart: number): number {
  if (leadStart - segStart <= PREFIX_MAX_CHARS) return segStart;
  const from = leadStart - PREFIX_MAX_CHARS;
  const space = s.indexOf(" ", from);
  return space >= 0 && space < leadStart ? space + 1 : from;
}

interface Segment {
  clauseStart: number;
  clauseEnd: number;
  sentenceStart: number;
  segStart: number;
  tailEnd: number;
}

/** Where the text between two figures of one clause splits: last comma, else last "và". */
function splitGap(s: string, from: number, to: number): number {
  if (to <= from) return -1;
  const gap = s.slice(from, to);
  const comma = gap.lastIndexOf(",");
  if (comma >= 0) return from + comma;
  let and = -1;
  AND_WORD.lastIndex = 0;
  for (let m = AND_WORD.exec(gap); m !== null; m = AND_WORD.exec(gap)) and = m.index;
  return and >= 0 ? from + and : -1;
}

function segmentsOf(s: string, measures: Measure[]): Segment[] {
  const bounds = findBoundaries(s);
  const segs: Segment[] = measures.map((m) => {
    const clauseStart = boundaryBefore(bounds.clauses, m.leadStart);
    const next = boundaryAfter(bounds.clauses, m.regionEnd, s.length + 1);
    return {
      clauseStart,
      clauseEnd: next > s.length ? s.length : next - 1,
      sentenceStart: boundaryBefore(bounds.sentences, m.leadStart),
      segStart: clauseStart,
      tailEnd: next > s.length ? s.length : next - 1,
    };
  });
  for (let k = 1; k < measures.length; k++) {
    if (segs[k].clauseStart !== segs[k - 1].clauseStart) continue;
    const prev = measures[k - 1];
    const split = splitGap(s, prev.regionEnd, measures[k].leadStart);
    if (split >= 0) {
      segs[k - 1].tailEnd = split;
      segs[k].segStart = s.charAt(split) === "," ? split + 1 : split + 3;
    } else {
      segs[k - 1].tailEnd = prev.regionEnd;
      segs[k].segStart = prev.regionEnd;
    }
  }
  return segs;
}

function readUnitFigures(
  text: string,
  unit: TextUnit,
  s: string,
  offset: number,
  excludes: Mask[],
  heading: ReturnType<HeadingIndex["classOf"]>,
  docClass: MeasureKind | null,
  warnings: Warning[],
  out: ExtractedTargets,
): void {
  const brackets = bracketMasks(s);
  const measures = findMeasures(s, brackets, excludes);
  if (measures.length === 0) return;
  for (let k = 1; k < measures.length; k++) {
    // The walk back never reaches into the previous figure.
    if (measures[k].leadStart < measures[k - 1].regionEnd) measures[k].leadStart = Math.min(measures[k].start, measures[k - 1].regionEnd);
  }
  const cues = findCues(s, brackets, measures);
  const env = { cues, mood: unitMood(cues), heading, docClass };
  const segs = segmentsOf(s, measures);

  const kinds = measures.map((m, k) => (measuresNothing(s, m, segs[k].sentenceStart) ? null : classifyMeasure(m, segs[k].sentenceStart, env)));
  // A figure followed by the target it answers ("đạt 82% (chỉ tiêu 80%)") is a result, linked to
  // that target; the restatement's own figure is not read again.
  const restated: Array<RestatedTarget | null> = measures.map(() => null);
  for (let k = 0; k < measures.length; k++) {
    const m = measures[k];
    const r = kinds[k] === null && !m.anchored ? null : readRestatedTarget(s, m.regionEnd, m.unit);
    if (r === null) continue;
    // "đạt 22%, đạt 110% kế hoạch (Kế hoạch năm 2022 là 20%)": a figure relative to the plan does
    // not answer the target; the absolute figure before it in the sentence does.
    let owner = k;
    if (m.basis !== null) {
      owner = -1;
      for (let j = k - 1; j >= 0 && segs[j].sentenceStart === segs[k].sentenceStart; j--) {
        if (measures[j].basis === null && measures[j].unit === (r.unit ?? m.unit)) {
          owner = j;
          break;
        }
      }
      if (owner < 0) continue;
    }
    kinds[owner] = "result";
    restated[owner] = r;
    for (let j = k + 1; j < measures.length && measures[j].start < r.end; j++) kinds[j] = null;
  }
  let lastIndicator = "";
  let lastSentence = -1;
  for (let k = 0; k < measures.length; k++) {
    const m = measures[k];
    const seg = segs[k];
    const kind = kinds[k];
    // The indicator is built for kept figures, and for a figure whose successor may inherit it.
    const feedsNext = k + 1 < measures.length && kinds[k + 1] !== null && segs[k + 1].sentenceStart === seg.sentenceStart;
    if (kind === null && !feedsNext) continue;

    const prefixStart = boundedStart(s, seg.segStart, m.leadStart);
    const prefixRaw = s.slice(prefixStart, m.leadStart);
    const prefix = cleanPrefix(prefixRaw, m.leadStart === m.start);
    const tailRaw = m.regionEnd < seg.tailEnd ? s.slice(m.regionEnd, Math.min(seg.tailEnd, m.regionEnd + TAIL_MAX_CHARS)) : "";
    const { tail, length: tailLength } = cleanTail(tailRaw, prefix !== "");
    let indicator = joinIndicator(prefix, m.kind === "count" ? m.noun : null, tail);
    if (!prefix && !tail && lastSentence === seg.sentenceStart && lastIndicator) {
      // "ước đạt 17.627 tỷ đồng, tăng 9,5% so với cùng kỳ": the second figure measures the same thing.
      indicator = lastIndicator;
    }
    if (!indicator) indicator = (m.noun ?? s.slice(prefixStart, seg.clauseEnd).slice(0, PREFIX_MAX_CHARS)).replace(WHITESPACE_RUN, " ").trim();
    lastIndicator = indicator;
    lastSentence = seg.sentenceStart;
    if (kind === null) continue;

    const spanStart = prefixRaw.trim() ? prefixStart + leadingMarkerLength(prefixRaw) : m.leadStart;
    const spanEnd = Math.max(m.end, m.regionEnd, m.regionEnd + tailLength);
    const span = withPage({ start: offset + spanStart, end: offset + spanEnd }, unit.span);
    const valueSpan = withPage({ start: offset + m.start, end: offset + m.end }, unit.span);
    const figure = {
      text: text.slice(span.start, span.end),
      span,
      sectionId: unit.sectionId ?? null,
      footnote: unit.footnote ?? null,
      indicator,
      comparator: m.comparator,
      value: m.value,
      valueMax: m.valueMax,
      unit: m.unit,
      normalized: normalizeFigure(m.reading, m.scaled, indicator),
      direction: m.direction,
      valueSpan,
    };
    if (m.ambiguous) {
      warnings.push({
        code: "target_number_ambiguous",
        message: `"${text.slice(valueSpan.start, valueSpan.end)}" uses an English decimal point; read as ${m.value}.`,
        span: valueSpan,
      });
    }
    if (kind === "target") out.targets.push(figure);
    else if (restated[k] !== null) {
      const target = restatedFigure(restated[k]!, figure, m.value, text, offset, unit.span);
      out.targets.push(target);
      out.results.push(asResult(figure, m.basis, out.targets.length - 1, judgeResult(figure, target)));
    } else out.results.push(asResult(figure, m.basis, null, null));
  }
}
