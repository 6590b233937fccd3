/**
 * Dates: the ngày ban hành of a cited document as printed after its symbol or name
 * (`CITED_DATE_AT`, `readDateAt`), the place-and-date line of a header (`PLACE_DATE`,
 * `DATE_ONLY`, `PLACE_LINE`), and numeric dates a figure must not be read from
 * (`NUMERIC_DATE_AT`). `toIsoDate` is the one calendar check.
 */
import { LETTER_CLASS, UPPER_CLASS } from "./letters.js";
import { NOT_SPACE } from "./fold-free-classes.js";

export interface DateMatch {
  /** ISO yyyy-mm-dd, or null when the printed day or month cannot exist (the span is still consumed). */
  iso: string | null;
  year: number;
  start: number;
  end: number;
  /** The printed text, for warnings. */
  printed: string;
}

/** Builds an ISO date when day, month and year form a real calendar date (29/2 only in leap years). */
export function toIsoDate(day: number, month: number, year: number): string | null {
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return null;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Reads a date ("ngày 07 tháng 4 năm 2014", "ngày 23/7/2014", "ngày 30-10-2010") starting exactly
 * at `pos` of the folded text, or returns null.
 */
export function readDateAt(folded: string, pos: number): DateMatch | null {
  CITED_DATE_AT.lastIndex = pos;
  const m = CITED_DATE_AT.exec(folded);
  if (!m || !m.groups) return null;
  const g = m.groups;
  const day = Number(g.d1 ?? g.d2);
  const month = Number(g.m1 ?? g.m2);
  const year = Number(g.y1 ?? g.y2);
  return { iso: toIsoDate(day, month, year), year, start: m.index, end: m.index + m[0].length, printed: m[0] };
}

/**
 * "ngày … tháng … năm …" with its numbers, or blanks where they were to be handwritten ("ngày
 * tháng 3 năm 2025"); a blank OCR garbled is one to four non-space characters (`NOT_SPACE`, not
 * `\S`: see fold-free-classes.ts).
 */
const DATE_WORDS = String.raw`ng(?:ày|àu|áy|ay|ài)\s*(?:(?<day>\d{1,2})|(?<dayUnreadable>(?=${NOT_SPACE}{0,3}[^\s\d])${NOT_SPACE}{1,4}(?:\s(?!tháng)${NOT_SPACE}{1,2})?))?\s*[/.-]?\s*tháng\s*(?:(?<month>\d{1,2})|(?<monthUnreadable>(?=${NOT_SPACE}{0,3}[^\s\d])${NOT_SPACE}{1,4}))?\s*[/.-]?\s*năm\s*(?<year>\d{4})?`;

/** What the words of a place name are spelled with, after their first capital. */
const PLACE_WORD_CHARS = String.raw`${LETTER_CLASS}.'’`;

/**
 * Địa danh và thời gian: "Kon Tum, ngày 15 tháng 01 năm 2023", blanks allowed. A handwritten day
 * OCR garbled may come as two tokens ("ngàysŠ Ÿ tháng"), and "ngày" as "ngài": still the date line.
 * Searched through `findPlaceDate` (structure): run unanchored, it reads a run of capitals again
 * from each capital in it.
 */
export const PLACE_DATE = new RegExp(String.raw`(?<place>[${UPPER_CLASS}][${PLACE_WORD_CHARS}]*(?:\s+(?:[${UPPER_CLASS}][${PLACE_WORD_CHARS}]*|phố|xã|trấn)){0,6})\s*,\s*${DATE_WORDS}`, "u");
/** A run of the characters a place name's word is spelled with (PLACE_DATE's first word is one). */
export const PLACE_WORD_RUN = new RegExp(`[${PLACE_WORD_CHARS}]+`, "gu");
/** PLACE_DATE at one position. */
export const PLACE_DATE_AT = new RegExp(PLACE_DATE.source, "uy");
/** A capital, where a place name starts. */
export const PLACE_START = new RegExp(`[${UPPER_CLASS}]`, "u");
/** A date line with no place. */
export const DATE_ONLY = new RegExp(String.raw`^${DATE_WORDS}`, "iu");
/** A place alone on its line, the date below it: "Thành phố Hồ Chí Minh," / "ngày … năm 2021". */
export const PLACE_LINE = new RegExp(String.raw`^(?<place>[${UPPER_CLASS}][${PLACE_WORD_CHARS}]*(?:\s+(?:[${UPPER_CLASS}][${PLACE_WORD_CHARS}]*|phố|xã|trấn)){0,6})\s*,$`, "u");

/**
 * Ngày ban hành: "ngày 07 tháng 4 năm 2014" (groups d1 m1 y1) or "ngày 23/7/2014",
 * "ngày 30-10-2010", "ngày 9.4.2021" (groups d2 m2 y2), split over lines or spaced out.
 */
export const CITED_DATE_AT = new RegExp(
  // Up to 48 spaces between the parts: a table cell wraps "ngày 29\n                 tháng 6 năm 2006".
  String.raw`ngày\s{0,48}(?:(?<d1>\d{1,2})\s{1,48}tháng\s{0,48}(?<m1>\d{1,2})\s{0,48}năm\s{0,48}(?<y1>\d{4})` +
    String.raw`|(?<d2>\d{1,2})\s{0,3}(?<sep>[/.\-])\s{0,3}(?<m2>\d{1,2})\s{0,3}\k<sep>\s{0,3}(?<y2>\d{4}))(?!\d)`,
  "iuy",
);
/** "năm 2015" after a law's name ("Bộ luật Hình sự năm 2015"): the year only. */
export const YEAR_AT = new RegExp(String.raw`năm\s{1,4}(?<year>(?:19|20)\d{2})(?![\d/\-${LETTER_CLASS}])`, "iuy");
/** A bare year right after a law's name: "Luật Đất đai 2013". */
export const BARE_YEAR_AT = new RegExp(String.raw`(?<year>(?:19|20)\d{2})(?![\d/\-${LETTER_CLASS}])`, "uy");

/** Ngày tháng written with dashes or dots, which the token scan cannot refuse alone: 04-3-2022, 30.10.2010. */
export const NUMERIC_DATE_AT = /(?<date>\d{1,2}[-.]\d{1,2}[-.](?:\d{4}|\d{2})(?!\d))/uy;
