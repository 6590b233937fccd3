import type { Block, InlineMark, SourceDocument } from "../blocks/index.js";
import { mayNeedNormalizing, MULTI_SPACE, normalizeSegment } from "./normalize-text.js";

// Copies are made with Object.assign, not `{ ...block, key }`: on Node 20 (V8 11.3) a spread
// followed by more keys is several times slower to build, and to read later (docs/performance.md).

/** What the source did to its lines before it made blocks of them (`SourceDocument`). */
export type LinesDone = Pick<SourceDocument, "linesNormalized" | "linesSettled">;

/**
 * Normalizes a block's text (see `normalizeText`) and moves its inline marks along, so a
 * superscript footnote reference still covers its label after spaces collapse.
 */
export function normalizeBlock(block: Block, lines: LinesDone = {}): Block {
  const marks = block.marks ?? [];
  // Lines the source already normalized come out of normalizeSegment as they went in; settled
  // ones need not even be looked at.
  const normalize = lines.linesNormalized === true && (lines.linesSettled === true || !mayNeedNormalizing(block.text)) ? keepSegment : normalizeSegment;
  if (marks.length === 0) {
    const text = collapse(normalize(block.text), []).text;
    return text === block.text ? block : Object.assign({}, block, { text });
  }
  // Normalize the pieces between mark boundaries separately so boundaries survive.
  const cuts = [...new Set([0, block.text.length, ...marks.flatMap((m) => [m.start, m.end])])]
    .filter((c) => c >= 0 && c <= block.text.length)
    .sort((a, b) => a - b);
  const newPos = new Map<number, number>();
  let text = "";
  for (let i = 0; i < cuts.length; i++) {
    newPos.set(cuts[i], text.length);
    if (i + 1 < cuts.length) text += normalize(block.text.slice(cuts[i], cuts[i + 1]));
  }
  const moved = marks.map((m) => Object.assign({}, m, { start: newPos.get(m.start) ?? 0, end: newPos.get(m.end) ?? 0 }));
  const out = collapse(text, moved);
  // Zero-width footnote references (a mark lost in extraction, kept as a position) stay.
  return Object.assign({}, block, { text: out.text, marks: out.marks.filter((m) => m.end > m.start || m.kind === "footnoteRef") });
}

/** Drops the one space a collapsed text may start and end with. */
function trimOneSpace(text: string): string {
  const start = text.startsWith(" ") ? 1 : 0;
  const end = text.length > start && text.endsWith(" ") ? text.length - 1 : text.length;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function keepSegment(text: string): string {
  return text;
}

/** Collapses runs of spaces and trims, keeping mark offsets in step. Linear in the text length. */
function collapse(text: string, marks: InlineMark[]): { text: string; marks: InlineMark[] } {
  if (!text.includes("  ") && !text.startsWith(" ") && !text.endsWith(" ")) return { text, marks };
  // Without marks no offset map is needed: one native replacement does it.
  if (marks.length === 0) return { text: trimOneSpace(text.replace(MULTI_SPACE, " ")), marks };
  const map = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let length = 0;
  let lastWasSpace = true; // drops leading spaces
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = length;
    const space = text.charCodeAt(i) === 0x20;
    if (space && lastWasSpace) {
      if (runStart < i) parts.push(text.slice(runStart, i));
      runStart = i + 1;
      continue;
    }
    length++;
    lastWasSpace = space;
  }
  if (runStart < text.length) parts.push(text.slice(runStart));
  map[text.length] = length;
  let out = parts.join("");
  if (out.endsWith(" ")) out = out.slice(0, -1);
  const clamp = (n: number) => Math.min(map[n], out.length);
  return { text: out, marks: marks.map((m) => Object.assign({}, m, { start: clamp(m.start), end: clamp(m.end) })) };
}
