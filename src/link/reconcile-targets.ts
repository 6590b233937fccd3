/**
 * Đối chiếu chỉ tiêu – kết quả: for each target of a plan, the best-matching result of each
 * report found for it (similar indicator, compatible unit), with the status computed from both.
 */
import type { Result, Target } from "../schema/target.js";
import type { GraphEdge } from "./graph-schema.js";
import type { DocumentIndex } from "./index-documents.js";
import { cosine, IndicatorSpace, type TermVector } from "./indicator-vectors.js";
import type { LinkableRecord } from "./linkable-record.js";
import { findReportCandidates } from "./find-report-candidates.js";
import { rateTarget } from "./rate-target.js";
import type { Reconciliation, ResultMatch, TargetReconciliation } from "./reconciliation-schema.js";
import { unitsCompatible } from "./unit-compatibility.js";

export interface ReconcileOptions {
  /** Least cosine similarity of two indicators for a result to answer a target. */
  minSimilarity: number;
}

export function reconcileTargets(
  records: readonly LinkableRecord[],
  index: DocumentIndex,
  edges: readonly GraphEdge[],
  options: ReconcileOptions,
): Reconciliation {
  const rep = (n: number): LinkableRecord => records[index.representative[n]];
  const candidates = findReportCandidates(records, index, edges);
  const byPlan = new Map<number, typeof candidates>();
  for (const c of candidates) {
    const list = byPlan.get(c.plan);
    if (list) list.push(c);
    else byPlan.set(c.plan, [c]);
  }

  const space = new IndicatorSpace();
  const involved = new Set<number>(candidates.flatMap((c) => [c.plan, c.report]));
  for (const n of involved) {
    for (const t of rep(n).targets) space.add(t.indicator);
    for (const r of rep(n).results) space.add(r.indicator);
  }
  const vectors = new Map<string, TermVector>();
  const vectorOf = (indicator: string): TermVector => {
    let v = vectors.get(indicator);
    if (!v) {
      v = space.vectorize(indicator);
      vectors.set(indicator, v);
    }
    return v;
  };

  const plans = index.nodes.map((_, n) => n).filter((n) => rep(n).targets.length > 0);
  const targets: TargetReconciliation[] = [];
  for (const plan of plans) {
    const planRecord = rep(plan);
    const reports = byPlan.get(plan) ?? [];
    planRecord.targets.forEach((target, t) => {
      const matches: ResultMatch[] = [];
      for (const c of reports) {
        const best = bestResult(target, rep(c.report).results, vectorOf, options.minSimilarity);
        if (!best) continue;
        const report = index.nodes[c.report];
        const r = best.result;
        matches.push({
          report: report.id,
          reportSource: report.sources[0] ?? null,
          reportDate: report.date,
          via: c.via,
          result: best.index,
          indicator: r.indicator,
          comparator: r.comparator,
          value: r.value,
          valueMax: r.valueMax,
          unit: r.unit,
          similarity: Math.round(best.similarity * 1000) / 1000,
          status: rateTarget(target, r),
          span: r.span,
          text: r.text,
        });
      }
      matches.sort((a, b) => (b.reportDate ?? "").localeCompare(a.reportDate ?? "") || b.similarity - a.similarity);
      targets.push({
        plan: index.nodes[plan].id,
        planSource: index.nodes[plan].sources[0] ?? null,
        target: t,
        indicator: target.indicator,
        comparator: target.comparator,
        value: target.value,
        valueMax: target.valueMax,
        unit: target.unit,
        span: target.span,
        text: target.text,
        matches,
        status: matches[0]?.status ?? "no_data",
      });
    });
  }
  return {
    plans: plans.length,
    pairs: candidates.map((c) => ({ plan: index.nodes[c.plan].id, report: index.nodes[c.report].id, via: c.via })),
    targets,
  };
}

function bestResult(
  target: Target,
  results: readonly Result[],
  vectorOf: (indicator: string) => TermVector,
  minSimilarity: number,
): { result: Result; index: number; similarity: number } | null {
  const tv = vectorOf(target.indicator);
  let best: { result: Result; index: number; similarity: number } | null = null;
  results.forEach((r, i) => {
    // A change "so với cùng kỳ" measures a difference, not the level a target sets.
    if (r.basis !== null || !unitsCompatible(target, r)) return;
    const similarity = cosine(tv, vectorOf(r.indicator));
    if (similarity >= minSimilarity && (!best || similarity > best.similarity)) best = { result: r, index: i, similarity };
  });
  return best;
}
