// What the survey counts, per element of the record: when it is "found", and the rules by which
// a found (or missing) element "looks wrong". The rules are heuristics on unlabelled documents:
// each flags something a reader would check by hand, they do not prove an error. Every rule is
// stated in its `rule` text, which the survey prints under the table.
import { documentTypeByCode, type Section } from "../../src/index.js";
import type { ParsedRecord } from "./isolated-parser.js";
import { ownName } from "./list-documents.js";

export interface Anomaly {
  code: string;
  rule: string;
  test: (r: ParsedRecord, name: string) => boolean;
}

export interface ElementCheck {
  element: string;
  /** How "found" is counted for this element. */
  foundRule: string;
  found: (r: ParsedRecord, name: string) => boolean;
  anomalies: Anomaly[];
}

// Type words that belong to a document's title, never to an issuer's name (an issuer such as
// "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH …" is legitimate, so "chương trình" and "hướng dẫn" are left out).
const TYPE_WORDS =
  /(^|[\s,(])(ĐIỀU LỆ|QUY CHẾ|QUY ĐỊNH|QUYẾT ĐỊNH|TỜ TRÌNH|PHIẾU TRÌNH|BÁO CÁO|KẾ HOẠCH|THÔNG BÁO|GIẤY MỜI|CÔNG VĂN|CÔNG ĐIỆN|BIÊN BẢN|NGHỊ QUYẾT|PHỤ LỤC|ĐỀ ÁN)(?=$|[\s,)])/u;
// Text of the national title or motto: the header reader swallowed the right-hand column.
const NATIONAL_TITLE = /CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*-\s*Tự do|ĐỘC LẬP\s*-\s*TỰ DO/iu;
// A place-date line: "Lâm Đồng, ngày 12 tháng 3 năm 2025" (blanks allowed between the words),
// or a date left blank for the e-signing system ("ngày … tháng …"), which no subject contains.
const PLACE_DATE = /,\s*ngày\s+[\d\s._…]*tháng|ngày[\s._…]+tháng/iu;
// The reference line of an attached text: "(Kèm theo Quyết định số … ngày … của …)".
const ATTACHMENT_LINE = /^\(|Kèm theo/iu;
const FILLED_PLACE_DATE = /\p{L}[\p{L} .]*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)/u;
const HEADER_ZONE = 2500;
const CLOSING_ZONE = 4000;

/** The kind of document a corpus file name announces ("…--to-trinh-…" → Tờ trình), if any. */
const NAME_KINDS: Array<[RegExp, string]> = [
  [/^(to-trinh|ttr)(-|$)/, "Tờ trình"],
  [/^phieu-trinh(-|$)/, "Phiếu trình"],
  [/^(quyet-dinh|qd)(-|$)/, "Quyết định"],
  [/^(ke-hoach|kh)(-|$)/, "Kế hoạch"],
  [/^(bao-cao|bc)(-|$)/, "Báo cáo"],
  [/^(thong-bao|tb)(-|$)/, "Thông báo"],
  [/^giay-moi(-|$)/, "Giấy mời"],
  [/^dieu-le(-|$)/, "Điều lệ"],
  [/^quy-che(-|$)/, "Quy chế"],
  [/^quy-dinh(-|$)/, "Quy định"],
  [/^de-an(-|$)/, "Đề án"],
  [/^bien-ban(-|$)/, "Biên bản"],
  [/^(cong-van|cv)(-|$)/, "Công văn"],
  [/^cong-dien(-|$)/, "Công điện"],
  [/^nghi-quyet(-|$)/, "Nghị quyết"],
  [/^huong-dan(-|$)/, "Hướng dẫn"],
];

export function kindFromName(name: string): string | null {
  // Drafts keep their kind: "du-thao-quyet-dinh-…" is a Quyết định; a leading number is an index.
  const own = ownName(name).replace(/^(\d+-)?(du-thao-)?/, "");
  for (const [pattern, kind] of NAME_KINDS) if (pattern.test(own)) return kind;
  return null;
}

const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a ?? "").normalize("NFC").toLowerCase() === (b ?? "").normalize("NFC").toLowerCase();

/** Issuer text that is not a name: sentence punctuation, a run of lowercase words, numbers. */
function looksLikeSentence(s: string): boolean {
  if (/[.;:!?]\s|[.;:!?]$/u.test(s)) return true;
  if (/\d+\s*\/|\bSố\b|\bngày\b/u.test(s)) return true;
  const lowerRun = s.match(/(?:\b\p{Ll}[\p{L}]*\s+){4,}/u);
  return lowerRun !== null;
}

function overlongIssuer(s: string | null): boolean {
  return s !== null && s.length > 80;
}

function badIssuer(s: string | null): boolean {
  return s !== null && (TYPE_WORDS.test(s) || NATIONAL_TITLE.test(s));
}

function typeCodeOfSymbol(symbol: string): string | null {
  // "QĐ-UBND" → QĐ; Party "QĐ/TU" → QĐ; "UBND-NC" (công văn) → UBND, not a type code.
  const first = symbol.split(/[-/]/)[0];
  return documentTypeByCode(first) ? first : null;
}

function headerZone(r: ParsedRecord): string {
  return r.text.slice(0, HEADER_ZONE);
}

function closingZone(r: ParsedRecord): string {
  return r.text.slice(-CLOSING_ZONE);
}

function isName(s: string): boolean {
  // A Vietnamese personal name: 2–6 words, each capitalised (or all caps), no digits or punctuation.
  const words = s.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}[\p{L}]*$/u.test(w));
}

function textLength(paragraphs: Array<{ text: string }>): number {
  return paragraphs.reduce((n, p) => n + p.text.length, 0);
}

const topBullets = (sections: Section[]): boolean => sections.some((s) => s.kind === "bullet");

export const CHECKS: ElementCheck[] = [
  {
    element: "text",
    foundRule: "at least 200 characters of text",
    found: (r) => r.text.trim().length >= 200,
    anomalies: [
      {
        code: "text.no_text_layer",
        rule: "warning no_text_layer or garbled_text_layer, and no OCR made up for it (OCR off, or under 200 characters read)",
        test: (r) =>
          r.warnings.some((w) => w.code === "no_text_layer" || w.code === "garbled_text_layer") &&
          (r.source.ocr === null || r.text.trim().length < 200),
      },
    ],
  },
  {
    element: "type",
    foundRule: "type.name set",
    found: (r) => r.type.name !== null,
    anomalies: [
      {
        code: "type.congvan_name_says_other",
        rule: 'type "Công văn" while the file name announces another kind (to-trinh, quyet-dinh, dieu-le …)',
        test: (r, name) => r.type.name === "Công văn" && (kindFromName(name) ?? "Công văn") !== "Công văn",
      },
      {
        code: "type.differs_from_name",
        rule: "type set, not Công văn, and different from the kind the file name announces",
        test: (r, name) => {
          const kind = kindFromName(name);
          return r.type.name !== null && r.type.name !== "Công văn" && kind !== null && !same(kind, r.type.name);
        },
      },
      {
        code: "type.missing_name_says",
        rule: "no type although the file name announces one",
        test: (r, name) => r.type.name === null && kindFromName(name) !== null,
      },
      {
        code: "type.title_without_type",
        rule: "a title was read but no type given to it (texts said not to be administrative documents, such as speeches and agendas, left out)",
        test: (r) => r.title !== null && r.type.name === null && !r.warnings.some((w) => w.code === "not_administrative_document"),
      },
    ],
  },
  {
    element: "issuer",
    foundRule: "header.issuer.name set",
    found: (r) => r.header.issuer.name !== null,
    anomalies: [
      {
        code: "issuer.overlong",
        rule: "issuer name or parent longer than 80 characters",
        test: (r) => overlongIssuer(r.header.issuer.name) || overlongIssuer(r.header.issuer.parent),
      },
      {
        code: "issuer.type_word",
        rule: "issuer name or parent contains a type word (ĐIỀU LỆ, QUY CHẾ, QUYẾT ĐỊNH, TỜ TRÌNH, BÁO CÁO …) or the national title",
        test: (r) => badIssuer(r.header.issuer.name) || badIssuer(r.header.issuer.parent),
      },
      {
        code: "issuer.sentence",
        rule: "issuer name or parent reads like body text: sentence punctuation, 4+ lowercase words in a row, a number with '/', 'Số' or 'ngày'",
        test: (r) => [r.header.issuer.name, r.header.issuer.parent].some((s) => s !== null && looksLikeSentence(s)),
      },
      {
        code: "issuer.parent_without_name",
        rule: "a parent (cơ quan chủ quản) without an issuer name",
        test: (r) => r.header.issuer.parent !== null && r.header.issuer.name === null,
      },
    ],
  },
  {
    element: "số/ký hiệu",
    foundRule: "header.symbol or header.number set (drafts leave the number blank)",
    found: (r) => r.header.symbol !== null || r.header.number !== null,
    anomalies: [
      {
        code: "number.without_symbol",
        rule: "a number without a symbol",
        test: (r) => r.header.number !== null && r.header.symbol === null,
      },
      {
        code: "number.not_numeric",
        rule: "number is not digits (optionally one trailing letter, or an internal form's number-month \"12-01\")",
        test: (r) => r.header.number !== null && !/^\d+(?:[a-zA-Z]|-\d{1,3})?$/.test(r.header.number),
      },
      {
        code: "symbol.malformed",
        rule: "symbol has spaces, no capital letter, or characters other than letters, digits, '.', '&' joined by '-', '/', '_' (a unit in brackets at the end, 'TTr-CAT(PC04)', is allowed)",
        test: (r) => {
          const s = r.header.symbol;
          return s !== null && (!/^[\p{L}\d.&]+([-/_][\p{L}\d.&]+)*(?:\([\p{L}\d.&-]+\))?$/u.test(s) || !/\p{Lu}/u.test(s));
        },
      },
      {
        code: "symbol.type_code_differs",
        rule: "the symbol starts with a type code (TTr-, QĐ-, KH- …) other than the record's type code",
        test: (r) => {
          const code = r.header.symbol ? typeCodeOfSymbol(r.header.symbol) : null;
          return code !== null && code !== r.type.code;
        },
      },
      {
        code: "symbol.missing_printed",
        rule: 'no symbol although the header zone prints "Số …/X-Y" or "Số: …-X/Y"',
        test: (r) =>
          r.header.symbol === null && /Số\s*:?\s*[\d\s._…]*[-/]\s*\p{Lu}[\p{L}]*[-/]\p{Lu}/u.test(headerZone(r)),
      },
    ],
  },
  {
    element: "date or year",
    foundRule: "header.date or header.year set",
    found: (r) => r.header.date !== null || r.header.year !== null,
    anomalies: [
      {
        code: "date.lost",
        rule: 'no date although the header zone prints a filled place-date line ("…, ngày 3 tháng 12 năm 2025")',
        test: (r) => r.header.date === null && FILLED_PLACE_DATE.test(headerZone(r)),
      },
      {
        code: "date.differs_from_line",
        rule: "the date differs from the first filled place-date line of the header zone",
        test: (r) => {
          const m = headerZone(r).match(FILLED_PLACE_DATE);
          if (!m || r.header.date === null) return false;
          const printed = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
          return printed !== r.header.date;
        },
      },
      {
        code: "date.implausible_year",
        rule: "year before 1990 or after next year",
        test: (r) => {
          const year = r.header.date ? Number(r.header.date.slice(0, 4)) : r.header.year;
          return year !== null && (year < 1990 || year > new Date().getFullYear() + 1);
        },
      },
      {
        code: "date.without_place",
        rule: "a date or year but no place",
        test: (r) => (r.header.date !== null || r.header.year !== null) && r.header.place === null,
      },
    ],
  },
  {
    element: "title",
    foundRule: "title set",
    found: (r) => r.title !== null,
    anomalies: [
      { code: "title.overlong", rule: "title longer than 200 characters", test: (r) => (r.title?.length ?? 0) > 200 },
      {
        code: "title.attachment_line",
        rule: 'title starts with "(" or contains "Kèm theo" (the reference line of an attached text read as its title)',
        test: (r) => r.title !== null && ATTACHMENT_LINE.test(r.title),
      },
      {
        code: "title.missing_typed",
        rule: "a type other than Công văn but no title",
        test: (r) => r.title === null && r.type.name !== null && r.type.name !== "Công văn",
      },
    ],
  },
  {
    element: "subject",
    foundRule: "subject set",
    found: (r) => r.subject !== null,
    anomalies: [
      { code: "subject.overlong", rule: "subject longer than 400 characters", test: (r) => (r.subject?.length ?? 0) > 400 },
      {
        code: "subject.place_date",
        rule: 'subject contains place-date text (", ngày … tháng") or a blank date ("ngày … tháng")',
        test: (r) => r.subject !== null && PLACE_DATE.test(r.subject),
      },
      {
        code: "subject.header_text",
        rule: 'subject contains header or opening text: "Kính gửi", "Số:", the national title, or still starts with "V/v"',
        test: (r) =>
          r.subject !== null &&
          (/Kính gửi|\bSố\s*:|^V\/v\b/iu.test(r.subject) || NATIONAL_TITLE.test(r.subject)),
      },
      {
        code: "subject.attachment_line",
        rule: 'subject starts with "(" or contains "Kèm theo" (the reference line of an attached text)',
        test: (r) => r.subject !== null && ATTACHMENT_LINE.test(r.subject),
      },
      {
        code: "subject.vv_lost",
        rule: 'no subject although the header zone prints "V/v"',
        test: (r) => r.subject === null && /(^|\n)\s*V\/v\b/u.test(headerZone(r)),
      },
    ],
  },
  {
    element: "addressees",
    foundRule: "at least one Kính gửi addressee",
    found: (r) => r.addressees.length > 0,
    anomalies: [
      { code: "addressees.overlong", rule: "an addressee longer than 200 characters", test: (r) => r.addressees.some((a) => a.name.length > 200) },
      {
        code: "addressees.lost",
        rule: 'no addressee although the first 4000 characters print "Kính gửi"',
        test: (r) => r.addressees.length === 0 && /Kính gửi/iu.test(r.text.slice(0, 4000)),
      },
    ],
  },
  {
    element: "sections",
    foundRule: "at least one section",
    found: (r) => r.sections.length > 0,
    anomalies: [
      {
        code: "sections.numbering_gap",
        rule: "warning section_numbering_gap",
        test: (r) => r.warnings.some((w) => w.code === "section_numbering_gap"),
      },
      {
        code: "sections.overlong_heading",
        rule: "a top-level heading longer than 300 characters (body text read as a heading)",
        test: (r) => r.sections.some((s) => (s.heading?.length ?? 0) > 300),
      },
    ],
  },
  {
    element: "bullets at top level",
    foundRule: "a '-' or '+' bullet at the top level of the section tree",
    found: (r) => topBullets(r.sections),
    anomalies: [
      { code: "sections.top_level_bullet", rule: "any bullet at the top level (they belong to the preamble or to a section)", test: (r) => topBullets(r.sections) },
    ],
  },
  {
    element: "recipients",
    foundRule: "at least one Nơi nhận item",
    found: (r) => r.recipients.length > 0,
    anomalies: [
      {
        code: "recipients.lost",
        rule: 'no recipient although the last 4000 characters print "Nơi nhận"',
        test: (r) => r.recipients.length === 0 && /Nơi nhận/iu.test(closingZone(r)),
      },
      {
        code: "recipients.overlong",
        rule: "a recipient longer than 150 characters",
        test: (r) => r.recipients.some((x) => x.name.length > 150),
      },
      {
        code: "recipients.archive_as_recipient",
        rule: 'a recipient that starts with "Lưu" (the archive line)',
        test: (r) => r.recipients.some((x) => /^Lưu\b/u.test(x.name.trim())),
      },
      {
        code: "recipients.empty_name",
        rule: "a recipient whose name has no letter",
        test: (r) => r.recipients.some((x) => !/\p{L}/u.test(x.name)),
      },
    ],
  },
  {
    element: "archive",
    foundRule: "archive set",
    found: (r) => r.archive !== null,
    anomalies: [
      {
        code: "archive.lost",
        rule: 'no archive although a closing line starts with "Lưu" (with or without a colon)',
        test: (r) => r.archive === null && /(^|\n)\s*-?\s*Lưu\s*(:|VT|Văn thư)/u.test(closingZone(r)),
      },
    ],
  },
  {
    element: "signature",
    foundRule: "signature set",
    found: (r) => r.signature !== null,
    anomalies: [
      {
        code: "signature.empty",
        rule: "a signature with neither position nor signer",
        test: (r) => r.signature !== null && r.signature.position === null && r.signature.signer === null,
      },
      {
        code: "signature.signer_not_a_name",
        rule: "signer is not 2–6 capitalised words without digits or punctuation",
        test: (r) => r.signature?.signer != null && !isName(r.signature.signer),
      },
      {
        code: "signature.overlong_position",
        rule: "position longer than 80 characters",
        test: (r) => (r.signature?.position?.length ?? 0) > 80,
      },
      {
        code: "signature.authority_lost",
        rule: 'no authority although a closing line starts with "TM." "KT." "TL." "TUQ." "Q." or "T/M"',
        test: (r) =>
          (r.signature?.authorities.length ?? 0) === 0 && /(^|\n)\s*(TM|KT|TL|TUQ|Q|T\/M)\.?\s+\p{Lu}{2,}/u.test(closingZone(r)),
      },
    ],
  },
  {
    element: "unassigned text",
    foundRule: "any unassigned paragraph (a clean parse has none)",
    found: (r) => r.unassigned.length > 0,
    anomalies: [
      { code: "unassigned.any", rule: "any unassigned paragraph", test: (r) => r.unassigned.length > 0 },
      { code: "unassigned.over_500", rule: "more than 500 characters unassigned", test: (r) => textLength(r.unassigned) > 500 },
    ],
  },
  {
    element: "citations",
    foundRule: "at least one citation",
    found: (r) => r.citations.length > 0,
    anomalies: [
      {
        code: "citations.without_symbol",
        rule: "a citation (not self) with neither symbol nor title (a law cited by name has a title)",
        test: (r) => r.citations.some((c) => !c.self && c.symbol === null && c.title === null),
      },
      {
        code: "citations.malformed_symbol",
        rule: "a citation symbol with spaces or without '/' or '-'",
        test: (r) => r.citations.some((c) => c.symbol !== null && (/\s/.test(c.symbol) || !/[-/]/.test(c.symbol))),
      },
    ],
  },
];
