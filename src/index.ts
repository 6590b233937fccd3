export { parse } from "./parse.js";
export { parseText } from "./parse-text.js";
export { VanbanError, isVanbanError, type VanbanErrorCode } from "./errors.js";
export * from "./schema/index.js";
export type { Block, BlockStyle, InlineMark, SourceDocument } from "./blocks/block.js";
export { normalizeText } from "./normalize/normalize-text.js";
export { foldTones, foldKey, sameWords } from "./normalize/fold.js";
export { documentTypeByCode, documentTypeByName } from "./extract/citations/types.js";
