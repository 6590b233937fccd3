import type { Block } from "./block.js";
import { BLOCK_START } from "../lexicon/section-markers.js";
import { isAllCaps } from "../text/caps.js";
import { LOWER_CLASS } from "../lexicon/letters.js";

const ENDS_CLAUSE = /[.:;!?…]["”»)]?$/u;
const STARTS_LOWER = new RegExp(String.raw`^["“(]?[${LOWER_CLASS}]`, "u");

/**
 * Puts the blocks in reading flow: body first, then footnote and endnote definitions, then page
 * furniture. Notes printed at page breaks (Markdown from paginated PDFs, PDF footnote areas)
 * and running headers no longer split the body, so a paragraph cut by them is one again:
 * "… của Mặt trận Tổ quốc và" + notes + "các tổ chức chính trị - xã hội …".
 */
export function orderFlow(blocks: Block[]): Block[] {
  const body: Block[] = [];
  const notes: Block[] = [];
  const furniture: Block[] = [];
  let interrupted = false;
  for (const block of blocks) {
    const role = block.role ?? "body";
    if (role === "footnote" || role === "endnote") {
      notes.push(block);
      interrupted = true;
    } else if (role === "furniture") {
      furniture.push(block);
      interrupted = true;
    } else {
      const prev = body[body.length - 1];
      if (interrupted && prev && continuesParagraph(prev, block)) {
        body[body.length - 1] = joinBlocks(prev, block);
      } else {
        body.push(block);
      }
      interrupted = false;
    }
  }
  return [...body, ...notes, ...furniture];
}

function continuesParagraph(prev: Block, next: Block): boolean {
  if (prev.column || next.column || prev.table || next.table) return false;
  if ((prev.style.headingLevel ?? 0) !== 0 || (next.style.headingLevel ?? 0) !== 0) return false;
  if (BLOCK_START.test(next.text) || isAllCaps(next.text) || isAllCaps(prev.text)) return false;
  return !ENDS_CLAUSE.test(prev.text.trimEnd()) && STARTS_LOWER.test(next.text.trimStart());
}

function joinBlocks(a: Block, b: Block): Block {
  const offset = a.text.length + 1;
  const marks = [...(a.marks ?? []), ...(b.marks ?? []).map((m) => Object.assign({}, m, { start: m.start + offset, end: m.end + offset }))];
  // Object.assign, not a spread with more keys: V8 11.3 builds and reads those much slower (docs/performance.md).
  return Object.assign({}, a, {
    text: `${a.text} ${b.text}`,
    marks: marks.length ? marks : undefined,
    style: Object.assign({}, a.style, { lines: (a.style.lines ?? 1) + (b.style.lines ?? 1) }),
  });
}
