/**
 * Blocks: the one model every source emits (see `block.ts`), the rebuilding of paragraphs from
 * hard-wrapped lines, and the reading flow (body, then notes, then page furniture).
 */
export type { Block, BlockSourceRole, BlockTableCell, BlockStyle, InlineMark, PlacedBlock, SourceDocument } from "./block.js";
export { unwrapLines, type SourceLine } from "./unwrap-lines.js";
export { orderFlow } from "./order-flow.js";
