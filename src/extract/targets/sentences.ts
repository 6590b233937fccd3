/**
 * Câu và vế câu: sentence and clause boundaries inside a unit, computed once per unit in one
 * pass (a unit can be megabytes long; scanning back from every figure would be quadratic).
 *
 * - A sentence ends at ".", "!", "?", "…" followed by a space, a quote or the end — but not a
 *   "." between digits ("4.000") and not an outline number's dot ("1.2.").
 * - A clause also ends at ";" — the separator of list items and of multi-target items
 *   ("Tỷ lệ lao động qua đào tạo đạt 55,7%; trong đó đào tạo nghề đạt 39,6%").
 */
import { PUNCTUATION_CHAR } from "./patterns.js";

export interface Boundaries {
  /** Sorted start positions of sentences (0 first). */
  sentences: number[];
  /** Sorted start positions of clauses (0 first); every sentence start is also a clause start. */
  clauses: number[];
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function findBoundaries(s: string): Boundaries {
  const sentences = [0];
  const clauses = [0];
  const n = s.length;
  const re = PUNCTUATION_CHAR;
  re.lastIndex = 0;
  // Jump from punctuation to punctuation with a native scan instead of visiting every character;
  // `test` makes no match array, and the match is the one code unit before `lastIndex`.
  while (re.test(s)) {
    const i = re.lastIndex - 1;
    const c = s.charCodeAt(i);
    if (c === 0x3b) {
      clauses.push(i + 1);
    } else if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
      if (c === 0x2e && next >= 0 && (isDigit(next) || next === 0x2e || next === 0x2f)) continue;
      if (c === 0x2e && i > 0 && s.charCodeAt(i - 1) === 0x2f) continue; // "./." closing mark
      const endsHere = next === -1 || next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09 || next === 0x201d || next === 0x22 || next === 0xa0;
      if (!endsHere) continue;
      sentences.push(i + 1);
      clauses.push(i + 1);
    }
  }
  return { sentences, clauses };
}

/** The last boundary at or before `pos` in a sorted list. */
export function boundaryBefore(list: readonly number[], pos: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= pos) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The first boundary strictly after `pos`, or `end`. */
export function boundaryAfter(list: readonly number[], pos: number, end: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = end;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] > pos) {
      found = list[mid];
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}
