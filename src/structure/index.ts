/**
 * Structure: the one entry of the stage. From the placed, normalized blocks it reads the header
 * (thể thức), type, title and trích yếu, Kính gửi, the closing (Nơi nhận, Lưu, signature), the
 * section tree, footnotes and page furniture. Every block ends in exactly one element; what none
 * can place is `unassigned`, with a warning.
 */
import type { PlacedBlock } from "../blocks/index.js";
import type { Addressee, Archive, DocumentType, Header, Recipient, Signature } from "../schema/header.js";
import type { LayoutEntry, VanBanDocument } from "../schema/document.js";
import type { Footnote } from "../schema/footnote.js";
import type { Section } from "../schema/section.js";
import type { Table } from "../schema/table.js";
import type { Paragraph, Span, Warning } from "../schema/span.js";
import { ORNAMENT } from "../lexicon/header-marks.js";
import { SIGNING_STAMP, SIGNING_STAMP_MARK } from "../lexicon/signing-stamps.js";
import { foldText, type FoldedText } from "../text/fold.js";
import { buildAttachments } from "./build-attachments.js";
import { buildSections } from "./build-sections.js";
import { markerOf } from "./section-markers.js";
import { blockSpan, claim, foldedText, isAside, type StructureContext } from "./context.js";
import { findAppendix } from "./find-appendix.js";
import { linkFootnotes } from "./link-footnotes.js";
import { readAddressees } from "./read-addressees.js";
import { readSubjectField } from "./read-subject-field.js";
import { readSignOff } from "./read-sign-off.js";
import { readClosing } from "./read-closing.js";
import { readHeader } from "./read-header.js";
import { readTitle } from "./read-title.js";
import { assignTableSections, readTables } from "./read-tables.js";

/** What the structure stage reads from a document's blocks. */
export interface DocumentStructure {
  /** The text with every tone in its classic place (`foldTones`): later stages match on it too. */
  folded: FoldedText;
  type: DocumentType;
  title: string | null;
  titleSpan: Span | null;
  subject: string | null;
  subjectSpan: Span | null;
  /** The "(Kèm theo Quyết định số …)" line under the title of an attached text. */
  attachedToSpan: Span | null;
  header: Header;
  addressees: Addressee[];
  preamble: Paragraph[];
  sections: Section[];
  footnotes: Footnote[];
  recipients: Recipient[];
  archive: Archive | null;
  signature: Signature | null;
  furniture: VanBanDocument["furniture"];
  unassigned: Paragraph[];
  layout: LayoutEntry[];
  /** Data tables; their cells are claimed with role `table`, out of the section tree. */
  tables: Table[];
}

/** The fewest blocks an attached text has (a title and some content). */
const MIN_ATTACHED_BLOCKS = 3;

/** A signing tool's stamp: the pattern runs only on text with its colon. */
function isSigningStamp(text: string): boolean {
  return text.includes(SIGNING_STAMP_MARK) && SIGNING_STAMP.test(text);
}

/**
 * Reads the structure of a document. `text` is the record's text and `blocks` its placed blocks
 * (offsets into `text`); `warnings` receives the stage's doubts.
 */
export function readStructure(text: string, blocks: PlacedBlock[], warnings: Warning[]): DocumentStructure {
  const ctx: StructureContext = { text, folded: foldText(text), blocks, roles: blocks.map(() => null), warnings };
  for (const block of blocks) {
    if (block.role === "furniture" || ORNAMENT.test(block.text) || isSigningStamp(block.text)) {
      claim(ctx, block.index, "furniture");
    }
  }
  const head = readHeader(ctx);
  const title = readTitle(ctx, head.end, head.header.symbol, head.subject);
  const addressed = readAddressees(ctx, title.end);
  const bodyStart = Math.max(addressed.end, title.end);
  const appendixStart = findAppendix(ctx, bodyStart);
  const subjectField = title.subject === null ? readSubjectField(ctx, bodyStart, appendixStart) : null;
  const closing = readClosing(ctx, bodyStart, appendixStart);
  closing.signature ??= readSignOff(ctx, bodyStart, appendixStart);
  const tables = readTables(ctx);

  const paragraphs: Array<{ index: number; paragraph: Paragraph }> = [];
  const paragraphOf = (index: number, span: Span): Paragraph => {
    const paragraph: Paragraph = { text: text.slice(span.start, span.end), span, footnoteRefs: [] };
    paragraphs.push({ index, paragraph });
    return paragraph;
  };
  const bodyIndices: number[] = [];
  for (const block of blocks) {
    if (ctx.roles[block.index] !== null || isAside(block.role)) continue;
    if (block.index < closing.start || block.index >= appendixStart) bodyIndices.push(block.index);
  }
  // What follows a signed closing without a "Phụ lục" heading is an attached text with a tree of
  // its own. Without a signer the closing may be a sample form inside the body (NĐ 30's Phụ lục).
  // A mark or two under the signature ("DỰ THẢO") is not a text.
  const afterClosing = bodyIndices.filter((i) => i >= appendixStart);
  const attached = closing.signature?.signer != null && afterClosing.length >= MIN_ATTACHED_BLOCKS && !startsAppendix(ctx, appendixStart);
  const built = buildSections(ctx, attached ? bodyIndices.filter((i) => i < appendixStart) : bodyIndices, paragraphOf);
  const attachments = buildAttachments(ctx, attached ? afterClosing : [], paragraphOf);
  built.sections.push(...attachments.sections);
  for (const [i, id] of attachments.sectionOf) built.sectionOf.set(i, id);
  assignTableSections(ctx, tables, (i) => built.sectionOf.get(i) ?? null);
  const { footnotes, refsByBlock } = linkFootnotes(ctx, (i) => built.sectionOf.get(i) ?? null);
  attachFootnoteRefs(paragraphs, refsByBlock, footnotes);

  const furniture: VanBanDocument["furniture"] = [];
  for (const block of blocks) {
    if (ctx.roles[block.index] === "furniture") furniture.push({ text: block.text, span: blockSpan(block) });
  }
  const unassigned: Paragraph[] = [];
  for (const block of blocks) {
    if (ctx.roles[block.index] !== null) continue;
    claim(ctx, block.index, "unassigned");
    unassigned.push({ text: block.text, span: blockSpan(block), footnoteRefs: [] });
  }
  if (unassigned.length > 0) {
    ctx.warnings.push({
      code: "unassigned_text",
      message: `${unassigned.length} block(s) could not be placed in any element; kept in \`unassigned\`.`,
      span: unassigned[0].span,
    });
  }
  const layout: LayoutEntry[] = blocks.map((block) => ({ role: ctx.roles[block.index] ?? "unassigned", span: blockSpan(block) }));
  return {
    folded: ctx.folded,
    type: title.type,
    title: title.title,
    titleSpan: title.titleSpan,
    subject: title.subject ?? subjectField?.text ?? null,
    subjectSpan: title.subjectSpan ?? subjectField?.span ?? null,
    attachedToSpan: title.attachedToSpan,
    header: head.header,
    addressees: addressed.addressees,
    preamble: built.preamble,
    sections: built.sections,
    footnotes,
    recipients: closing.recipients,
    archive: closing.archive,
    signature: closing.signature,
    furniture,
    unassigned,
    layout,
    tables: tables.map((t) => t.table),
  };
}

function startsAppendix(ctx: StructureContext, i: number): boolean {
  const block = ctx.blocks[i];
  return markerOf(block.text, foldedText(ctx, block))?.kind === "appendix";
}

/** Gives each paragraph the labels of the footnote references printed inside it. */
function attachFootnoteRefs(
  paragraphs: Array<{ index: number; paragraph: Paragraph }>,
  refsByBlock: Map<number, string[]>,
  footnotes: Footnote[],
): void {
  for (const { index, paragraph } of paragraphs) {
    const labels = refsByBlock.get(index);
    if (!labels) continue;
    for (const note of footnotes) {
      if (labels.includes(note.label) && note.refs.some((r) => r.span.start >= paragraph.span.start && r.span.end <= paragraph.span.end + 1)) {
        paragraph.footnoteRefs.push(note.label);
      }
    }
  }
}
