/** Across documents: the citation graph of a corpus and the reconciliation of plans with reports. */
export { linkCorpus, CorpusLinksSchema, LinkOptionsSchema, type CorpusLinks, type LinkOptions } from "./link-corpus.js";
export * from "./graph-schema.js";
export * from "./reconciliation-schema.js";
export { LinkableRecordSchema, LINKABLE_FIELDS, type LinkableRecord } from "./linkable-record.js";
export { keyCitation, keyRecord, keySymbol, type CitationKey, type RecordKey, type NumberedKey } from "./identity-key.js";
export { renderGraphml } from "./render-graphml.js";
export { renderMermaid } from "./render-mermaid.js";
export { renderCitationsCsv } from "./render-citations-csv.js";
export { renderReconciliationCsv } from "./render-reconciliation-csv.js";
