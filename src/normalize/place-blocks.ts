import type { Block, PlacedBlock } from "../blocks/index.js";
import { normalizeBlock, type LinesDone } from "./normalize-block.js";

/**
 * Normalizes the source's blocks and lays them out as the record's `text`, one block a line.
 * Block offsets are final from here on: every later span is computed from them.
 * `lines`: what the source did to its lines already (`SourceDocument.linesNormalized`, `linesSettled`).
 */
export function placeBlocks(blocks: Block[], lines: LinesDone = {}): { text: string; placed: PlacedBlock[] } {
  const placed: PlacedBlock[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const raw of blocks) {
    const block = normalizeBlock(raw, lines);
    if (block.text === "") continue;
    if (parts.length > 0) offset += 1; // the "\n" between blocks
    // Object.assign, not a spread with more keys: V8 11.3 builds and reads those much slower (docs/performance.md).
    placed.push(Object.assign({}, block, { index: placed.length, start: offset, end: offset + block.text.length }));
    parts.push(block.text);
    offset += block.text.length;
  }
  return { text: parts.join("\n"), placed };
}
