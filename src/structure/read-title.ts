import type { Span } from "../schema/span.js";
import type { DocumentType } from "../schema/header.js";
import { isAllCaps } from "../text/caps.js";
import { claim, foldedText, joinSpans, isAside, rangeSpan, type StructureContext } from "./context.js";
import { typeOfSymbol, typeOfTitle, typeOfTitlePrefix } from "./document-type.js";
import { ADDRESSEE_LEAD, SUBJECT_VV } from "../lexicon/header-marks.js";
import { LEGAL_BASIS } from "../lexicon/section-markers.js";
import { RECIPIENTS_LEAD } from "../lexicon/closing-marks.js";
import { markerOf } from "./section-markers.js";

/** How many blocks after the header the title may be looked for. */
const TITLE_REACH = 4;
const SUBJECT_MAX = 500;
const ENDS_SENTENCE = /[.:;]["”]?$/u;
const STARTS_LOWER = /^["“(]?\p{Ll}/u;

export interface TitleResult {
  title: string | null;
  titleSpan: Span | null;
  subject: string | null;
  subjectSpan: Span | null;
  type: DocumentType;
  /** Index of the first block after the title and subject. */
  end: number;
}

/**
 * Tên loại và trích yếu: the heading line that names the type ("QUYẾT ĐỊNH") or, when it is
 * not a type ("PHÁT ĐỘNG PHONG TRÀO THI ĐUA"), the title of a document whose type the symbol
 * tells; then the trích yếu under it.
 */
export function readTitle(
  ctx: StructureContext,
  start: number,
  symbol: string | null,
  headerSubject: { text: string; span: Span } | null,
): TitleResult {
  const result: TitleResult = {
    title: null,
    titleSpan: null,
    subject: headerSubject?.text ?? null,
    subjectSpan: headerSubject?.span ?? null,
    type: { code: null, name: null, inferredFrom: "none" },
    end: start,
  };
  let i = nextFree(ctx, start);
  for (let k = 0; k < TITLE_REACH && i < ctx.blocks.length; k++, i = nextFree(ctx, i + 1)) {
    const block = ctx.blocks[i];
    const folded = foldedText(ctx, block);
    if (ADDRESSEE_LEAD.test(folded) || LEGAL_BASIS.test(folded) || RECIPIENTS_LEAD.test(folded)) break;
    // A công văn's trích yếu written "Về …" instead of "V/v …", right under the header.
    const aboutLine = k === 0 && result.subject === null && /^Về\s/u.test(block.text) && block.text.length <= SUBJECT_MAX && symbol !== null && typeOfSymbol(symbol)?.code === null;
    if ((SUBJECT_VV.test(folded) || aboutLine) && result.subject === null) {
      const s = readSubject(ctx, i);
      result.subject = s.text.replace(SUBJECT_VV, "");
      result.subjectSpan = s.span;
      result.end = s.end;
      i = s.end - 1;
      continue;
    }
    const type = typeOfTitle(block.text, true);
    const headingLike =
      type !== null ||
      ((isAllCaps(block.text) || block.style.bold || (block.style.headingLevel ?? 9) <= 3 || block.style.align === "center") &&
        block.text.length <= 200 &&
        markerOf(block.text, folded) === null);
    if (!headingLike) break;
    result.title = block.text;
    result.titleSpan = rangeSpan(ctx, block, block.start, block.end);
    if (type) {
      result.type = { code: type.code, name: type.name, inferredFrom: "title" };
      if (type.corrected) {
        ctx.warnings.push({ code: "type_title_corrected", message: `Title "${block.text}" read as the type ${type.name}.`, span: result.titleSpan });
      }
    }
    claim(ctx, i, "title");
    result.end = i + 1;
    // A title that is not a type, in capitals over several lines ("DANH MỤC" / "VĂN BẢN …").
    if (type === null && isAllCaps(block.text)) {
      for (let j = nextFree(ctx, i + 1); j < ctx.blocks.length; j = nextFree(ctx, j + 1)) {
        const next = ctx.blocks[j];
        if (!isAllCaps(next.text) || next.text.length > 200 || markerOf(next.text, foldedText(ctx, next)) !== null) break;
        result.title = `${result.title} ${next.text}`;
        result.titleSpan = joinSpans(result.titleSpan!, rangeSpan(ctx, next, next.start, next.end));
        claim(ctx, j, "title");
        i = j;
        result.end = j + 1;
      }
    }
    // Trích yếu: the next block when it reads like one; under a type title, stamp noise in
    // capitals (a scan's "CÔNG VĂN ĐẾN" box) may stand between them.
    let j = nextFree(ctx, i + 1);
    for (let skip = 0; skip < 3 && type !== null && j < ctx.blocks.length && isScanNoise(ctx, j); skip++) j = nextFree(ctx, j + 1);
    if (j < ctx.blocks.length && result.subject === null && looksLikeSubject(ctx, j)) {
      const s = readSubject(ctx, j);
      result.subject = s.text;
      result.subjectSpan = s.span;
      result.end = s.end;
    }
    break;
  }
  const prefix = result.type.inferredFrom === "none" && result.title ? typeOfTitlePrefix(result.title) : null;
  if (prefix) result.type = { ...prefix, inferredFrom: "title" };
  if (result.type.inferredFrom === "none") {
    const fromSymbol = typeOfSymbol(symbol);
    if (fromSymbol) result.type = { ...fromSymbol, inferredFrom: "symbol" };
  }
  return result;
}

/** A short line, or a line in capitals, between a type title and its trích yếu on a scan. */
function isScanNoise(ctx: StructureContext, i: number): boolean {
  const text = ctx.blocks[i].text;
  return (text.length <= 12 || isAllCaps(text)) && !/^Về\s/u.test(text) && markerOf(text, foldedText(ctx, ctx.blocks[i])) === null && !LEGAL_BASIS.test(foldedText(ctx, ctx.blocks[i]));
}

function looksLikeSubject(ctx: StructureContext, i: number): boolean {
  const block = ctx.blocks[i];
  const folded = foldedText(ctx, block);
  // A trích yếu has no closing full stop, except a "Về …" line under a Giấy mời or Quyết định.
  if (block.text.length > SUBJECT_MAX || (ENDS_SENTENCE.test(block.text) && !/^Về\s/u.test(block.text))) return false;
  if (markerOf(block.text, folded) !== null) return false;
  if (ADDRESSEE_LEAD.test(folded) || LEGAL_BASIS.test(folded) || RECIPIENTS_LEAD.test(folded)) return false;
  if (typeOfTitle(block.text) !== null) return false;
  return true;
}

/** Reads a trích yếu that may run over several blocks (a line a paragraph in Word). */
function readSubject(ctx: StructureContext, i: number): { text: string; span: Span; end: number } {
  const first = ctx.blocks[i];
  const parts = [first.text];
  let span = rangeSpan(ctx, first, first.start, first.end);
  claim(ctx, i, "subject");
  let j = i + 1;
  for (; j < ctx.blocks.length; j++) {
    if (ctx.roles[j] !== null) break;
    const next = ctx.blocks[j];
    const sameStyle = Boolean(next.style.bold) === Boolean(first.style.bold) && next.style.align === first.style.align && next.style.align === "center";
    const continues = STARTS_LOWER.test(next.text) || (sameStyle && first.style.bold === true);
    if (!continues || next.text.length > SUBJECT_MAX || markerOf(next.text, foldedText(ctx, next)) !== null) break;
    // A line in capitals under a sentence-case trích yếu is the next element (the authority line of a Quyết định).
    if (isAllCaps(next.text) && !isAllCaps(first.text)) break;
    if (ENDS_SENTENCE.test(parts[parts.length - 1])) break;
    parts.push(next.text);
    span = joinSpans(span, rangeSpan(ctx, next, next.start, next.end));
    claim(ctx, j, "subject");
  }
  return { text: parts.join(" ").replace(/\s+/gu, " ").trim(), span, end: j };
}

function nextFree(ctx: StructureContext, i: number): number {
  while (i < ctx.blocks.length && (ctx.roles[i] !== null || isAside(ctx.blocks[i].role))) i++;
  return i;
}

