import type { PlacedBlock } from "../blocks/index.js";
import type { BlockRole } from "../schema/document.js";
import type { Span, Warning } from "../schema/span.js";
import { sliceFolded, type FoldedText } from "../text/fold.js";

/** State shared by the structure stages: the placed blocks and which element holds each. */
export interface StructureContext {
  text: string;
  /** `foldTones(text)`: same offsets, classic tone placement, for matching (read with `foldedText`). */
  folded: FoldedText;
  blocks: PlacedBlock[];
  /** The role given to each block; null while unclaimed. */
  roles: (BlockRole | null)[];
  warnings: Warning[];
}

/** Footnote and endnote definitions and page furniture: beside the flow, never body text. */
export function isAside(role: PlacedBlock["role"]): boolean {
  return role === "footnote" || role === "endnote" || role === "furniture";
}

export function blockSpan(block: PlacedBlock): Span {
  return block.page === undefined ? { start: block.start, end: block.end } : { start: block.start, end: block.end, page: block.page };
}

/** Span of a range inside a block, trimmed of surrounding spaces. */
export function rangeSpan(ctx: StructureContext, block: PlacedBlock, start: number, end: number): Span {
  let s = Math.max(block.start, Math.min(start, block.end));
  let e = Math.max(s, Math.min(end, block.end));
  while (s < e && /\s/u.test(ctx.text[s])) s++;
  while (e > s && /\s/u.test(ctx.text[e - 1])) e--;
  return block.page === undefined ? { start: s, end: e } : { start: s, end: e, page: block.page };
}

/** Span covering several blocks, from the first one's start to the last one's end. */
export function joinSpans(a: Span, b: Span): Span {
  const span: Span = { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
  const page = a.start <= b.start ? a.page : b.page;
  // Not `{ ...span, page }`: V8 11.3 builds and reads such objects several times slower (docs/performance.md).
  if (page !== undefined) span.page = page;
  return span;
}

/** The block's text with every tone in its classic place (`foldTones`). */
export function foldedText(ctx: StructureContext, block: PlacedBlock): string {
  return sliceFolded(ctx.folded, block.start, block.end);
}

export function claim(ctx: StructureContext, index: number, role: BlockRole): void {
  ctx.roles[index] = role;
}
