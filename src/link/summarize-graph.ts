/**
 * Tổng hợp đồ thị: counts, the most-cited documents, the documents that cite one the corpus
 * shows as replaced or repealed, and the most-cited documents missing from the corpus.
 */
import { RELATION_KINDS } from "../lexicon/relation-words.js";
import type {
  AmbiguousCitation,
  CitedCount,
  GraphEdge,
  GraphNode,
  GraphSummary,
  RelationKind,
  StaleCitation,
  UnresolvedCitation,
} from "./graph-schema.js";

interface Tally {
  id: string;
  type: string | null;
  label: string;
  citing: Set<string>;
  citations: number;
}

function tally(map: Map<string, Tally>, id: string, from: string, type: string | null, label: string): void {
  let t = map.get(id);
  if (!t) {
    t = { id, type, label, citing: new Set(), citations: 0 };
    map.set(id, t);
  }
  t.citing.add(from);
  t.citations++;
}

function top(map: Map<string, Tally>, n: number): CitedCount[] {
  return [...map.values()]
    .sort((a, b) => b.citing.size - a.citing.size || b.citations - a.citations || a.id.localeCompare(b.id))
    .slice(0, n)
    .map((t) => ({ id: t.id, type: t.type, label: t.label, citedBy: t.citing.size, citations: t.citations }));
}

function labelOf(type: string | null, symbol: string | null, fallback: string): string {
  if (symbol) return type ? `${type} ${symbol}` : symbol;
  return fallback;
}

export interface SummaryInput {
  records: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  unresolved: UnresolvedCitation[];
  ambiguous: AmbiguousCitation[];
  topN: number;
}

export function summarizeGraph(input: SummaryInput): GraphSummary {
  const { nodes, edges, unresolved, ambiguous, topN } = input;
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const byKind = Object.fromEntries(RELATION_KINDS.map((k) => [k, 0])) as Record<RelationKind, number>;
  const cited = new Map<string, Tally>();
  for (const e of edges) {
    byKind[e.kind]++;
    const node = nodeById.get(e.to);
    tally(cited, e.to, e.from, node?.type ?? null, labelOf(node?.type ?? null, node?.symbol ?? null, e.to));
  }
  const missing = new Map<string, Tally>();
  for (const u of unresolved) {
    byKind[u.kind]++;
    if (u.key === null || u.reason === "no_key") continue;
    const label = u.key.startsWith("title:") ? (u.title ?? u.key) : labelOf(u.type, u.key, u.key);
    tally(missing, u.key, u.from, u.type, label);
  }
  for (const a of ambiguous) byKind[a.kind]++;

  // Superseded documents, by key, whether in the corpus or not: the relation is read from the superseding one.
  const superseded = new Map<string, { by: string; kind: "replaces" | "repeals" }>();
  for (const e of edges) if (e.kind === "replaces" || e.kind === "repeals") superseded.set(e.to, { by: e.from, kind: e.kind });
  for (const u of unresolved) {
    if (u.key && (u.kind === "replaces" || u.kind === "repeals")) superseded.set(u.key, { by: u.from, kind: u.kind });
  }
  const citingSuperseded: StaleCitation[] = [];
  const consider = (from: string, to: string, kind: RelationKind, evidence: GraphEdge["evidence"]): void => {
    const s = superseded.get(to);
    if (!s || s.by === from || kind === "replaces" || kind === "repeals" || kind === "amends") return;
    const fromDate = nodeById.get(from)?.date ?? null;
    const byDate = nodeById.get(s.by)?.date ?? null;
    citingSuperseded.push({
      from,
      cited: to,
      supersededBy: s.by,
      supersedingKind: s.kind,
      citedAfterwards: fromDate && byDate ? fromDate > byDate : null,
      evidence,
    });
  };
  for (const e of edges) consider(e.from, e.to, e.kind, e.evidence);
  for (const u of unresolved) if (u.key) consider(u.from, u.key, u.kind, u.evidence);

  return {
    records: input.records,
    nodes: nodes.length,
    citations: edges.length + unresolved.length + ambiguous.length,
    resolved: edges.length,
    unresolved: unresolved.length,
    ambiguous: ambiguous.length,
    byKind,
    mostCited: top(cited, topN),
    citingSuperseded,
    mostCitedMissing: top(missing, topN),
  };
}
