export { parse } from "./parse.js";
export { parseText } from "./parse-text.js";
export { countPdfPages, findOcrPages, ocrPdfPages, planOcrPages } from "./ocr-pdf-pages.js";
export { parseIsolated, type IsolatedParseOptions } from "./isolate/index.js";
export { applyCorrections } from "./apply-corrections.js";
export { VanbanError, isVanbanError, type VanbanErrorCode } from "./errors.js";
export * from "./schema/index.js";
export type { Block, BlockStyle, InlineMark, SourceDocument } from "./blocks/index.js";
export { normalizeText } from "./normalize/index.js";
export { foldTones, foldKey, sameWords } from "./text/fold.js";
export { documentTypeByCode, documentTypeByName } from "./lexicon/document-types.js";
export { groupCitations } from "./extract/index.js";
export type { CitedDocument } from "./extract/index.js";
export { renderMarkdown } from "./render/index.js";
export {
  linkCorpus,
  renderGraphml,
  renderMermaid,
  renderCitationsCsv,
  renderReconciliationCsv,
  type CorpusLinks,
  type LinkOptions,
} from "./link/index.js";
