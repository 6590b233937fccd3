import type { Footnote } from "../schema/footnote.js";
import type { Span } from "../schema/span.js";
import { footnoteLabelOf } from "../lexicon/footnote-labels.js";
import { blockSpan, claim, isAside, joinSpans, type StructureContext } from "./context.js";

export interface FootnoteRefFound {
  blockIndex: number;
  label: string;
  span: Span;
}

/**
 * Chú thích: gathers footnote and endnote definitions (blocks the source marked), joins a note
 * continued over several blocks, and links the references found in the text to them. A note
 * without a reference or a reference without a note is a warning, not an error.
 */
export function linkFootnotes(ctx: StructureContext, sectionOf: (blockIndex: number) => string | null): { footnotes: Footnote[]; refsByBlock: Map<number, string[]> } {
  const footnotes: Footnote[] = [];
  // Several notes may share a label (each form of an appendix numbers its notes from 1).
  const byLabel = new Map<string, Footnote[]>();
  for (const block of ctx.blocks) {
    if (block.role !== "footnote" && block.role !== "endnote") continue;
    const kind = block.role === "endnote" ? "endnote" : "footnote";
    const last = footnotes[footnotes.length - 1];
    if (block.footnoteLabel === undefined && last) {
      // A note continued on the next page or in a following paragraph.
      last.text = `${last.text}\n${block.text}`;
      last.span = joinSpans(last.span, blockSpan(block));
      claim(ctx, block.index, "footnote");
      continue;
    }
    const label = block.footnoteLabel ?? String(footnotes.length + 1);
    const note: Footnote = { label, text: stripLabel(block.text, label), span: blockSpan(block), refs: [], kind };
    footnotes.push(note);
    byLabel.set(label, [...(byLabel.get(label) ?? []), note]);
    claim(ctx, block.index, "footnote");
  }
  const refsByBlock = new Map<number, string[]>();
  const lost: FootnoteRefFound[] = [];
  for (const block of ctx.blocks) {
    if (isAside(block.role)) continue;
    for (const mark of block.marks ?? []) {
      let label: string | null = null;
      if (mark.kind === "footnoteRef") label = mark.label ?? null;
      else if (mark.kind === "sup") label = footnoteLabelOf(ctx.text.slice(block.start + mark.start, block.start + mark.end));
      if (label === null) continue;
      const span: Span = { start: block.start + mark.start, end: block.start + mark.end };
      if (block.page !== undefined) span.page = block.page;
      if (label === "") {
        lost.push({ blockIndex: block.index, label, span });
        continue;
      }
      const note = pickNote(byLabel.get(label), span.page);
      if (!note) {
        if (mark.kind === "footnoteRef") {
          ctx.warnings.push({ code: "footnote_reference_without_note", message: `Footnote reference "${label}" has no definition.`, span });
        }
        continue;
      }
      note.refs.push({ sectionId: sectionOf(block.index), span });
      refsByBlock.set(block.index, [...(refsByBlock.get(block.index) ?? []), label]);
    }
  }
  // Word's endnotes exported as text lose their reference marks; where the sentence punctuation
  // shows the cut, link the cuts to the endnotes in order when the counts agree.
  if (lost.length > 0) {
    const unlinked = footnotes.filter((n) => n.refs.length === 0);
    if (unlinked.length === lost.length) {
      lost.forEach((ref, k) => {
        unlinked[k].refs.push({ sectionId: sectionOf(ref.blockIndex), span: ref.span });
        refsByBlock.set(ref.blockIndex, [...(refsByBlock.get(ref.blockIndex) ?? []), unlinked[k].label]);
      });
      ctx.warnings.push({ code: "footnote_references_inferred", message: `${lost.length} note references were lost in extraction and linked by order.` });
    } else {
      ctx.warnings.push({
        code: "footnote_references_lost",
        message: `${lost.length} places look like lost note references but ${unlinked.length} notes are unlinked; not linked.`,
      });
    }
  }
  for (const note of footnotes) {
    if (note.refs.length === 0) {
      ctx.warnings.push({ code: "footnote_without_reference", message: `Footnote "${note.label}" is not referenced in the text.`, span: note.span });
    }
  }
  return { footnotes, refsByBlock };
}

/** Of the notes with a reference's label, the one printed on its page or the nearest after it. */
function pickNote(candidates: Footnote[] | undefined, page: number | undefined): Footnote | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  if (candidates.length === 1 || page === undefined) return candidates[0];
  return candidates.find((n) => (n.span.page ?? 0) >= page) ?? candidates[candidates.length - 1];
}

/** The definition's text without its printed label: "(1) Hướng dẫn …" → "Hướng dẫn …". */
function stripLabel(text: string, label: string): string {
  let i = 0;
  const skipSpaces = () => {
    while (i < text.length && text[i] === " ") i++;
  };
  skipSpaces();
  const open = text[i] === "(";
  if (open) i++;
  skipSpaces();
  if (!text.startsWith(label, i)) return text;
  i += label.length;
  skipSpaces();
  if (open) {
    if (text[i] !== ")") return text;
    i++;
  }
  if (text[i] === "." || text[i] === ":") i++;
  // The label must stand apart from the text that follows ("1 Hướng dẫn", not "10 hộ").
  if (text[i] !== " ") return text;
  return text.slice(i).trimStart();
}
