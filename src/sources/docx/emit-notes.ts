import type { SourceLine } from "../../blocks/index.js";
import type { Warning } from "../../schema/span.js";
import { draftParagraph, flattenParagraphs, isEmptyParagraph, readParagraphText } from "../word/draft-paragraph.js";
import { joinDrafts } from "../word/emit-lines.js";
import type { NoteKind } from "../word/word-items.js";
import type { NoteNumbering } from "./number-notes.js";
import { childElements, type XmlElement } from "./parse-xml.js";
import type { DocumentWalker } from "./walk-document.js";

/** Separator notes Word keeps in footnotes.xml / endnotes.xml: not content. */
const SEPARATOR_TYPES = new Set(["separator", "continuationSeparator", "continuationNotice"]);
const WHITESPACE_RUN = /\s+/gu;

/**
 * Footnote and endnote definitions as one line each, after the body: in order of reference, with
 * the label the body printed (so a footnoteRef mark and its definition carry equal labels). A note
 * no reference points to is still emitted (text is never dropped), unlabelled, with a warning.
 */
export function emitNotes(
  kind: NoteKind,
  root: XmlElement | null,
  walker: DocumentWalker,
  numbering: NoteNumbering,
  warnings: Warning[],
): SourceLine[] {
  const definitions = new Map<string, XmlElement>();
  for (const note of childElements(root ?? undefined, `w:${kind}`)) {
    if (SEPARATOR_TYPES.has(note.attrs["w:type"] ?? "")) continue;
    if (note.attrs["w:id"] !== undefined) definitions.set(note.attrs["w:id"], note);
  }
  const lines: SourceLine[] = [];
  const labels = numbering.labels[kind];
  const ordered = [...labels.keys()].filter((id) => definitions.has(id));
  const orphans = [...definitions.keys()].filter((id) => !labels.has(id));
  for (const id of [...ordered, ...orphans]) {
    const paragraphs = flattenParagraphs(walker.walkBlocks(definitions.get(id))).filter((p) => !isEmptyParagraph(p));
    if (paragraphs.length === 0) continue;
    const label = labels.get(id);
    const drafts = paragraphs.map((p) => draftParagraph(p, { headingLevel: false }));
    const line = joinDrafts(drafts, " ");
    let text = line.text;
    let marks = line.marks;
    // A custom mark is usually typed again at the head of its definition: it is the label, not text.
    if (label && numbering.customMarks[kind].has(id) && text.startsWith(label)) {
      const cut = text.length - text.slice(label.length).trimStart().length;
      text = text.slice(cut);
      marks = marks.map((m) => ({ ...m, start: Math.max(0, m.start - cut), end: Math.max(0, m.end - cut) })).filter((m) => m.end > m.start);
    }
    if (text.trim() === "") continue;
    if (label === undefined) {
      warnings.push({
        code: "footnote_without_reference",
        message: `A ${kind} in the DOCX is never referenced in the text: "${readParagraphText(paragraphs[0]).trim().slice(0, 60)}".`,
      });
    }
    lines.push({
      text,
      marks: marks.length ? marks : undefined,
      role: kind,
      footnoteLabel: label,
      breakBefore: true,
      style: { ...drafts[0].style },
    });
  }
  return lines;
}

/** Running headers and footers (text other than page-number fields), once each, as furniture. */
export function emitHeaderFooters(parts: XmlElement[], walker: DocumentWalker): SourceLine[] {
  const seen = new Set<string>();
  const lines: SourceLine[] = [];
  for (const part of parts) {
    for (const paragraph of flattenParagraphs(walker.walkBlocks(part))) {
      if (isEmptyParagraph(paragraph)) continue;
      const text = readParagraphText(paragraph).replace(WHITESPACE_RUN, " ").trim();
      if (text === "" || seen.has(text)) continue;
      seen.add(text);
      lines.push({ text, role: "furniture", breakBefore: true, style: {} });
    }
  }
  return lines;
}
