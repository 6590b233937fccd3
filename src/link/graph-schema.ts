/**
 * Đồ thị trích dẫn: the shapes `linkCorpus` returns for the citation graph of a corpus. The
 * reconciliation shapes live in reconciliation-schema.ts.
 */
import { z } from "zod";
import { RELATION_KINDS } from "../lexicon/relation-words.js";
import { PinpointSchema } from "../schema/citation.js";
import { SpanSchema } from "../schema/span.js";

/** Loại quan hệ: how the citing document relates to the cited one. */
export const RelationKindSchema = z.enum(RELATION_KINDS);
export type RelationKind = z.infer<typeof RelationKindSchema>;

/** Văn bản trong kho: one document of the corpus (records with the same identity are one node). */
export const GraphNodeSchema = z.object({
  id: z.string().describe("The identity key: `554/TTr-SNV@2025`, `91/2017/NĐ-CP`, `34-CT/TW@2024`, `draft:…`, `record:…`."),
  keyKind: z.enum(["numbered", "draft", "unkeyed"]),
  type: z.string().nullable(),
  number: z.string().nullable(),
  symbol: z.string().nullable().describe("Canonical số ký hiệu with the number."),
  year: z.number().int().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
  records: z.array(z.number().int().nonnegative()).describe("Indexes of the input records that are this document."),
  sources: z.array(z.string()).describe("Source names of those records."),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

/** Bằng chứng: where the relation was read, in the citing record. */
export const EvidenceSchema = z.object({
  record: z.number().int().nonnegative(),
  source: z.string().nullable(),
  citation: z.number().int().nonnegative().describe("Index into the citing record's `citations`."),
  span: SpanSchema.describe("From the cue word (when one was read) to the end of the citation."),
  text: z.string(),
  cue: z.string().nullable().describe("The words the kind was read from, folded; null for `other`."),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Quan hệ: one citation of a corpus document by another. */
export const GraphEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  kind: RelationKindSchema,
  raw: z.string(),
  sectionId: z.string().nullable(),
  pinpoints: z.array(PinpointSchema),
  yearInferred: z.boolean().describe("The citation printed no year: it matched the only document with its number and symbol."),
  evidence: EvidenceSchema,
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

/** Trích dẫn chưa xác định: a citation that names no document of the corpus, kept with its key. */
export const UnresolvedCitationSchema = z.object({
  from: z.string(),
  key: z.string().nullable().describe("Identity key of the cited document; null when it has neither symbol nor name."),
  reason: z.enum(["not_in_corpus", "issuer_mismatch", "no_key"]),
  kind: RelationKindSchema,
  type: z.string().nullable(),
  title: z.string().nullable(),
  raw: z.string(),
  evidence: EvidenceSchema,
});
export type UnresolvedCitation = z.infer<typeof UnresolvedCitationSchema>;

/** Trích dẫn mơ hồ: several corpus documents fit; reported, never guessed. */
export const AmbiguousCitationSchema = z.object({
  from: z.string(),
  key: z.string(),
  candidates: z.array(z.string()).min(2),
  kind: RelationKindSchema,
  raw: z.string(),
  evidence: EvidenceSchema,
});
export type AmbiguousCitation = z.infer<typeof AmbiguousCitationSchema>;

export const CitedCountSchema = z.object({
  id: z.string(),
  type: z.string().nullable(),
  label: z.string().describe("Type and symbol, or the name of a document cited by name."),
  citedBy: z.number().int().describe("Distinct citing documents."),
  citations: z.number().int(),
});
export type CitedCount = z.infer<typeof CitedCountSchema>;

/** A document cites one that the corpus shows as replaced or repealed. */
export const StaleCitationSchema = z.object({
  from: z.string(),
  cited: z.string(),
  supersededBy: z.string(),
  supersedingKind: z.enum(["replaces", "repeals"]),
  citedAfterwards: z.boolean().nullable().describe("The citing document is dated after the superseding one; null when a date is missing."),
  evidence: EvidenceSchema,
});
export type StaleCitation = z.infer<typeof StaleCitationSchema>;

/** Tổng hợp: counts and the three lists worth acting on. */
export const GraphSummarySchema = z.object({
  records: z.number().int(),
  nodes: z.number().int(),
  citations: z.number().int().describe("Citations read, excluding self references (`Quyết định này`)."),
  resolved: z.number().int(),
  unresolved: z.number().int(),
  ambiguous: z.number().int(),
  byKind: z.record(RelationKindSchema, z.number().int()),
  mostCited: z.array(CitedCountSchema),
  citingSuperseded: z.array(StaleCitationSchema),
  mostCitedMissing: z.array(CitedCountSchema).describe("Cited documents absent from the corpus: what to digitise next."),
});
export type GraphSummary = z.infer<typeof GraphSummarySchema>;
