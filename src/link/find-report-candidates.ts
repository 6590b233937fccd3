/**
 * Báo cáo ứng viên: the later documents that may report on a plan. Either they cite it, or they
 * come from the same issuer, fall in the plan's period and share indicator words: looked up in
 * an inverted index (issuer + word → reports), so no pair of records is ever compared blindly.
 */
import type { GraphEdge } from "./graph-schema.js";
import type { DocumentIndex } from "./index-documents.js";
import { indicatorTerms } from "./indicator-vectors.js";
import type { LinkableRecord } from "./linkable-record.js";
import { stripTones } from "./strip-tones.js";

/** Distinct indicator word pairs a plan and a report must share to be paired without a citation. */
const MIN_SHARED_TERMS = 3;
/** A word pair posted for more reports than this names nothing in particular ("tỷ_lệ"): skipped. */
const MAX_POSTING = 200;
/** Reports paired with one plan without a citation, at most: those sharing the most words, latest first. */
const MAX_UNCITED_REPORTS = 12;
const YEAR = /(?<![\d/])(?<year>(?:19|20)\d{2})(?![\d/])/gu;

export interface Candidate {
  plan: number;
  report: number;
  via: "citation" | "shared_indicators";
}

type Period = { start: number; end: number };

/** The years a document is about: its date's and those in its subject or title ("giai đoạn 2021-2025"). */
export function periodOf(r: LinkableRecord): Period | null {
  const years: number[] = [];
  const dated = r.header.date ? Number(r.header.date.slice(0, 4)) : r.header.year;
  if (dated !== null) years.push(dated);
  for (const m of `${r.subject ?? ""} ${r.title ?? ""}`.matchAll(YEAR)) years.push(Number(m.groups?.year));
  return years.length === 0 ? null : { start: Math.min(...years), end: Math.max(...years) };
}

/** Word pairs of a record's indicators: the terms with "_" only, single syllables are too common. */
function pairTerms(indicators: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const ind of indicators) for (const t of indicatorTerms(ind)) if (t.includes("_")) terms.add(t);
  return terms;
}

function laterOrUndated(plan: LinkableRecord, report: LinkableRecord): boolean {
  const a = plan.header.date;
  const b = report.header.date;
  return a === null || b === null || b >= a;
}

export function findReportCandidates(
  records: readonly LinkableRecord[],
  index: DocumentIndex,
  edges: readonly GraphEdge[],
): Candidate[] {
  const rep = (n: number): LinkableRecord => records[index.representative[n]];
  const plans = index.nodes.map((_, n) => n).filter((n) => rep(n).targets.length > 0);
  const isReport = (n: number): boolean => rep(n).results.length > 0;
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const push = (plan: number, report: number, via: Candidate["via"]): void => {
    const k = `${plan}\u0000${report}`;
    if (plan === report || seen.has(k)) return;
    seen.add(k);
    candidates.push({ plan, report, via });
  };
  const isPlan = new Set(plans);
  for (const e of edges) {
    const from = index.byId.get(e.from);
    const to = index.byId.get(e.to);
    if (from === undefined || to === undefined || !isPlan.has(to) || !isReport(from)) continue;
    if (laterOrUndated(rep(to), rep(from))) push(to, from, "citation");
  }

  const periods = index.nodes.map((_, n) => periodOf(rep(n)));
  const postings = new Map<string, number[]>();
  index.nodes.forEach((node, n) => {
    if (!isReport(n) || !node.issuer) return;
    const issuer = stripTones(node.issuer);
    for (const term of pairTerms(rep(n).results.map((r) => r.indicator))) {
      const key = `${issuer}\u0000${term}`;
      const list = postings.get(key);
      if (!list) postings.set(key, [n]);
      else if (list.length <= MAX_POSTING) list.push(n);
    }
  });
  for (const plan of plans) {
    const node = index.nodes[plan];
    const period = periods[plan];
    if (!node.issuer || !period) continue;
    const issuer = stripTones(node.issuer);
    const hits = new Map<number, number>();
    for (const term of pairTerms(rep(plan).targets.map((t) => t.indicator))) {
      const list = postings.get(`${issuer}\u0000${term}`);
      if (!list || list.length > MAX_POSTING) continue;
      for (const n of list) hits.set(n, (hits.get(n) ?? 0) + 1);
    }
    const fitting: Array<{ report: number; count: number }> = [];
    for (const [report, count] of hits) {
      if (count < MIN_SHARED_TERMS) continue;
      const rp = periods[report];
      // The period must be known on both sides: a pairing without a citation is never made on a guess.
      if (!rp || rp.end < period.start || rp.start > period.end + 1 || !laterOrUndated(rep(plan), rep(report))) continue;
      fitting.push({ report, count });
    }
    fitting
      .sort((a, b) => b.count - a.count || (rep(b.report).header.date ?? "").localeCompare(rep(a.report).header.date ?? ""))
      .slice(0, MAX_UNCITED_REPORTS)
      .forEach((f) => push(plan, f.report, "shared_indicators"));
  }
  return candidates;
}
