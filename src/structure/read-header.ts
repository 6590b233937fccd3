import type { PlacedBlock } from "../blocks/index.js";
import type { Header } from "../schema/header.js";
import type { Span } from "../schema/span.js";
import { isAllCaps } from "../text/caps.js";
import { foldTones } from "../text/fold.js";
import { claim, foldedText, joinSpans, isAside, rangeSpan, type StructureContext } from "./context.js";
import { toIsoDate } from "../lexicon/dates.js";
import { typeOfTitle, typeOfTitlePrefix } from "./document-type.js";
import { ADDRESSEE_LEAD, CONFIDENTIALITY, MOTTO, NATIONAL_TITLE, NATIONAL_TITLE_START, ORNAMENT_TAIL, SUBJECT_ABOUT, SUBJECT_VV, URGENCY } from "../lexicon/header-marks.js";
import { NUMBER_SYMBOL } from "../lexicon/document-number.js";
import { BODY_HEAD, ENDS_WITH_PLACE_LEVEL, NAME_CONTINUATION, UNIT_HEAD } from "../lexicon/issuer-words.js";
import { DATE_ONLY, PLACE_LINE } from "../lexicon/dates.js";
import { findPlaceDate } from "./find-place-date.js";
import { MARKER_ROMAN, MARKER_PART, MARKER_CHAPTER, MARKER_ARTICLE, LEGAL_BASIS } from "../lexicon/section-markers.js";
import { LOWER_CLASS } from "../lexicon/letters.js";
import { countLetters } from "../text/count-letters.js";

/** A line that goes on with the sentence above: it starts in lower case. */
const SUBJECT_CONTINUES = new RegExp(String.raw`^["“(]?[${LOWER_CLASS}]`, "u");
/** How far into the document the header may reach, in blocks. */
const HEADER_REACH = 30;

export interface HeaderResult {
  header: Header;
  /** Index of the first block after the header zone. */
  end: number;
  /** A "V/v …" trích yếu read in the header's left column. */
  subject: { text: string; span: Span } | null;
}

interface IssuerLine {
  text: string;
  span: Span;
  bold: boolean;
}

/**
 * Reads the thể thức zone: quốc hiệu, tiêu ngữ, issuer and parent body, số and ký hiệu,
 * place and date, urgency and confidentiality. Works with the two columns interleaved on one
 * line, one after the other, or as separate blocks from a table or PDF column.
 */
export function readHeader(ctx: StructureContext): HeaderResult {
  const header = emptyHeader();
  const issuerLines: IssuerLine[] = [];
  const subjectParts: { text: string; span: Span }[] = [];
  let end = 0;
  let inSubject = false;
  let sawNumber = false;
  let sawDate = false;
  let noise = 0;
  // When the source knew the header's table or columns, an issuer line lies inside that zone: a
  // centred line in capitals under it is the title of the text ("ĐIỀU LỆ" / "HỘI …").
  const zoned = ctx.blocks.some((b, i) => i < HEADER_REACH && b.zone === "header");
  // Issuer lines read before the quốc hiệu and tiêu ngữ (the two columns one after the other):
  // once the motto is read, capitals lines below it are the title, not more of the issuer.
  let issuerDoneAt = -1;
  for (let i = 0; i < ctx.blocks.length && i < HEADER_REACH; i++) {
    const block = ctx.blocks[i];
    // Ornaments and signing stamps were claimed as furniture before the header is read.
    if (isAside(block.role) || ctx.roles[i] !== null) continue;
    const folded = foldedText(ctx, block);
    if (inSubject && block.zone === "header" && block.column !== "right" && !NUMBER_SYMBOL.test(folded)) {
      // The trích yếu of a công văn wraps inside the left column.
      subjectParts.push({ text: block.text, span: rangeSpan(ctx, block, block.start, block.end) });
      claim(ctx, i, "subject");
      end = i + 1;
      continue;
    }
    inSubject = false;
    // A quốc hiệu wrapped over two lines ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM").
    if (header.nationalTitle === null && NATIONAL_TITLE_START.test(folded) && !NATIONAL_TITLE.test(folded)) {
      const joined = joinWrappedTitle(ctx, i);
      if (joined) {
        header.nationalTitle = joined.text;
        header.spans.nationalTitle = joined.span;
        for (const k of joined.indices) claim(ctx, k, "header");
        end = joined.indices[joined.indices.length - 1] + 1;
        i = end - 1;
        continue;
      }
    }
    const found = readHeaderItems(ctx, block, folded, header);
    const leftover = found.leftover.trim();
    if (found.items > 0) {
      // Interleaved columns ("TỈNH KON TUM   Độc lập - Tự do …" on one line) go on below the motto.
      const interleaved = leftover !== "" && isAllCaps(leftover);
      if (header.motto !== null && issuerLines.length > 0 && issuerDoneAt < 0 && !interleaved) issuerDoneAt = i;
      // Capitals before this line's Số are still the issuer ("BỘ TƯ PHÁP Số: 447/QĐ-BTP", two
      // lines OCR read as one); after an earlier Số line they are not.
      if (leftover && isAllCaps(leftover) && !sawNumber) {
        issuerLines.push({ text: leftover, span: found.leftoverSpan!, bold: Boolean(block.style.bold) });
      }
      sawNumber ||= found.number;
      sawDate ||= found.date;
      if (found.subject) {
        subjectParts.push(found.subject);
        inSubject = true;
      }
      claim(ctx, i, found.subject && found.items === 1 ? "subject" : "header");
      end = i + 1;
      continue;
    }
    // "Thành phố Hồ Chí Minh," with the date on the next line.
    const placeLine = PLACE_LINE.exec(block.text.trim());
    const nextBlock = ctx.blocks[i + 1];
    if (placeLine?.groups && header.place === null && nextBlock && DATE_ONLY.test(foldedText(ctx, nextBlock))) {
      header.place = placeLine.groups.place;
      header.spans.place = rangeSpan(ctx, block, block.start, block.start + placeLine.groups.place.length);
      claim(ctx, i, "header");
      end = i + 1;
      continue;
    }
    const closed = (zoned && block.zone !== "header") || (issuerDoneAt >= 0 && block.column !== "left");
    const candidate = !closed && isIssuerCandidate(block, folded, sawNumber, issuerLines.length);
    if (candidate) {
      issuerLines.push({ text: block.text, span: rangeSpan(ctx, block, block.start, block.end), bold: Boolean(block.style.bold) });
      claim(ctx, i, "header");
      end = i + 1;
      continue;
    }
    if (block.zone === "header") {
      // Something else in the header table (an emblem caption, a code): keep it with the header.
      claim(ctx, i, "header");
      end = i + 1;
      continue;
    }
    // Scan noise between header lines (stamp fragments, "—rmrnm"): a few short lines are tolerated
    // while the header is still incomplete.
    if (block.text.length <= 12 && noise < 3 && !(sawNumber && sawDate) && i < 12 && typeOfTitle(block.text, true) === null) {
      noise++;
      claim(ctx, i, "header");
      end = i + 1;
      continue;
    }
    break;
  }
  if (!sawNumber && !sawDate && !header.nationalTitle) {
    // No thể thức (a Markdown export that starts at the title, an appendix that opens with a
    // heading in capitals): capitals lines alone are not a header; give the blocks back.
    for (let i = 0; i < end; i++) if (ctx.roles[i] === "header") ctx.roles[i] = null;
    return { header: emptyHeader(), end: 0, subject: null };
  }
  assignIssuer(header, issuerLines);
  if (subjectParts.length > 0) end = continueSubject(ctx, end, subjectParts);
  const subject = subjectParts.length
    ? {
        text: subjectParts.map((p) => p.text).join(" ").replace(SUBJECT_VV, "").replace(/\s+/gu, " ").trim(),
        span: subjectParts.map((p) => p.span).reduce(joinSpans),
      }
    : null;
  return { header, end, subject };
}

/**
 * The V/v trích yếu of a công văn whose last lines a PDF puts below the header's columns
 * ("V/v báo cáo liên quan đến đề xuất" / "cho phép thành lập Hội Ái hữu Pháp" / "ngữ Đà Lạt"):
 * short lines that start in lower case continue it.
 */
function continueSubject(ctx: StructureContext, end: number, parts: { text: string; span: Span }[]): number {
  let i = end;
  for (let k = 0; k < 4 && i < ctx.blocks.length; k++, i++) {
    const block = ctx.blocks[i];
    if (ctx.roles[i] !== null || isAside(block.role)) break;
    const text = block.text.trim();
    if (text.length > 120 || /[.:;]$/u.test(parts[parts.length - 1].text.trim())) break;
    // A line that starts with a capital continues it only when "Kính gửi" follows right below
    // ("… Hội Công chứng viên tỉnh Lâm" / "Đồng nhiệm kỳ (2025-2030)" / "Kính gửi: …").
    const next = ctx.blocks[i + 1];
    const beforeAddressee = next !== undefined && ADDRESSEE_LEAD.test(foldedText(ctx, next)) && text.length <= 80 && !/[.:;]$/u.test(text);
    if (!SUBJECT_CONTINUES.test(text) && !beforeAddressee) break;
    parts.push({ text: block.text, span: rangeSpan(ctx, block, block.start, block.end) });
    claim(ctx, i, "subject");
  }
  return i;
}

function isIssuerCandidate(block: PlacedBlock, folded: string, sawNumber: boolean, count: number): boolean {
  if (sawNumber || count >= 5) return false;
  if (block.column === "right") return false;
  const text = block.text.trim();
  if (text.length > 90 || !isAllCaps(text) || countLetters(text) < 4) return false;
  // "QUYẾT ĐỊNH", "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)", "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC": a title.
  if (typeOfTitle(text) !== null || typeOfTitlePrefix(text) !== null) return false;
  if (MARKER_ROMAN.test(text) || MARKER_PART.test(folded) || MARKER_CHAPTER.test(folded) || MARKER_ARTICLE.test(folded)) return false;
  if (ADDRESSEE_LEAD.test(folded) || LEGAL_BASIS.test(folded)) return false;
  return true;
}

interface FoundItems {
  items: number;
  number: boolean;
  date: boolean;
  subject: { text: string; span: Span } | null;
  leftover: string;
  leftoverSpan: Span | null;
}

/** Finds every header item inside one block; what is left is returned for the issuer. */
function readHeaderItems(ctx: StructureContext, block: PlacedBlock, foldedBlock: string, header: Header): FoundItems {
  // Each item found is blanked out of `folded`, so the next pattern cannot take its text
  // ("Số: /UBND-KTTH Kon Tum, ngày …": the place is "Kon Tum", not "KTTH Kon Tum").
  let folded = foldedBlock;
  const blank = (m: RegExpExecArray) => {
    folded = folded.slice(0, m.index) + " ".repeat(m[0].length) + folded.slice(m.index + m[0].length);
  };
  const covered: Array<[number, number]> = [];
  const result: FoundItems = { items: 0, number: false, date: false, subject: null, leftover: "", leftoverSpan: null };
  const at = (m: RegExpExecArray) => [block.start + m.index, block.start + m.index + m[0].length] as const;
  const vv = SUBJECT_VV.exec(folded);
  // "Về …" under the Số line in the left column of the header table: the same trích yếu.
  const about = block.zone === "header" && block.column === "left" && header.symbol !== null && SUBJECT_ABOUT.test(block.text);
  if ((vv || about) && block.column !== "right") {
    result.subject = { text: block.text, span: rangeSpan(ctx, block, block.start, block.end) };
    result.items++;
    return result;
  }
  const nt = NATIONAL_TITLE.exec(folded);
  if (nt) {
    const [s, e] = at(nt);
    header.nationalTitle ??= ctx.text.slice(s, e);
    header.spans.nationalTitle ??= rangeSpan(ctx, block, s, e);
    covered.push([nt.index, nt.index + nt[0].length]);
    blank(nt);
    result.items++;
  }
  const motto = MOTTO.exec(folded);
  if (motto) {
    const [s, e] = at(motto);
    header.motto ??= ctx.text.slice(s, e);
    header.spans.motto ??= rangeSpan(ctx, block, s, e);
    covered.push([motto.index, motto.index + motto[0].length]);
    blank(motto);
    result.items++;
  }
  const num = NUMBER_SYMBOL.exec(folded);
  if (num?.groups) {
    const g = num.groups;
    if (header.symbol === null) {
      header.number = g.number?.replace(/\s+/gu, "").replace(/–/gu, "-") ?? null;
      if (g.unreadable) {
        // A handwritten or stamped number OCR could not read: left null, never guessed.
        ctx.warnings.push({
          code: "header_number_unreadable",
          message: `The number after "Số" reads "${g.unreadable}", which is not a number; left null.`,
          span: rangeSpan(ctx, block, block.start + num.index, block.start + num.index + num[0].length),
        });
      }
      header.symbol = g.symbol.replace(/\s+/gu, "").replace(/–/gu, "-");
      if (g.year) header.year = Number(g.year);
      const symStart = block.start + num.index + num[0].lastIndexOf(g.symbol);
      header.spans.symbol = rangeSpan(ctx, block, symStart, symStart + g.symbol.length);
      if (g.number) {
        const numStart = block.start + num.index + num[0].indexOf(g.number, 2);
        header.spans.number = rangeSpan(ctx, block, numStart, numStart + g.number.length);
      }
    }
    covered.push([num.index, num.index + num[0].length]);
    blank(num);
    result.items++;
    result.number = true;
  }
  const pd = findPlaceDate(folded);
  const dateOnly = pd ? null : DATE_ONLY.exec(folded);
  const dm = pd ?? dateOnly;
  if (dm?.groups && header.spans.date === undefined) {
    const g = dm.groups;
    const [s, e] = at(dm);
    if (g.place) {
      const placeStart = s + dm[0].indexOf(g.place);
      header.place = ctx.text.slice(placeStart, placeStart + g.place.length);
      header.spans.place = rangeSpan(ctx, block, placeStart, placeStart + g.place.length);
    }
    header.date = g.day && g.month && g.year ? toIsoDate(Number(g.day), Number(g.month), Number(g.year)) : null;
    if (g.dayUnreadable || g.monthUnreadable) {
      // Handwritten day or month (a scan): the date is left null, never guessed.
      ctx.warnings.push({
        code: "header_date_unreadable",
        message: `The date "${ctx.text.slice(s, e)}" has an unreadable day or month; left null.`,
        span: rangeSpan(ctx, block, s, e),
      });
    }
    if (g.year) header.year ??= Number(g.year);
    if (g.day && g.month && g.year && header.date === null) {
      ctx.warnings.push({ code: "header_date_invalid", message: `The header date "${ctx.text.slice(s, e)}" is not a valid date.`, span: rangeSpan(ctx, block, s, e) });
    }
    header.spans.date = rangeSpan(ctx, block, s + (g.place ? dm[0].search(/ngày/iu) : 0), e);
    covered.push([dm.index, dm.index + dm[0].length]);
    result.items++;
    result.date = true;
  }
  const trimmed = folded.trim();
  const urgency = URGENCY.exec(trimmed);
  if (urgency?.groups) {
    header.urgency = urgency.groups.mark.replace(/\s+/gu, " ");
    header.spans.urgency = rangeSpan(ctx, block, block.start, block.end);
    covered.push([0, folded.length]);
    result.items++;
  }
  const conf = CONFIDENTIALITY.exec(trimmed);
  if (conf?.groups) {
    header.confidentiality = conf.groups.mark.replace(/\s+/gu, " ");
    header.spans.confidentiality = rangeSpan(ctx, block, block.start, block.end);
    covered.push([0, folded.length]);
    result.items++;
  }
  if (result.items > 0) {
    // Text before the first item (an issuer line interleaved with the quốc hiệu) is kept.
    covered.sort((a, b) => a[0] - b[0]);
    const first = covered[0][0];
    const before = block.text.slice(0, first).replace(ORNAMENT_TAIL, "");
    if (before.trim()) {
      result.leftover = before;
      result.leftoverSpan = rangeSpan(ctx, block, block.start, block.start + before.length);
    }
  }
  return result;
}

/** The quốc hiệu spread over this block and the next one or two of the same column. */
function joinWrappedTitle(ctx: StructureContext, i: number): { text: string; span: Span; indices: number[] } | null {
  const indices = [i];
  let text = ctx.blocks[i].text;
  for (let k = i + 1; k < ctx.blocks.length && indices.length < 3; k++) {
    const next = ctx.blocks[k];
    if (next.column !== ctx.blocks[i].column || !isAllCaps(next.text)) return null;
    indices.push(k);
    text = `${text} ${next.text}`;
    const m = NATIONAL_TITLE.exec(foldTones(text));
    if (m && m.index === 0 && m[0].length >= text.length - 1) {
      const first = ctx.blocks[i];
      return { text, span: joinSpans(rangeSpan(ctx, first, first.start, first.end), rangeSpan(ctx, next, next.start, next.end)), indices };
    }
  }
  return null;
}

/** Splits one issuer line holding a parent body and its unit into two lines. */
function splitParentLine(line: IssuerLine): IssuerLine[] {
  const m = UNIT_HEAD.exec(line.text);
  if (!m || m.index < 8 || !BODY_HEAD.test(line.text)) return [line];
  const cut = m.index + 1;
  const parentText = line.text.slice(0, m.index);
  const unitText = line.text.slice(cut);
  const { span } = line;
  const mk = (text: string, s: number, e: number): IssuerLine => ({
    text,
    bold: line.bold,
    span: span.page === undefined ? { start: s, end: e } : { start: s, end: e, page: span.page },
  });
  // Spans follow the text: the line's span starts where its trimmed text starts.
  return [mk(parentText, span.start, span.start + parentText.length), mk(unitText, span.start + cut, span.end)];
}

/** Splits the issuer lines into the parent body (cơ quan chủ quản) and the issuer. */
function assignIssuer(header: Header, allLines: IssuerLine[]): void {
  if (allLines.length === 0) return;
  const lines = allLines.length === 1 ? splitParentLine(allLines[0]) : allLines;
  const names: IssuerLine[][] = [];
  for (const line of lines) {
    const text = line.text.trim();
    const prev = names[names.length - 1];
    const prevText = prev?.[prev.length - 1].text.trim() ?? "";
    // "ỦY BAN NHÂN DÂN TỈNH" / "KON TUM": a place name after its administrative level.
    const continues = NAME_CONTINUATION.test(text) || (ENDS_WITH_PLACE_LEVEL.test(prevText) && !BODY_HEAD.test(text));
    const startsNew =
      !prev ||
      (BODY_HEAD.test(text) && !continues) ||
      (prev[prev.length - 1].bold !== line.bold && !continues);
    if (startsNew) names.push([line]);
    else prev.push(line);
  }
  const toName = (group: IssuerLine[]) => group.map((l) => l.text.trim()).join(" ").replace(/\s+/gu, " ");
  const toSpan = (group: IssuerLine[]) => group.map((l) => l.span).reduce(joinSpans);
  const issuer = names[names.length - 1];
  header.issuer.name = toName(issuer);
  header.spans.issuer = toSpan(issuer);
  if (names.length > 1) {
    const parent = names.slice(0, -1).flat();
    header.issuer.parent = toName(parent);
    header.spans.parent = toSpan(parent);
  }
}

export function emptyHeader(): Header {
  return {
    issuer: { name: null, parent: null },
    nationalTitle: null,
    motto: null,
    number: null,
    symbol: null,
    place: null,
    date: null,
    urgency: null,
    confidentiality: null,
    spans: {},
    year: null,
  };
}
