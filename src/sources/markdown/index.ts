import type { Block, InlineMark, SourceDocument } from "../../blocks/index.js";
import type { Warning } from "../../schema/span.js";
import { unwrapLines } from "../../blocks/index.js";
import { footnoteLabelOf } from "../../lexicon/footnote-labels.js";
import { readText } from "../text/index.js";
import { parseMarkdown, type Token } from "./parse-markdown.js";
import { walkMarkdown } from "./walk-markdown.js";

/**
 * Markdown as PDF-to-Markdown converters produce it: `#` headings, bold/italic, inline
 * `<sup>(1)</sup>` footnote marks and `<sub>` drafter initials, paragraphs on one line each.
 */
export function readMarkdown(markdown: string): SourceDocument {
  const depth = nestingDepth(markdown);
  if (depth > MAX_NESTING) return readAsText(markdown, `nesting ${depth} levels deep, over ${MAX_NESTING}`);
  let parsed: Token[][];
  try {
    parsed = chunksOf(markdown).map(parseMarkdown);
  } catch (error) {
    // A document the Markdown parser cannot take is still text.
    return readAsText(markdown, error instanceof Error ? error.message : String(error));
  }
  const state = { tables: 0 };
  const blocks = unwrapLines(parsed.flatMap((tokens) => walkMarkdown(tokens, state))).map(markFootnoteDefinition);
  return { format: "markdown", blocks, pages: null, warnings: [] };
}

function readAsText(markdown: string, reason: string): SourceDocument {
  const warnings: Warning[] = [{ code: "markdown_fallback", message: `Markdown could not be parsed (${reason}); read as plain text.` }];
  return { ...readText(markdown), format: "markdown", warnings };
}

/**
 * Deeper nesting than any real document has. markdown-it drops whatever lies deeper than its
 * own limit (parse-markdown.ts), and each level is a recursive call: such input is read as plain
 * text instead, nothing lost.
 */
const MAX_NESTING = 48;

/** The deepest nesting of containers (block quotes, list markers, indentation) at the start of a line. */
function nestingDepth(markdown: string): number {
  let max = 0;
  let i = 0;
  while (i < markdown.length) {
    let containers = 0;
    let indent = 0;
    for (; i < markdown.length; i++) {
      const c = markdown.charCodeAt(i);
      const next = markdown.charCodeAt(i + 1);
      if (c === 0x3e) containers++; // >
      else if ((c === 0x2d || c === 0x2a || c === 0x2b) && (next === 0x20 || next === 0x09)) containers++; // "- ", "* ", "+ "
      else if (c === 0x20) indent++;
      else if (c === 0x09) indent += 4;
      else break;
    }
    const depth = containers + Math.floor(indent / 2);
    if (depth > max) max = depth;
    const end = markdown.indexOf("\n", i);
    if (end === -1) break;
    i = end + 1;
  }
  return max;
}

/** Markdown parsed at once up to this size; larger input is cut into pieces of about this size. */
const CHUNK = 256 * 1024;
/** A blank line followed by a line that starts at the margin: no block spans it in our documents. */
const SAFE_CUT = /\n[ \t]*\n(?=[^\s>*+\-\d])/gu;

/**
 * Cuts a large document between top-level blocks: each piece's tokens are a fraction of the
 * whole's, and a construct left open (an unclosed fence) reaches no further than its piece.
 */
function chunksOf(markdown: string): string[] {
  if (markdown.length <= CHUNK) return [markdown];
  const chunks: string[] = [];
  let start = 0;
  while (markdown.length - start > CHUNK) {
    SAFE_CUT.lastIndex = start + CHUNK;
    const cut = SAFE_CUT.exec(markdown);
    if (!cut) break;
    const end = cut.index + cut[0].length;
    chunks.push(markdown.slice(start, end));
    start = end;
  }
  chunks.push(markdown.slice(start));
  return chunks;
}

/** A paragraph that opens with a superscript label is that footnote's definition. */
function markFootnoteDefinition(block: Block): Block {
  const first = block.marks?.find((m) => m.kind === "sup" && m.start === 0);
  if (!first || block.style.headingLevel) return block;
  const label = footnoteLabelOf(block.text.slice(first.start, first.end));
  if (!label) return block;
  const marks: InlineMark[] = (block.marks ?? []).filter((m) => m !== first);
  return { ...block, role: "footnote", footnoteLabel: label, marks };
}
