import type { Section } from "../schema/section.js";
import type { Paragraph, Span } from "../schema/span.js";
import { MOTTO, NATIONAL_TITLE } from "../lexicon/header-marks.js";
import { isAllCaps } from "../text/caps.js";
import { buildSections, closeSpan } from "./build-sections.js";
import { blockSpan, claim, foldedText, joinSpans, type StructureContext } from "./context.js";
import { typeOfTitle } from "./document-type.js";
import { isIssuerCapitals } from "./issuer-capitals.js";

/** How far into an attached text its title may be, in blocks. */
const TITLE_REACH = 15;
const LABEL_MAX = 120;

/**
 * Texts attached after the signature with a header or title of their own (the Điều lệ a
 * decision approves, a dự thảo and a phiếu ghi ý kiến sent with a công văn): each is one section
 * of kind `attachment`, labelled with its title as printed, whose tree is built on its own — its
 * "Điều 1" is not the covering document's. A new quốc hiệu starts the next attached text.
 */
export function buildAttachments(
  ctx: StructureContext,
  indices: number[],
  paragraphOf: (i: number, s: Span) => Paragraph,
): { sections: Section[]; sectionOf: Map<number, string> } {
  const sections: Section[] = [];
  const sectionOf = new Map<number, string>();
  for (const part of splitAtNationalTitles(ctx, indices)) {
    const id = `TL${sections.length + 1}`;
    const built = buildSections(ctx, part, paragraphOf);
    const titleAt = findTitle(ctx, part);
    const titleBlock = ctx.blocks[titleAt];
    const label = titleBlock.text.trim().replace(/\s+/gu, " ").slice(0, LABEL_MAX);
    const section: Section = {
      id,
      kind: "attachment",
      label,
      heading: null,
      // The title is the label, not a paragraph as well.
      paragraphs: built.preamble.filter((p) => p.span.start !== blockSpan(titleBlock).start),
      children: built.sections.map((child) => prefixIds(child, id)),
      span: blockSpan(ctx.blocks[part[0]]),
      headingSpan: blockSpan(titleBlock),
    };
    section.span = joinSpans(section.span, blockSpan(ctx.blocks[part[part.length - 1]]));
    closeSpan(section);
    for (const i of part) {
      const inner = built.sectionOf.get(i);
      sectionOf.set(i, inner === undefined ? id : `${id}.${inner}`);
      // The attached text's own header lines are its paragraphs, not the document's preamble.
      if (inner === undefined) claim(ctx, i, i === titleAt ? "heading" : "paragraph");
    }
    sections.push(section);
  }
  return { sections, sectionOf };
}

/** Splits the attached blocks where a new quốc hiệu starts another text. */
function splitAtNationalTitles(ctx: StructureContext, indices: number[]): number[][] {
  const parts: number[][] = [];
  let current: number[] = [];
  for (const i of indices) {
    if (current.length > 0 && NATIONAL_TITLE.test(foldedText(ctx, ctx.blocks[i]))) {
      // Issuer lines printed just before the quốc hiệu belong to the new text.
      let cut = current.length;
      while (cut > 0 && current.length - cut < 2 && isIssuerLine(ctx, current[cut - 1])) cut--;
      if (hasBody(ctx, current.slice(0, cut))) {
        parts.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    current.push(i);
  }
  if (current.length > 0) parts.push(current);
  return parts.filter((p) => p.length > 0);
}

/** A line of an issuer printed above a quốc hiệu: in the header table, or short capitals. */
function isIssuerLine(ctx: StructureContext, i: number): boolean {
  const block = ctx.blocks[i];
  return block.zone === "header" || isIssuerCapitals(block.text);
}

/** A part that holds more than a header: the quốc hiệu of its own header does not split it. */
function hasBody(ctx: StructureContext, part: number[]): boolean {
  return part.some((i) => {
    const folded = foldedText(ctx, ctx.blocks[i]);
    return !NATIONAL_TITLE.test(folded) && !MOTTO.test(folded) && ctx.blocks[i].zone !== "header";
  });
}

/** The attached text's title: a type name ("QUYẾT ĐỊNH"), else the first capitals line under the tiêu ngữ, else the first capitals line. */
function findTitle(ctx: StructureContext, part: number[]): number {
  const head = part.slice(0, TITLE_REACH);
  const typed = head.find((i) => typeOfTitle(ctx.blocks[i].text.trim()) !== null);
  if (typed !== undefined) return typed;
  const motto = head.findIndex((i) => MOTTO.test(foldedText(ctx, ctx.blocks[i])));
  return head.slice(motto + 1).find((i) => isTitleLike(ctx, i)) ?? head.find((i) => isTitleLike(ctx, i)) ?? part[0];
}

function isTitleLike(ctx: StructureContext, i: number): boolean {
  const block = ctx.blocks[i];
  const folded = foldedText(ctx, block);
  return isAllCaps(block.text) && block.text.length <= LABEL_MAX && !NATIONAL_TITLE.test(folded) && !MOTTO.test(folded) && block.zone !== "header";
}

function prefixIds(section: Section, prefix: string): Section {
  return { ...section, id: `${prefix}.${section.id}`, children: section.children.map((c) => prefixIds(c, prefix)) };
}
