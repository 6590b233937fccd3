/**
 * Số liệu (figures) inside one text unit: number, range, unit, comparator, direction, basis.
 *
 * What is never a figure, and why it is refused here:
 * - years and periods: a bare integer 1900–2100 with no listed unit ("năm 2022", "2021 - 2025",
 *   "(2010-2014)"), unless a listed non-time unit follows ("2000 ha");
 * - durations and ages: a time unit follows ("5 năm", "6 tháng", "từ 12 đến 17 tuổi");
 * - dates, document numbers and symbols, ratios, scales, standards: refused by the token scan
 *   (`NUMBER`) or by `NUMERIC_DATE_AT` / `SYMBOL_AFTER_NUMBER` ("09/02/1913", "04-3-2022", "56/NQ-HĐND",
 *   "2973 KH-UBND", "21/21 xã", "1/500", "ISO 9001:2008");
 * - article, item and ordinal numbers: a label word precedes ("Điều 3", "khoản 2",
 *   "tiêu chí số 8", "lần thứ 10", "Quốc lộ 24");
 * - outline numbers opening a paragraph ("1.", "2.1.");
 * - anything inside parentheses or quotation marks: qualifiers and names ("(có tính cây cao su)",
 *   "(gồm 166 dự án …)", "“12 điều y đức”") stay in the indicator and are never read;
 * - anything inside a caller's `exclude` span (citations);
 * - a bare number without unit, comparator or value verb, or right after a capitalised name
 *   ("Bảo Hưng 2").
 * A ratio count such as "21/21 xã" is deliberately not read at all, neither as target nor as
 * result: its two halves are a count and a total, and no field can hold both.
 */
import type { Comparator } from "../../schema/target.js";
import { readLead, resolveComparator } from "./comparators.js";
import { readNumberToken, scaleExact, type ParsedNumber } from "./numbers.js";
import { BASELINE_TO, BRACKET_CHAR, BASIS_COMPARE, BASIS_DIRECT, BASIS_WORD, BOUND_AFTER, FOUR_DIGITS, NUMBER, NUMBER_AT, OUTLINE_AFTER, RANGE_JOINER, SAME_PERIOD_LAST_YEAR, SYMBOL_START_CHAR, WHITESPACE_RUN } from "./patterns.js";
import { NUMERIC_DATE_AT } from "../../lexicon/dates.js";
import { SYMBOL_AFTER_NUMBER } from "../../lexicon/document-number.js";
import { readUnit, type UnitKind, type UnitReading } from "./units.js";
import { foldWord, isSpaceCode } from "./words.js";
import { BASIS_STOP_WORDS } from "../../lexicon/stop-words.js";

/** A figure found in a unit. Positions are relative to the unit text. */
export interface Measure {
  /** Value span: number (or range) and unit. */
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
  unit: string | null;
  kind: UnitKind | null;
  noun: string | null;
  reading: UnitReading;
  /** Value × scale, exact. */
  scaled: number;
  comparator: Comparator;
  direction: "increase" | "decrease" | null;
  /** Something marks the number as a figure: comparator, verb, direction, %, range, list-item start … */
  anchored: boolean;
  /** "giao" right before the value. */
  assign: boolean;
  /** Start of the comparator / verb / direction words: the indicator ends here. */
  leadStart: number;
  /** End of everything read after the value (trở lên, basis). */
  regionEnd: number;
  basis: string | null;
  /** English-looking notation ("1.5"): the caller warns. */
  ambiguous: boolean;
}

export interface Mask {
  start: number;
  end: number;
}

const BASIS_MAX_WORDS = 6;

function sticky(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/** The character after at most `max` spaces from `pos` ("" at the end). */
function nextChar(s: string, pos: number, max: number): string {
  let i = pos;
  while (i < s.length && i - pos < max && isSpaceCode(s.charCodeAt(i))) i++;
  return s.charAt(i);
}

/*
 * Cheap first-character tests before each sticky pattern: a number is followed by a unit and
 * punctuation far more often than by a date, symbol, range or basis, and these tests keep the
 * sticky patterns off the common path.
 */
const RANGE_STARTS = new Set(["-", "–", "—", "%", "đ", "Đ", "t", "T"]);
const BASIS_STARTS = new Set(["s", "S", ","]);
const DIRECT_BASIS_STARTS = new Set(["c", "C", "k", "K", "d", "D", "m", "M"]);

/** Start of the run of digits, "." and "," that ends at `end`. */
function numberStartBefore(s: string, end: number): number {
  let i = end;
  for (let c = s.charCodeAt(i - 1); (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c; c = s.charCodeAt(i - 1)) i--;
  return i;
}

/** True when only list markers and spaces stand between the unit start and `pos`: a list-item start. */
function onlyMarkersBefore(s: string, pos: number): boolean {
  for (let i = pos - 1, n = 0; i >= 0; i--, n++) {
    if (n > 12) return false;
    const c = s.charAt(i);
    if (!" \t\n\r\u00a0-+•*#–—>".includes(c)) return false;
  }
  return true;
}

function isYearLike(token: string, n: ParsedNumber): boolean {
  return FOUR_DIGITS.test(token) && n.value >= 1900 && n.value <= 2100;
}

/**
 * Parentheses and quotation marks of a unit, outermost pairs only. Unbalanced openers are
 * ignored (a lost ")" must not hide the rest of the paragraph). Linear.
 */
export function bracketMasks(s: string): Mask[] {
  const masks: Mask[] = [];
  // Most units have no bracket or quote at all: native searches settle that before the loop.
  if (s.indexOf("(") < 0 && s.indexOf("[") < 0 && s.indexOf("\u201c") < 0 && s.indexOf('"') < 0) return masks;
  let depth = 0;
  let openAt = -1;
  let curly = -1;
  let straight = -1;
  const re = BRACKET_CHAR;
  re.lastIndex = 0;
  // Jump from bracket to bracket with a native scan instead of visiting every character; `test`
  // makes no match array, and the match is the one code unit before `lastIndex`.
  while (re.test(s)) {
    const i = re.lastIndex - 1;
    const c = s.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) {
      if (depth === 0) openAt = i;
      depth++;
    } else if ((c === 0x29 || c === 0x5d) && depth > 0) {
      depth--;
      if (depth === 0) masks.push({ start: openAt, end: i + 1 });
    } else if (c === 0x201c) {
      curly = i;
    } else if (c === 0x201d && curly >= 0) {
      masks.push({ start: curly, end: i + 1 });
      curly = -1;
    } else if (c === 0x22) {
      if (straight < 0) straight = i;
      else {
        masks.push({ start: straight, end: i + 1 });
        straight = -1;
      }
    }
  }
  return masks.sort((a, b) => a.start - b.start);
}

/** Moves through sorted masks as positions increase. */
class MaskCursor {
  private i = 0;
  constructor(private readonly masks: readonly Mask[]) {}
  /** Does [start, end) touch a mask? `start` must not decrease between calls. */
  hits(start: number, end: number): boolean {
    while (this.i < this.masks.length && this.masks[this.i].end <= start) this.i++;
    for (let k = this.i; k < this.masks.length && this.masks[k].start < end; k++) {
      if (this.masks[k].end > start) return true;
    }
    return false;
  }
}

/** Reads the words of a basis after its head ("dự toán" + "Trung ương giao"). */
function readBasisWords(s: string, pos: number, max: number): number {
  let at = pos;
  for (let n = 0; n < max; n++) {
    const w = sticky(BASIS_WORD, s, at);
    if (!w || BASIS_STOP_WORDS.has(foldWord(w.groups!.word))) break;
    at = BASIS_WORD.lastIndex;
  }
  return at;
}

function canonicalBasis(raw: string): string {
  const basis = raw.replace(WHITESPACE_RUN, " ").trim();
  // "cùng kỳ năm trước" and "cùng kỳ" name the same basis.
  const same = SAME_PERIOD_LAST_YEAR.exec(basis);
  return same ? same.groups!.head : basis;
}

/**
 * Finds the figures of one unit. `brackets`: the unit's `bracketMasks`; `excludes`: relative
 * spans that must not be read (citations), sorted by start. Never throws on content.
 */
export function findMeasures(s: string, brackets: readonly Mask[], excludes: readonly Mask[]): Measure[] {
  const out: Measure[] = [];
  const re = NUMBER;
  re.lastIndex = 0;
  const inBrackets = new MaskCursor(brackets);
  const excluded = new MaskCursor(excludes);
  let consumedUntil = 0;
  let baseline: { leadStart: number; direction: Measure["direction"]; next: number } | null = null;
  // `test`, not `exec`: no match array per number (a report has a number in every few words).
  // The match is its number alone, and its look-behind refuses a digit, "." or "," before it, so
  // the number starts where the digits and separators before its end start.
  while (re.test(s)) {
    const numEnd = re.lastIndex;
    const numStart = numberStartBefore(s, numEnd);
    const token = s.slice(numStart, numEnd);
    if (numStart < consumedUntil) continue;
    if (inBrackets.hits(numStart, numEnd) || excluded.hits(numStart, numEnd)) continue;
    if (s.charCodeAt(numEnd) === 0x2d && sticky(NUMERIC_DATE_AT, s, numStart)) {
      consumedUntil = NUMERIC_DATE_AT.lastIndex;
      re.lastIndex = Math.max(re.lastIndex, consumedUntil);
      continue;
    }
    const after1 = nextChar(s, numEnd, 2);
    if (after1 !== "" && SYMBOL_START_CHAR.test(after1) && sticky(SYMBOL_AFTER_NUMBER, s, numEnd)) continue;
    const itemStart = onlyMarkersBefore(s, numStart);
    if (itemStart && sticky(OUTLINE_AFTER, s, numEnd)) continue;

    const lead = readLead(s, numStart, 0);
    if (lead.label) continue;
    const first = readNumberToken(token);
    if (!first) continue;

    // Range: "15 đến 18", "60-70%", "2-3 xã".
    let pos = numEnd;
    let second: ParsedNumber | null = null;
    let secondToken = "";
    const joiner = RANGE_STARTS.has(nextChar(s, pos, 4)) ? sticky(RANGE_JOINER, s, pos) : null;
    if (joiner) {
      const n2 = sticky(NUMBER_AT, s, RANGE_JOINER.lastIndex);
      if (n2) {
        secondToken = n2.groups!.num;
        second = readNumberToken(secondToken);
        if (second) pos = NUMBER_AT.lastIndex;
      }
    }

    const reading = readUnit(s, pos);
    if (reading.kind === "time" || reading.ratio) {
      consumedUntil = reading.end;
      continue;
    }
    const yearLike = isYearLike(token, first) || (second !== null && isYearLike(secondToken, second));
    if (yearLike && !(reading.lexicon && reading.unit !== null)) {
      consumedUntil = pos;
      continue;
    }
    if (excluded.hits(numStart, reading.end)) continue;

    let after = reading.end;
    let bound: "gte" | "lte" | null = null;
    const tChar = nextChar(s, after, 4);
    const b = tChar === "t" || tChar === "T" ? sticky(BOUND_AFTER, s, after) : null;
    if (b) {
      bound = b.groups!.up !== undefined ? "gte" : "lte";
      after = BOUND_AFTER.lastIndex;
    }

    // "tăng từ 46,78 triệu đồng năm 2021 lên 52,44 …": the first figure is a baseline. The next
    // figure takes over its lead ("tăng từ"), so the indicator stops before the baseline.
    if (lead.from && second === null && sticky(BASELINE_TO, s, after)) {
      baseline = { leadStart: lead.leadStart, direction: lead.direction, next: BASELINE_TO.lastIndex };
      continue;
    }

    let basis: string | null = null;
    const basisChar = nextChar(s, after, 4);
    if (BASIS_STARTS.has(basisChar) && sticky(BASIS_COMPARE, s, after)) {
      const headEnd = BASIS_COMPARE.lastIndex;
      const end = readBasisWords(s, headEnd, BASIS_MAX_WORDS);
      if (end > headEnd) {
        basis = canonicalBasis(s.slice(headEnd, end));
        after = end;
      }
    } else if (reading.kind === "percent" && DIRECT_BASIS_STARTS.has(basisChar)) {
      const head = sticky(BASIS_DIRECT, s, after);
      if (head) {
        const headEnd = BASIS_DIRECT.lastIndex;
        const headStart = headEnd - head.groups!.head.length;
        const end = readBasisWords(s, headEnd, BASIS_MAX_WORDS);
        basis = canonicalBasis(s.slice(headStart, end));
        after = end;
      }
    }

    const isRange = second !== null;
    if (reading.unit === null && !(lead.comparator !== null || lead.verb || isRange || bound)) continue;
    if (reading.unit === null && lead.name) continue;

    let value = first.value;
    let valueMax = second ? second.value : null;
    let scaledFrom = first;
    if (valueMax !== null && valueMax < value) {
      // "từ 18 đến 15": printed backwards; keep the order low → high.
      [value, valueMax] = [valueMax, value];
      scaledFrom = second!;
    }
    let leadStart = lead.leadStart;
    let direction = lead.direction;
    if (baseline !== null && baseline.next === numStart) {
      leadStart = baseline.leadStart;
      direction ??= baseline.direction;
    }
    baseline = null;
    const comparator = resolveComparator(lead, isRange, bound);
    const anchored =
      lead.comparator !== null || lead.verb || direction !== null || lead.assign || isRange || bound !== null ||
      basis !== null || reading.kind === "percent" || onlyMarkersBefore(s, lead.leadStart);

    out.push({
      start: numStart,
      end: reading.unit === null ? pos : reading.end,
      value,
      valueMax,
      unit: reading.unit,
      kind: reading.kind,
      noun: reading.noun,
      reading,
      scaled: scaleExact(scaledFrom, reading.kind === "percent" ? 0 : reading.scale),
      comparator,
      direction,
      anchored,
      assign: lead.assign,
      leadStart,
      regionEnd: after,
      basis,
      ambiguous: first.ambiguous || (second?.ambiguous ?? false),
    });
    consumedUntil = after;
  }
  return out;
}
