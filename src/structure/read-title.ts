import type { PlacedBlock } from "../blocks/index.js";
import type { Span } from "../schema/span.js";
import type { DocumentType } from "../schema/header.js";
import { isAllCaps } from "../text/caps.js";
import { claim, foldedText, joinSpans, isAside, rangeSpan, type StructureContext } from "./context.js";
import { typeOfSymbol, typeOfTitle, typeOfTitlePrefix } from "./document-type.js";
import { AGENDA_SUBJECT, AGENDA_TITLE, isNotAdministrative } from "../lexicon/document-types.js";
import { ADDRESSEE_LEAD, ATTACHED_TO_LINE, SUBJECT_VV } from "../lexicon/header-marks.js";
import { LEGAL_BASIS } from "../lexicon/section-markers.js";
import { RECIPIENTS_LEAD } from "../lexicon/closing-marks.js";
import { markerOf } from "./section-markers.js";
import { LOWER_CLASS, NUMERAL_CLASS, UPPER_CLASS } from "../lexicon/letters.js";

/** A type title with its qualifier, then a name, in one block: "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG) HỘI …". */
const QUALIFIED_TYPE_TITLE = new RegExp(String.raw`^(?<title>[${UPPER_CLASS}\s]{2,40}\([^()]{1,40}\))\s+(?<name>[${UPPER_CLASS}][${UPPER_CLASS}${NUMERAL_CLASS}\s,.\-–]{3,200})$`, "u");
/** The type of an appendix printed as a document of its own. */
const APPENDIX_TYPE = { code: null, name: "Phụ lục", corrected: false };
/** How many blocks after the header the title may be looked for. */
const TITLE_REACH = 4;
const SUBJECT_MAX = 500;
const ENDS_SENTENCE = /[.:;]["”]?$/u;
const STARTS_LOWER = new RegExp(String.raw`^["“(]?[${LOWER_CLASS}]`, "u");

export interface TitleResult {
  title: string | null;
  titleSpan: Span | null;
  subject: string | null;
  subjectSpan: Span | null;
  type: DocumentType;
  /**
   * "(Kèm theo Quyết định số … của …)" under the title of an attached text (điều lệ, quy chế):
   * the decision it belongs to. The citations extractor reads the reference inside.
   */
  attachedToSpan: Span | null;
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
    attachedToSpan: null,
    end: start,
  };
  let notAdministrative = false;
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
    // An appendix printed as a file of its own starts with its heading ("Phụ lục I" / "KẾT QUẢ …"):
    // that heading is the document's title, not a section.
    const ownAppendix = start === 0 && k === 0 && markerOf(block.text, folded)?.kind === "appendix" && block.text.length <= 40;
    const type = ownAppendix ? APPENDIX_TYPE : typeOfTitle(block.text, true);
    const headingLike =
      type !== null ||
      ((isAllCaps(block.text) || block.style.bold || (block.style.headingLevel ?? 9) <= 3 || block.style.align === "center") &&
        block.text.length <= 200 &&
        markerOf(block.text, folded) === null);
    if (!headingLike) break;
    result.title = block.text;
    result.titleSpan = rangeSpan(ctx, block, block.start, block.end);
    // "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG) HỘI HỘ SINH LÂM ĐỒNG" in one paragraph: the type with its
    // qualifier is the title, the name after it the trích yếu.
    const qualified = type === null ? QUALIFIED_TYPE_TITLE.exec(block.text) : null;
    const qualifiedType = qualified?.groups ? typeOfTitle(qualified.groups.title) : null;
    if (qualified?.groups && qualifiedType && !isNotAdministrative(qualifiedType) && result.subject === null) {
      const cut = block.start + qualified.groups.title.length;
      result.title = qualified.groups.title.trim();
      result.titleSpan = rangeSpan(ctx, block, block.start, cut);
      result.subject = qualified.groups.name.trim();
      result.subjectSpan = rangeSpan(ctx, block, cut, block.end);
      result.type = { code: qualifiedType.code, name: qualifiedType.name, inferredFrom: "title" };
      claim(ctx, i, "title");
      result.end = i + 1;
      // The name may go on in capitals on the next lines ("HIỆP HỘI THANH LONG" / "BÌNH THUẬN TỈNH LÂM ĐỒNG").
      for (const j of capitalsLinesAfter(ctx, i, true)) {
        const next = ctx.blocks[j];
        result.subject = `${result.subject} ${next.text.trim()}`;
        result.subjectSpan = joinSpans(result.subjectSpan!, rangeSpan(ctx, next, next.start, next.end));
        claim(ctx, j, "subject");
        result.end = j + 1;
      }
      readAttachedInto(ctx, result);
      break;
    }
    if (type && isNotAdministrative(type)) {
      // A conference paper or a speech: its heading is its title, but it is no administrative
      // document, and the ký hiệu (if any) must not make it a công văn.
      notAdministrative = true;
      ctx.warnings.push({ code: "not_administrative_document", message: `"${block.text}" is not an administrative document; no type is given.`, span: rangeSpan(ctx, block, block.start, block.end) });
    } else if (type) {
      result.type = { code: type.code, name: type.name, inferredFrom: "title" };
      if (type.corrected) {
        ctx.warnings.push({ code: "type_title_corrected", message: `Title "${block.text}" read as the type ${type.name}.`, span: result.titleSpan });
      }
    }
    claim(ctx, i, "title");
    result.end = i + 1;
    // A title that is not a type, in capitals over several lines ("DANH MỤC" / "VĂN BẢN …").
    if (type === null && isAllCaps(block.text)) {
      for (const j of capitalsLinesAfter(ctx, i, false)) {
        const next = ctx.blocks[j];
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
    for (let skip = 0; skip < 3 && type !== null && j < ctx.blocks.length && isScanNoise(ctx, j, block); skip++) j = nextFree(ctx, j + 1);
    if (j < ctx.blocks.length && result.subject === null && looksLikeSubject(ctx, j)) {
      const s = readSubject(ctx, j);
      // "V/v" is dropped here too, as for a trích yếu read before the title or in the header.
      result.subject = s.text.replace(SUBJECT_VV, "");
      result.subjectSpan = s.span;
      result.end = s.end;
    }
    readAttachedInto(ctx, result);
    break;
  }
  if (notAdministrative) return result;
  const prefix = result.type.inferredFrom === "none" && result.title ? typeOfTitlePrefix(result.title) : null;
  if (prefix && !isNotAdministrative(prefix)) result.type = { ...prefix, inferredFrom: "title" };
  if (result.type.inferredFrom === "none") {
    const fromSymbol = typeOfSymbol(symbol);
    if (fromSymbol) result.type = { ...fromSymbol, inferredFrom: "symbol" };
  }
  if (isAgenda(result, symbol)) {
    // An event's running order ("CHƯƠNG TRÌNH / Hội nghị …"), not a programme with its own ký hiệu.
    ctx.warnings.push({
      code: "not_administrative_document",
      message: `"${result.title}" is the agenda of an event, not an administrative document; no type is given.`,
      span: result.titleSpan ?? undefined,
    });
    result.type = { code: null, name: null, inferredFrom: "none" };
  }
  return result;
}

/**
 * A "Chương trình" without a ký hiệu whose title goes on, or whose trích yếu starts, with an
 * event ("CHƯƠNG TRÌNH ĐẠI HỘI DỰ KIẾN", "CHƯƠNG TRÌNH / Hội nghị triển khai …").
 */
function isAgenda(result: TitleResult, symbol: string | null): boolean {
  if (result.type.name !== "Chương trình" || result.type.inferredFrom !== "title" || symbol !== null) return false;
  return AGENDA_TITLE.test((result.title ?? "").trim()) || (result.subject !== null && AGENDA_SUBJECT.test(result.subject));
}

/**
 * The free blocks in capitals right after block `i` (a title or a name over several lines): at
 * most 200 characters each, none a section marker; with `stopAtAttached`, none the attached-to
 * line either.
 */
function capitalsLinesAfter(ctx: StructureContext, i: number, stopAtAttached: boolean): number[] {
  const found: number[] = [];
  for (let j = i + 1; j < ctx.blocks.length; j++) {
    const next = ctx.blocks[j];
    if (isAside(next.role)) continue;
    // Lines of one title follow each other: a trích yếu read between them ends it.
    if (ctx.roles[j] !== null) break;
    const folded = foldedText(ctx, next);
    if (!isAllCaps(next.text) || next.text.length > 200 || markerOf(next.text, folded) !== null) break;
    if (stopAtAttached && ATTACHED_TO_LINE.test(folded)) break;
    found.push(j);
  }
  return found;
}

/** Reads the attached-to line right after the title and trích yếu into `result`, if there is one. */
function readAttachedInto(ctx: StructureContext, result: TitleResult): void {
  const attached = readAttachedTo(ctx, nextFree(ctx, result.end));
  if (attached) {
    result.attachedToSpan = attached.span;
    result.end = attached.end;
  }
}

/**
 * The "(Kèm theo Quyết định số …)" line of an attached text, which a PDF or a narrow column may
 * wrap over a few blocks: read up to its closing parenthesis.
 */
function readAttachedTo(ctx: StructureContext, i: number): { span: Span; end: number } | null {
  if (i >= ctx.blocks.length || !ATTACHED_TO_LINE.test(foldedText(ctx, ctx.blocks[i]))) return null;
  const first = ctx.blocks[i];
  let span = rangeSpan(ctx, first, first.start, first.end);
  claim(ctx, i, "reference");
  let j = i + 1;
  let open = first.text.trimStart().startsWith("(") && !first.text.includes(")");
  for (let k = 0; open && k < 3 && j < ctx.blocks.length && ctx.roles[j] === null; k++, j++) {
    const next = ctx.blocks[j];
    if (next.text.length > 200) break;
    span = joinSpans(span, rangeSpan(ctx, next, next.start, next.end));
    claim(ctx, j, "reference");
    open = !next.text.includes(")");
  }
  return { span, end: j };
}

/** A short line, or a line in capitals, between a type title and its trích yếu on a scan. */
function isScanNoise(ctx: StructureContext, i: number, title: PlacedBlock): boolean {
  const block = ctx.blocks[i];
  const text = block.text;
  // A line set like the title ("ĐIỀU LỆ" / "HIỆP HỘI DOANH NGHIỆP TỈNH …", both bold and
  // centred) is its trích yếu, not a stamp box.
  const likeTitle = Boolean(block.style.bold) === Boolean(title.style.bold) && block.style.align === title.style.align && block.style.align !== undefined;
  return (text.length <= 12 || (isAllCaps(text) && text.length <= 24 && !likeTitle)) && !/^Về\s/u.test(text) && markerOf(text, foldedText(ctx, ctx.blocks[i])) === null && !LEGAL_BASIS.test(foldedText(ctx, ctx.blocks[i]));
}

function looksLikeSubject(ctx: StructureContext, i: number): boolean {
  const block = ctx.blocks[i];
  const folded = foldedText(ctx, block);
  // A trích yếu has no closing full stop, except a "Về …" line under a Giấy mời or Quyết định.
  if (block.text.length > SUBJECT_MAX || (ENDS_SENTENCE.test(block.text) && !/^Về\s/u.test(block.text))) return false;
  if (markerOf(block.text, folded) !== null) return false;
  if (ADDRESSEE_LEAD.test(folded) || LEGAL_BASIS.test(folded) || RECIPIENTS_LEAD.test(folded)) return false;
  if (ATTACHED_TO_LINE.test(folded)) return false;
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
    // A trích yếu wrapped onto a line that starts with a name ("… phê duyệt" / "Điều lệ Liên đoàn
    // …"): set like the first line (bold with bold; a PDF may lose the centring), about as long,
    // and not a sentence of the body, which ends with "." or ":".
    const setAlike =
      Boolean(next.style.bold) === Boolean(first.style.bold) &&
      (first.style.bold === true || (first.style.align === undefined && next.style.align === undefined)) &&
      next.style.align !== "justify" &&
      next.text.length <= Math.max(100, first.text.length * 1.3) &&
      !ENDS_SENTENCE.test(next.text) &&
      !ADDRESSEE_LEAD.test(foldedText(ctx, next)) &&
      !LEGAL_BASIS.test(foldedText(ctx, next)) &&
      typeOfTitle(next.text) === null;
    const continues = STARTS_LOWER.test(next.text) || (sameStyle && first.style.bold === true) || setAlike;
    if (!continues || next.text.length > SUBJECT_MAX || markerOf(next.text, foldedText(ctx, next)) !== null) break;
    if (ATTACHED_TO_LINE.test(foldedText(ctx, next))) break;
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

