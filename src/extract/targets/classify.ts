/**
 * Chỉ tiêu hay kết quả: is a figure a target the document sets, a result it reports, or neither?
 *
 * Evidence, strongest first (the first that speaks decides):
 * 1. "giao" right before the figure (dự toán … được giao 4.000 tỷ đồng) → target.
 * 2. The nearest cue before the figure in its sentence is a target cue (phấn đấu, chỉ tiêu,
 *    mục tiêu, đề ra …) → target. Nearest, because reports mix both: "thành phố đã xây dựng
 *    Đề án … phấn đấu có từ 2-3 xã đạt chuẩn" is a target although "đã" comes first.
 * 3. The section heading (own or an ancestor's, deepest first) names a target list
 *    ("CÁC CHỈ TIÊU CHỦ YẾU", "Mục tiêu", "Chỉ tiêu cụ thể") → target. It outranks a result cue
 *    because relative clauses in target lists use "đã" too ("các dự án đã quy hoạch …").
 * 4. The nearest cue is a result cue (ước đạt, đã, lũy kế, so với cùng kỳ …) → result.
 * 5. A basis of comparison ("so với cùng kỳ", "đạt 100,84% kế hoạch") → result.
 * Below this line the figure must be anchored (a comparator, value verb, direction, %, range,
 * or the start of a list item): a bare count in prose ("Triển khai … 03 Chương trình mục tiêu
 * quốc gia") is neither target nor result.
 * 6. The unit's cues all point one way (a footnote restating a plan's targets with "Phấn đấu"
 *    and no result cue) → that way.
 * 7. A weaker heading: goal prose (Mục tiêu tổng quát, Phương hướng, Nhiệm vụ, Giải pháp) →
 *    target; a report heading (Kết quả, Tình hình, Đánh giá) → result.
 * 8. The document type: plans (KH, CTr, ĐA, NQ …) → target, reports (BC) → result.
 * Otherwise: neither, and the figure is dropped.
 */
import type { TextUnit } from "../context.js";
import { CHI_TIEU_HEADING, CUE_AFTER_BOUNDARY, CUE_AT, GOAL_PROSE_HEADING, RESULT_HEADING, STRONG_TARGET_HEADING, WEAK_TARGET_HEADING } from "./patterns.js";
import { RESULT_REPORTING_CODES, TARGET_SETTING_CODES } from "../../lexicon/document-types.js";
import type { Mask, Measure } from "./find-measures.js";

export type MeasureKind = "target" | "result";
export type HeadingClass = "strong-target" | "weak-target" | "result" | null;

export interface Cue {
  start: number;
  end: number;
  kind: MeasureKind;
}

/** Class of one heading text. A report heading is checked first: "Kết quả thực hiện các chỉ tiêu" reports. */
export function classifyHeading(text: string): HeadingClass {
  if (RESULT_HEADING.test(text)) return "result";
  if (CHI_TIEU_HEADING.test(text)) return "strong-target";
  // "Mục tiêu" alone heads a target list; "PHƯƠNG HƯỚNG, MỤC TIÊU, GIẢI PHÁP" heads prose.
  if (STRONG_TARGET_HEADING.test(text) && !GOAL_PROSE_HEADING.test(text)) return "strong-target";
  if (WEAK_TARGET_HEADING.test(text)) return "weak-target";
  return null;
}

/**
 * Heading classes by section id, resolved through ancestors: a unit in "II.1" is governed by the
 * headings of "II.1", then "II". Ids are dot-separated paths (the record's Section ids).
 */
export class HeadingIndex {
  private readonly texts = new Map<string, string[]>();
  private readonly memo = new Map<string, HeadingClass>();

  constructor(text: string, units: readonly TextUnit[]) {
    for (const u of units) {
      if (u.role !== "heading" || u.sectionId === null) continue;
      const list = this.texts.get(u.sectionId) ?? [];
      list.push(text.slice(Math.max(0, u.span.start), Math.min(text.length, u.span.end)));
      this.texts.set(u.sectionId, list);
    }
  }

  classOf(sectionId: string | null): HeadingClass {
    if (sectionId === null) return null;
    const cached = this.memo.get(sectionId);
    if (cached !== undefined) return cached;
    let result: HeadingClass = null;
    // A section has one heading; a few more are read in case the id is shared (a heading split over lines).
    for (const heading of (this.texts.get(sectionId) ?? []).slice(0, 4)) {
      result = classifyHeading(heading);
      if (result !== null) break;
    }
    if (result === null) {
      const parent = parentId(sectionId);
      if (parent !== null) result = this.classOf(parent);
    }
    this.memo.set(sectionId, result);
    return result;
  }
}

function parentId(id: string): string | null {
  const dot = id.lastIndexOf(".");
  return dot > 0 ? id.slice(0, dot) : null;
}

/** Target / result class implied by the document type code, or null. */
export function docTypeClass(code: string | null): MeasureKind | null {
  if (!code) return null;
  const key = code.normalize("NFC").toUpperCase();
  if (TARGET_SETTING_CODES.has(key)) return "target";
  if (RESULT_REPORTING_CODES.has(key)) return "result";
  return null;
}

/**
 * Cues of a unit that count: outside brackets (an aside does not set the mood of the sentence)
 * and outside the text read as figures and bases ("dự toán Trung ương giao" after a figure is
 * part of that figure, not a cue for the next one). Linear in the unit length.
 */
export function findCues(s: string, brackets: readonly Mask[], measures: readonly Measure[]): Cue[] {
  const out: Cue[] = [];
  let b = 0;
  let k = 0;
  // A cue found by `m`, starting at `start`; it ends where the match ends.
  const keep = (m: RegExpExecArray, start: number): void => {
    while (b < brackets.length && brackets[b].end <= start) b++;
    if (b < brackets.length && brackets[b].start <= start) return;
    while (k < measures.length && measures[k].regionEnd <= start) k++;
    if (k < measures.length && measures[k].start <= start) return;
    out.push({ start, end: m.index + m[0].length, kind: m.groups!.target !== undefined ? "target" : "result" });
  };
  // Cues start words: one at the start, then each after a code unit that is not a letter ("nước"
  // holds "ước", which is no cue). Each search goes on from the end of the last cue found, kept
  // or not.
  CUE_AT.lastIndex = 0;
  const first = CUE_AT.exec(s);
  if (first !== null) keep(first, 0);
  const re = CUE_AFTER_BOUNDARY;
  re.lastIndex = first === null ? 0 : first[0].length;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    keep(m, m.index + 1);
  }
  return out;
}

/** The way all cues of a unit point, when they agree. */
export function unitMood(cues: readonly Cue[]): MeasureKind | null {
  let target = 0;
  let result = 0;
  for (const c of cues) {
    if (c.kind === "target") target++;
    else result++;
  }
  if (target > 0 && result === 0) return "target";
  if (result > 0 && target === 0) return "result";
  return null;
}

/** Index of the last cue ending at or before `pos`, or -1 (cues sorted by start). */
function lastCueBefore(cues: readonly Cue[], pos: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].end <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface ClassifyEnv {
  cues: readonly Cue[];
  mood: MeasureKind | null;
  heading: HeadingClass;
  docClass: MeasureKind | null;
}

/** Applies the rules of the module comment to one figure. `sentenceStart`: start of its sentence. */
export function classifyMeasure(m: Measure, sentenceStart: number, env: ClassifyEnv): MeasureKind | null {
  if (m.assign) return "target";
  const i = lastCueBefore(env.cues, m.leadStart);
  const cue = i >= 0 && env.cues[i].start >= sentenceStart ? env.cues[i].kind : null;
  if (cue === "target") return "target";
  if (env.heading === "strong-target") return "target";
  if (cue === "result") return "result";
  if (m.basis !== null) return "result";
  if (!m.anchored) return null;
  if (env.mood !== null) return env.mood;
  if (env.heading === "weak-target") return "target";
  if (env.heading === "result") return "result";
  return env.docClass;
}
