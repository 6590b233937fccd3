import type { Section, SectionKind } from "../schema/section.js";
import type { Paragraph, Span } from "../schema/span.js";
import { PERSON_ENTRY } from "../lexicon/person-titles.js";
import { isAllCaps } from "../text/caps.js";
import { blockSpan, claim, foldedText, joinSpans, rangeSpan, type StructureContext } from "./context.js";
import { followsLetter, markerOf, nextLetter, ordinalOf, RANK, type Marker } from "./section-markers.js";

/** A heading is short: longer marker lines are list items with their text. */
const HEADING_MAX = 160;
const ENDS_ITEM = /[.;,]["”]?$/u;
const NUMBERED: ReadonlySet<SectionKind> = new Set(["roman", "number", "decimal", "letter", "clause", "point", "article", "chapter", "part", "appendix"]);

interface Open {
  section: Section;
  rank: number;
  ordinal: number | null;
  /** A number item read as continuing a decimal sub-list ("2.1." then "2.", "3." under "2."). */
  continuation?: boolean;
}

export interface SectionsResult {
  preamble: Paragraph[];
  sections: Section[];
  /** Section id of each block index that landed in a section (for footnote refs and units). */
  sectionOf: Map<number, string>;
}

/**
 * Builds the section tree from the body blocks. The marker kind decides nesting (Phần >
 * Chương > Mục > Điều > khoản > điểm; I > 1 > 1.1 > a > - > +) whatever heading level the
 * source gave, so inconsistent Markdown levels still give the tree a reader sees. Repairs
 * (a repeated letter, a gap in numbering) are recorded as warnings.
 */
export function buildSections(ctx: StructureContext, indices: number[], paragraphOf: (i: number, s: Span) => Paragraph): SectionsResult {
  const preamble: Paragraph[] = [];
  const roots: Section[] = [];
  const stack: Open[] = [];
  const sectionOf = new Map<number, string>();
  const usedIds = new Set<string>();
  const lastChild = new Map<Section | null, Open>();
  let lastArticle: number | null = null;
  const legal = indices.some((i) => markerOf(ctx.blocks[i].text, foldedText(ctx, ctx.blocks[i]))?.kind === "article");
  const roster = findRoster(ctx, indices);
  let k = 0;
  while (k < indices.length) {
    const i = indices[k];
    const block = ctx.blocks[i];
    // A row of a content table is content, whatever its first cell says ("Điều 44 | …").
    const found = block.table ? null : markerOf(block.text, foldedText(ctx, block));
    // A "-" item before the first numbered heading is a list in the preamble (the lead-in of a
    // công văn, the Căn cứ lines), never a section of the tree's top level; nor is a numbered
    // roster of people at the top (a danh sách: "1. Ông …;", "2. Bà …;").
    const marker = found && stack.length === 0 && (found.kind === "bullet" || roster.has(k)) ? null : found;
    if (!marker) {
      const top = stack[stack.length - 1];
      const para = paragraphOf(i, blockSpan(block));
      if (top) {
        top.section.paragraphs.push(para);
        sectionOf.set(i, top.section.id);
        claim(ctx, i, "paragraph");
      } else {
        preamble.push(para);
        claim(ctx, i, "preamble");
      }
      k++;
      continue;
    }
    const kind = adjustKind(marker.kind, legal, stack);
    const continuation = continuesSubList(stack, marker);
    if (continuation) {
      marker.rank = RANK.decimal;
      ctx.warnings.push({
        code: "section_list_continued",
        message: `"${marker.label}." after a decimal sub-item is read as continuing the sub-list of ${stack[stack.length - 2].section.label}.`,
        span: rangeSpan(ctx, block, block.start, block.start + marker.label.length),
      });
    }
    while (stack.length > 0 && stack[stack.length - 1].rank >= marker.rank) stack.pop();
    const parent = stack[stack.length - 1]?.section ?? null;
    const siblings = parent ? parent.children : roots;
    const previous = lastChild.get(parent);
    let idLabel = idSegment(kind, marker.label, parent);
    let ordinal = ordinalOf(kind, marker.label);
    // "d)" printed twice where "đ)" was meant.
    if ((kind === "letter" || kind === "point") && previous && previous.section.label === marker.label && previous.section.kind === kind) {
      const fixed = nextLetter(marker.label);
      if (fixed) {
        idLabel = fixed;
        ordinal = ordinalOf(kind, fixed);
        ctx.warnings.push({
          code: "section_label_repeated",
          message: `"${marker.label})" follows "${marker.label})"; read as "${fixed})".`,
          span: rangeSpan(ctx, block, block.start, block.start + marker.label.length),
        });
      }
    }
    if (NUMBERED.has(kind) && ordinal !== null && !continuation) {
      // Điều are numbered through the whole text, across Chương and Mục; a text may start again at 1.
      const expected =
        kind === "article"
          ? ordinal === 1 || lastArticle === null ? 1 : lastArticle + 1
          : previous && previous.section.kind === kind && previous.ordinal !== null ? previous.ordinal + 1 : 1;
      if (kind === "article") lastArticle = ordinal;
      const latinNext = (kind === "letter" || kind === "point") && previous?.section.kind === kind && followsLetter(previous.section.label, marker.label);
      if (ordinal !== expected && !latinNext) {
        ctx.warnings.push({
          code: "section_numbering_gap",
          message: `${marker.label} follows ${previous && previous.section.kind === kind ? previous.section.label : "no earlier item"}; expected ${expected}.`,
          span: rangeSpan(ctx, block, block.start, block.start + marker.label.length),
        });
      }
    }
    let id = parent ? `${parent.id}.${idLabel}` : idLabel;
    if (usedIds.has(id)) {
      let n = 2;
      while (usedIds.has(`${id}~${n}`)) n++;
      id = `${id}~${n}`;
    }
    usedIds.add(id);
    const heading = decideHeading(ctx, indices, k, marker, kind);
    const headStart = block.start;
    let headingSpan: Span = rangeSpan(ctx, block, headStart, heading.isHeading ? block.end : block.start + marker.restOffset);
    const section: Section = {
      id,
      kind,
      label: marker.label,
      heading: null,
      paragraphs: [],
      children: [],
      span: headingSpan,
      headingSpan,
    };
    // The layout calls a list item's line a paragraph: only headings are "heading".
    claim(ctx, i, heading.isHeading ? "heading" : "paragraph");
    sectionOf.set(i, id);
    if (heading.isHeading) {
      const parts = [marker.rest.trim()].filter(Boolean);
      for (const j of heading.extra) {
        const extra = ctx.blocks[indices[j]];
        parts.push(extra.text.trim());
        headingSpan = joinSpans(headingSpan, blockSpan(extra));
        claim(ctx, indices[j], "heading");
        sectionOf.set(indices[j], id);
      }
      section.heading = parts.join(" ").replace(/\s+/gu, " ").replace(/[:.]$/u, "").trim() || null;
      section.headingSpan = headingSpan;
      section.span = headingSpan;
    } else if (marker.rest.trim()) {
      section.paragraphs.push(paragraphOf(i, rangeSpan(ctx, block, block.start + marker.restOffset, block.end)));
    }
    siblings.push(section);
    const open: Open = { section, rank: marker.rank, ordinal, continuation };
    lastChild.set(parent, open);
    stack.push(open);
    k += 1 + heading.extra.length;
  }
  for (const root of roots) closeSpan(root);
  return { preamble, sections: roots, sectionOf };
}

/**
 * Positions (in `indices`) of numbered entries that name a person ("1. Ông Huỳnh Ngọc Liêm, Phó
 * Giám đốc …: Đội trưởng;"), in runs of at least two entries with nothing between them: the
 * members of a danh sách, entries of a list rather than sections with a heading.
 */
function findRoster(ctx: StructureContext, indices: number[]): Set<number> {
  const entry = indices.map((i) => {
    const block = ctx.blocks[i];
    const marker = block.table ? null : markerOf(block.text, foldedText(ctx, block));
    return marker !== null && marker.kind === "number" && PERSON_ENTRY.test(marker.rest);
  });
  const roster = new Set<number>();
  for (let k = 0; k < entry.length; k++) {
    if (entry[k] && (entry[k - 1] === true || entry[k + 1] === true)) roster.add(k);
  }
  return roster;
}

/**
 * "2. Giải pháp" / "2.1. …" / "2. …" / "3. …": a number that repeats its parent's number right
 * after a decimal sub-item, and the numbers that follow it, continue the sub-list.
 */
function continuesSubList(stack: Open[], marker: Marker): boolean {
  if (marker.kind !== "number" || stack.length < 2) return false;
  const top = stack[stack.length - 1];
  const parent = stack[stack.length - 2];
  if (parent.section.kind !== "number") return false;
  const n = Number(marker.label);
  if (top.section.kind === "decimal") return n === Number(parent.section.label) && top.section.label.startsWith(`${parent.section.label}.`);
  return Boolean(top.continuation) && top.ordinal !== null && n === top.ordinal + 1;
}

function adjustKind(kind: SectionKind, legal: boolean, stack: Open[]): SectionKind {
  if (!legal) return kind;
  const insideArticle = stack.some((o) => o.section.kind === "article");
  if (!insideArticle) return kind;
  if (kind === "number") return "clause";
  if (kind === "letter") return "point";
  return kind;
}

function idSegment(kind: SectionKind, label: string, parent: Section | null): string {
  const ordinal = ordinalOf(kind, label);
  const n = ordinal ?? label.split(/\s+/u).pop();
  switch (kind) {
    case "appendix":
      return `PL${ordinal ?? ""}`;
    case "part":
      return `P${n}`;
    case "chapter":
      return `C${n}`;
    case "section":
      return `M${n}`;
    case "subsection":
      return `TM${n}`;
    case "article":
      return `Đ${label.split(/\s+/u).pop()}`;
    case "decimal": {
      const prefix = label.slice(0, label.lastIndexOf("."));
      return parent && parent.label === prefix ? label.slice(prefix.length + 1) : label;
    }
    case "bullet":
      return `${label === "+" ? "+" : "-"}${(parent?.children.filter((c) => c.kind === "bullet").length ?? 0) + 1}`;
    default:
      return label;
  }
}

/**
 * Heading or list item. Sources that know (Markdown `#`, Word heading styles, bold) decide;
 * otherwise a short marker line that does not end like a sentence and is followed by content
 * is a heading. A marker alone on its line takes the capitals lines below it as its heading.
 */
function decideHeading(ctx: StructureContext, indices: number[], k: number, marker: Marker, kind: SectionKind): { isHeading: boolean; extra: number[] } {
  const block = ctx.blocks[indices[k]];
  const rest = marker.rest.trim();
  const extra: number[] = [];
  const capsRest = rest !== "" && isAllCaps(rest);
  if (rest === "" || capsRest) {
    // Multi-line capitals heading: "ĐÁNH GIÁ CÔNG TÁC …" / "TỔ CHỨC …" / "VÀ CÔNG TÁC KHEN THƯỞNG".
    for (let j = k + 1; j < indices.length && extra.length < 4; j++) {
      const next = ctx.blocks[indices[j]];
      if (!isAllCaps(next.text) || next.text.length > HEADING_MAX || markerOf(next.text, foldedText(ctx, next)) !== null) break;
      extra.push(j);
    }
    if (rest === "" || capsRest) return { isHeading: true, extra };
  }
  if (kind === "bullet") return { isHeading: Boolean(block.style.headingLevel), extra };
  if (block.style.headingLevel) return { isHeading: true, extra };
  if (rest.length > HEADING_MAX) return { isHeading: false, extra };
  if (block.style.bold) return { isHeading: true, extra };
  if (ENDS_ITEM.test(rest)) return { isHeading: false, extra };
  if (kind === "appendix" || kind === "part" || kind === "chapter" || kind === "section" || kind === "subsection" || kind === "article") return { isHeading: true, extra };
  // A short line followed by a paragraph (not by a sibling item) is a heading.
  const next = k + 1 < indices.length ? ctx.blocks[indices[k + 1]] : null;
  if (!next) return { isHeading: false, extra };
  const nextMarker = markerOf(next.text, foldedText(ctx, next));
  if (nextMarker && nextMarker.rank <= marker.rank) return { isHeading: false, extra };
  return { isHeading: rest.length <= 120 || isAllCaps(rest), extra };
}

/** A section spans its heading, paragraphs and children. */
export function closeSpan(section: Section): Span {
  let span = section.span;
  for (const p of section.paragraphs) span = joinSpans(span, p.span);
  for (const child of section.children) span = joinSpans(span, closeSpan(child));
  section.span = span;
  return span;
}

