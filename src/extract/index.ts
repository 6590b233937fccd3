/**
 * Extract: the one entry of the stage. Reads citations (trích dẫn) and numeric targets and
 * results (chỉ tiêu, kết quả) from the text units of a document's structure.
 */
export { extractAll, type ExtractInput } from "./extract-all.js";
export { extractCitations, groupCitations, parseSymbol, CitedDocumentSchema, CitationOccurrenceSchema } from "./citations/index.js";
export type { CitedDocument, CitationOccurrence, ParsedSymbol } from "./citations/index.js";
export { extractTargets } from "./targets/index.js";
export type { ExtractContext, TextUnit } from "./context.js";
export { readCopyStamps } from "./read-copy-stamps.js";
