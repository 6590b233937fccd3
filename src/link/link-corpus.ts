/**
 * Liên kết kho văn bản: the citation graph of a corpus of records and the reconciliation of
 * plans' targets with reports' results. One pass over the records to index them, one over their
 * citations to resolve them through the index: time and memory grow linearly with the corpus.
 */
import { z } from "zod";
import type { Span } from "../schema/span.js";
import { classifyRelation } from "./classify-relation.js";
import {
  AmbiguousCitationSchema,
  GraphEdgeSchema,
  GraphNodeSchema,
  GraphSummarySchema,
  UnresolvedCitationSchema,
  type AmbiguousCitation,
  type Evidence,
  type GraphEdge,
  type UnresolvedCitation,
} from "./graph-schema.js";
import { keyCitation } from "./identity-key.js";
import { indexDocuments } from "./index-documents.js";
import type { LinkableRecord } from "./linkable-record.js";
import { reconcileTargets } from "./reconcile-targets.js";
import { ReconciliationSchema } from "./reconciliation-schema.js";
import { resolveCitation } from "./resolve-citation.js";
import { summarizeGraph } from "./summarize-graph.js";

export const LinkOptionsSchema = z.object({
  top: z.number().int().positive().default(10).describe("Length of the most-cited lists in the summary."),
  minSimilarity: z.number().min(0).max(1).default(0.35).describe("Least indicator similarity for a result to answer a target."),
});
export type LinkOptions = z.input<typeof LinkOptionsSchema>;

/** What linkCorpus returns. */
export const CorpusLinksSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  unresolved: z.array(UnresolvedCitationSchema),
  ambiguous: z.array(AmbiguousCitationSchema),
  summary: GraphSummarySchema,
  reconciliation: ReconciliationSchema,
});
export type CorpusLinks = z.infer<typeof CorpusLinksSchema>;

const EVIDENCE_MAX = 400;

function sortedSpans(r: LinkableRecord): Span[] {
  return r.citations.map((c) => c.span).sort((a, b) => a.start - b.start);
}

export function linkCorpus(records: readonly LinkableRecord[], options: LinkOptions = {}): CorpusLinks {
  const top = options.top ?? 10;
  const minSimilarity = options.minSimilarity ?? 0.35;
  const index = indexDocuments(records);
  const edges: GraphEdge[] = [];
  const unresolved: UnresolvedCitation[] = [];
  const ambiguous: AmbiguousCitation[] = [];

  index.nodes.forEach((node, n) => {
    // Copies of one document cite the same things: read the fullest copy only.
    const recordIndex = index.representative[n];
    const record = records[recordIndex];
    const spans = sortedSpans(record);
    record.citations.forEach((citation, ci) => {
      const key = keyCitation(citation);
      if (key === null) return;
      const reading = classifyRelation(record, citation, spans);
      const start = Math.max(reading.start, citation.span.end - EVIDENCE_MAX);
      const evidence: Evidence = {
        record: recordIndex,
        source: record.source.name ?? null,
        citation: ci,
        span: { start, end: citation.span.end },
        text: record.text.slice(start, citation.span.end).replace(/\s+/gu, " "),
        cue: reading.cue,
      };
      const base = { from: node.id, kind: reading.kind, raw: citation.raw, evidence };
      if (key.kind !== "numbered") {
        unresolved.push({
          ...base,
          key: key.kind === "title" ? key.id : null,
          reason: key.kind === "title" ? "not_in_corpus" : "no_key",
          type: citation.type,
          title: citation.title,
        });
        return;
      }
      const res = resolveCitation(citation, key.key, index, n);
      switch (res.outcome) {
        case "self":
          return;
        case "resolved":
          edges.push({
            ...base,
            to: index.nodes[res.node].id,
            sectionId: citation.sectionId,
            pinpoints: citation.pinpoints,
            yearInferred: res.yearInferred,
          });
          return;
        case "ambiguous":
          ambiguous.push({ ...base, key: key.key.id, candidates: res.nodes.map((m) => index.nodes[m].id) });
          return;
        default:
          unresolved.push({ ...base, key: key.key.id, reason: res.reason, type: citation.type, title: citation.title });
      }
    });
  });

  const summary = summarizeGraph({ records: records.length, nodes: index.nodes, edges, unresolved, ambiguous, topN: top });
  const reconciliation = reconcileTargets(records, index, edges, { minSimilarity });
  return { nodes: index.nodes, edges, unresolved, ambiguous, summary, reconciliation };
}
