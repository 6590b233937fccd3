import type { SourceDocument } from "../blocks/block.js";
import type { TextUnit } from "../extract/context.js";
import { foldTones } from "../normalize/fold.js";
import type { LayoutEntry, VanBanDocument } from "../schema/document.js";
import { SCHEMA_VERSION } from "../schema/version.js";
import type { Section } from "../schema/section.js";
import type { Paragraph, Span } from "../schema/span.js";
import { buildSections } from "../structure/build-sections.js";
import { blockSpan, claim, isAside, type StructureContext } from "../structure/context.js";
import { linkFootnotes } from "../structure/link-footnotes.js";
import { orderFlow } from "../structure/order-flow.js";
import { placeBlocks } from "../structure/place-blocks.js";
import { readAddressees } from "../structure/read-addressees.js";
import { readClosing } from "../structure/read-closing.js";
import { readHeader } from "../structure/read-header.js";
import { readTitle } from "../structure/read-title.js";
import { AUTHORITY, ORNAMENT, RECIPIENTS_LEAD, SIGNING_STAMP } from "../structure/patterns.js";
import { markerOf } from "../structure/section-markers.js";
import { extractAll } from "./extract-all.js";

export interface SourceMeta {
  name: string | null;
  bytes: number;
  sha256: string;
}

/**
 * The pipeline after the source: blocks → normalized text → structure (header, title,
 * addressees, closing, sections, footnotes) → extraction (citations, targets) → record.
 * Every block of `text` ends up in exactly one element; what none can place is `unassigned`.
 */
export function buildRecord(source: SourceDocument, meta: SourceMeta): VanBanDocument {
  const { text, placed } = placeBlocks(orderFlow(source.blocks));
  const ctx: StructureContext = {
    text,
    folded: foldTones(text),
    blocks: placed,
    roles: placed.map(() => null),
    warnings: [...source.warnings],
  };
  const furniture: VanBanDocument["furniture"] = [];
  for (const block of placed) {
    if (block.role === "furniture" || ORNAMENT.test(block.text) || SIGNING_STAMP.test(block.text)) {
      claim(ctx, block.index, "furniture");
    }
  }
  const head = readHeader(ctx);
  const title = readTitle(ctx, head.end, head.header.symbol, head.subject);
  const addressed = readAddressees(ctx, title.end);
  const bodyStart = Math.max(addressed.end, title.end);
  const appendixStart = findAppendix(ctx, bodyStart);
  const closing = readClosing(ctx, bodyStart, appendixStart);

  const paragraphs: Array<{ index: number; paragraph: Paragraph }> = [];
  const paragraphOf = (index: number, span: Span): Paragraph => {
    const paragraph: Paragraph = { text: text.slice(span.start, span.end), span, footnoteRefs: [] };
    paragraphs.push({ index, paragraph });
    return paragraph;
  };
  const bodyIndices: number[] = [];
  for (const block of placed) {
    if (ctx.roles[block.index] !== null || isAside(block.role)) continue;
    if (block.index < closing.start || block.index >= appendixStart) bodyIndices.push(block.index);
  }
  const built = buildSections(ctx, bodyIndices, paragraphOf);
  const { footnotes, refsByBlock } = linkFootnotes(ctx, (i) => built.sectionOf.get(i) ?? null);
  for (const { index, paragraph } of paragraphs) {
    const labels = refsByBlock.get(index);
    if (!labels) continue;
    for (const note of footnotes) {
      if (labels.includes(note.label) && note.refs.some((r) => r.span.start >= paragraph.span.start && r.span.end <= paragraph.span.end + 1)) {
        paragraph.footnoteRefs.push(note.label);
      }
    }
  }
  for (const block of placed) {
    if (ctx.roles[block.index] === "furniture") furniture.push({ text: block.text, span: blockSpan(block) });
  }
  const unassigned: Paragraph[] = [];
  for (const block of placed) {
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
  const layout: LayoutEntry[] = placed.map((block) => ({ role: ctx.roles[block.index] ?? "unassigned", span: blockSpan(block) }));

  const units = buildUnits(title.titleSpan, title.subjectSpan, built.preamble, built.sections, footnotes, unassigned);
  const extracted = extractAll({ text, units, docType: { code: title.type.code, name: title.type.name }, warnings: ctx.warnings });

  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      name: meta.name,
      format: source.format,
      sha256: meta.sha256,
      bytes: meta.bytes,
      pages: source.pages,
      encoding: source.encoding ?? null,
      ocr: source.ocr ?? null,
    },
    text,
    type: title.type,
    title: title.title,
    titleSpan: title.titleSpan,
    subject: title.subject,
    subjectSpan: title.subjectSpan,
    header: head.header,
    addressees: addressed.addressees,
    preamble: built.preamble,
    sections: built.sections,
    footnotes,
    recipients: closing.recipients,
    archive: closing.archive,
    signature: closing.signature,
    citations: extracted.citations,
    targets: extracted.targets,
    results: extracted.results,
    furniture,
    unassigned,
    layout,
    warnings: ctx.warnings,
  };
}

/**
 * Phụ lục printed after the signature: the closing is looked for before it, and the appendix
 * joins the section tree. An appendix heading counts only after a closing line.
 */
function findAppendix(ctx: StructureContext, from: number): number {
  let closingSeen = false;
  let inClosingZone = false;
  for (let i = from; i < ctx.blocks.length; i++) {
    const block = ctx.blocks[i];
    if (isAside(block.role)) continue;
    // The source knew the closing table or columns: what follows them is an attachment.
    if (inClosingZone && block.zone !== "closing") return i;
    inClosingZone = block.zone === "closing";
    const folded = ctx.folded.slice(block.start, block.end);
    if (RECIPIENTS_LEAD.test(folded) || AUTHORITY.test(block.text) || inClosingZone) closingSeen = true;
    else if (closingSeen && markerOf(block.text, folded)?.kind === "appendix") return i;
  }
  return ctx.blocks.length;
}

/** The runs of text extractors read, in text order. */
function buildUnits(
  titleSpan: Span | null,
  subjectSpan: Span | null,
  preamble: Paragraph[],
  sections: Section[],
  footnotes: VanBanDocument["footnotes"],
  unassigned: Paragraph[],
): TextUnit[] {
  const units: TextUnit[] = [];
  if (titleSpan) units.push({ span: titleSpan, role: "title", sectionId: null, footnote: null });
  if (subjectSpan) units.push({ span: subjectSpan, role: "subject", sectionId: null, footnote: null });
  for (const p of preamble) units.push({ span: p.span, role: "preamble", sectionId: null, footnote: null });
  const stack = [...sections].reverse();
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (s.heading !== null && s.headingSpan) units.push({ span: s.headingSpan, role: "heading", sectionId: s.id, footnote: null });
    for (const p of s.paragraphs) units.push({ span: p.span, role: "paragraph", sectionId: s.id, footnote: null });
    for (let i = s.children.length - 1; i >= 0; i--) stack.push(s.children[i]);
  }
  for (const n of footnotes) units.push({ span: n.span, role: "footnote", sectionId: n.refs[0]?.sectionId ?? null, footnote: n.label });
  for (const p of unassigned) units.push({ span: p.span, role: "unassigned", sectionId: null, footnote: null });
  return units.sort((a, b) => a.span.start - b.span.start);
}
