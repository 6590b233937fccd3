/**
 * Ngày ban hành: the date a cited document was issued, as printed after its symbol or name.
 */
import { DATE_AT } from "./patterns.js";

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
  DATE_AT.lastIndex = pos;
  const m = DATE_AT.exec(folded);
  if (!m || !m.groups) return null;
  const g = m.groups;
  const day = Number(g.d1 ?? g.d2);
  const month = Number(g.m1 ?? g.m2);
  const year = Number(g.y1 ?? g.y2);
  return { iso: toIsoDate(day, month, year), year, start: m.index, end: m.index + m[0].length, printed: m[0] };
}
