/**
 * Số, ký hiệu: the grammar of document numbers and symbols, in the three places they are read.
 * - `SYMBOL` (and `SYMBOL_AT`): a symbol inside running text, as a citation prints it;
 * - `NUMBER_SYMBOL`: the document's own "Số: … / …" line in its header;
 * - `SYMBOL_AFTER_NUMBER`: the tail that tells a figure is a document number (targets skip it).
 * All three share the segment shape: a code that starts with a capital, joined by - / &.
 */
import { LETTER_CLASS, LOWER_CLASS, NUMERAL_CLASS, UPPER_CLASS } from "./letters.js";

/**
 * Optional spaces around a separator, with at most one line break ("NĐ-\nCP", "34/CT - TW").
 * After a line break the next line may be indented deep into a table column ("NĐ-\n      CP").
 */
const GAP = String.raw`[ \t\u00A0]{0,3}(?:\r?\n[ \t\u00A0]{0,40})?`;
/** Capitals that open a symbol part: "QĐ", "HĐND". */
const CAPS = String.raw`A-ZĐ`;
/** Hyphen, non-breaking hyphen or en dash: all three are printed inside symbols. */
export const DASH = String.raw`[-\u2011\u2013]`;
/** One part of a symbol: a code that starts with a capital ("QĐ", "TTg", "QH14", "QLXLVPHC&TDTHPL"). */
const SEG = String.raw`[A-ZĐƯ][A-Za-zĐđƯư0-9&]{0,15}`;
const SEGS = (max: number) => String.raw`${SEG}(?:${GAP}${DASH}${GAP}${SEG}){0,${max}}`;
/**
 * A số ký hiệu in one of its printed shapes. Groups:
 * - `number` — the document number ("3461", "05");
 * - legal normative `number/year/TYPE-ISSUER`: `year`, `legal` ("91/2017/NĐ-CP", "43/2014NĐ-CP");
 * - Party `number-TYPE/ISSUER`: `partyType`, `partyIssuer` ("67-KH/TU", "215 -CV/TU");
 * - administrative `number/TYPE-ISSUER` or `number/ISSUER-UNIT`: `admin` ("3461/KH-UBND", "967/UBND-NC");
 * - a missing slash `number TYPE-ISSUER`: `bare` ("2973 KH-UBND"), accepted only after "số" or a type word.
 * Map scales ("1/500"), counts ("21/21 xã"), dates and periods never match: the part after the
 * separator must start with a capital letter. The caller rejects a match preceded by a letter
 * or digit (so "QH14/…" or "123456789/…" are not read from their middle).
 */
export const SYMBOL = new RegExp(
  String.raw`(?<number>\d{1,6})(?:` +
    String.raw`${GAP}\/${GAP}(?<year>(?:19|20)\d{2})(?:${GAP}\/${GAP}|(?=[A-ZĐ]))(?<legal>${SEGS(4)})` +
    String.raw`|${GAP}${DASH}${GAP}(?<partyType>${SEG})${GAP}\/${GAP}(?<partyIssuer>${SEGS(3)})` +
    String.raw`|${GAP}\/${GAP}(?<admin>${SEGS(4)})` +
    String.raw`|[ \t]{1,2}(?<bare>${SEG}(?:${DASH}${SEG}){1,4})` +
    String.raw`)(?![${LETTER_CLASS}${NUMERAL_CLASS}])`,
  "gu",
);
/** `SYMBOL` anchored at one position (sticky), to test "số <symbol>" after a title. */
export const SYMBOL_AT = new RegExp(SYMBOL.source, "uy");
/** Splits a symbol part list on its separators, spaces included. */
export const SYMBOL_DASH_SPLIT = new RegExp(String.raw`\s*${DASH}\s*`, "u");
/** Issuer codes of Party bodies: a symbol "34/CT-TW" is the Party symbol 34-CT/TW printed loosely. */
export const PARTY_ISSUER = /^(?:TW|TƯ|TU|HU|QU|ĐU|ĐĐ|[A-ZĐ]{1,8}(?:TW|TƯ))$/u;
/** Legislative issuer codes of a legal normative symbol without a type code: 45/2013/QH13. */
export const LEGISLATIVE_ISSUER = /^(?:QH|UBTVQH)\d{1,2}$/u;
/** "Số:" at the start of a line is the document's own number in the header, not a citation. */
export const OWN_NUMBER_LINE = /(?:^|\n)[ \t]{0,40}S[ốỐ]\s{0,4}:\s{0,16}$/u;

/**
 * Số ký hiệu after a number: "56/NQ-HĐND", "67-KH/TU", "2442 /KH-UBND", "2973 KH-UBND",
 * "08-ĐA/TU". The number is the document's number, not a figure.
 */
export const SYMBOL_AFTER_NUMBER = new RegExp(
  String.raw`(?<sym>\s{0,2}/\s{0,2}(?:\d{4}\s{0,2}/\s{0,2})?[${CAPS}]|-[${CAPS}]|\s{1,2}[${CAPS}]{1,6}-[${CAPS}])`,
  "uy",
);

/**
 * Số, ký hiệu: "Số: 1234 /QĐ-UBND", "Số:      /UBND-KTTH" (blank), "Số 67-KH/TU" (Party),
 * "Số: 05/2022/QĐ-UBND" (legal normative), "Số: 12-01/26/PT-NC" (an office's internal form:
 * number and month joined by a hyphen, so digits after the hyphen belong to the number; a Party
 * number is followed by letters there). The symbol is letters and digits joined by - / &.
 * A handwritten number that OCR garbled ("Số: 4 Q8/TTr-CAT", "Số:447 Ÿ /QĐ-BTP", "Số:4Í7 Ÿ /QĐ-BTP":
 * a digit, marks, one space, a mark or two) is `unreadable`: the symbol is kept.
 * The drafting unit may follow in parentheses: "TTr-CAT(PC04)" (Công an tỉnh, phòng PC04).
 */
export const NUMBER_SYMBOL =
  new RegExp(String.raw`(?:(?<![${LETTER_CLASS}\d])Số|(?<![${LETTER_CLASS}\d])số(?=\s*:)|^số)\s*[:.]?\s*(?:(?<number>\d{1,6}[a-z]?(?:\s{0,2}[-–]\s{0,2}\d{1,3}(?=\s{0,2}\/))?)|(?<unreadable>[^\s/\d\-–][^\s/]{0,7}|\d[^\s/\d]?\s?[^\s/\d][^\s/]{0,3}(?=\s{0,2}\/)|\d{1,6}\s?[^\s/\d.\-–][^\s/]{0,3}(?=\s{0,2}\/)|\d[^\s/]{0,5}\s[^\s/]{1,3}(?=\s{0,2}\/)))?\s*\.?\s*(?:[/\-–]\s*(?<year>(?:19|20)\d{2})\s*)?[/\-–]\s*(?<symbol>[${UPPER_CLASS}\d][${UPPER_CLASS}${LOWER_CLASS}\d&]{0,20}(?:\s*[-–/]\s*[${UPPER_CLASS}\d][${UPPER_CLASS}${LOWER_CLASS}\d&]{0,20}){0,5}(?:\([${UPPER_CLASS}\d]{1,10}\))?)`, "u");
