/**
 * Đơn vị: the unit printed after a figure, and the figure in base units.
 *
 * Decisions:
 * - `unit` is kept as printed (scale word and rate included, spaces collapsed): "triệu đồng",
 *   "nghìn lượt khách", "%/năm", "giường/01 vạn dân".
 * - `normalized` multiplies out the scale word and drops it: 57 triệu đồng → 57000000 "đồng",
 *   900 nghìn lượt khách → 900000 "lượt khách". A rate per population is normalized to one
 *   spelling, "giường/01 vạn dân" → "giường/vạn dân". When the rate is stated in the indicator
 *   instead ("Số giường bệnh trên một vạn dân … đạt 40,3 giường") the unit stays "giường" as
 *   printed and only `normalized.unit` becomes "giường/vạn dân" (see `perPopulationFromIndicator`).
 * - A scale word with no noun after it ("hơn 10 nghìn") has no base unit: `normalized` is null.
 * - Time units (năm, tháng, tuổi …) mark durations, periods and ages: the caller drops them.
 */
import { ACRONYM_UNIT, COUNT_NOUN, FALLBACK_UNIT, MATH_CLOSE, MEASURE_UNIT, DIGIT_GROUP_DOT, PER_DAN, PER_POPULATION, PER_RATE, POWER_OF_TEN, RATE_NUMBER, RATE_ONE, SCALE_WORD, SLASH_SPACING, SPACE_IN_NOUN, THOUSANDS_DOT, TIME_UNIT, UNIT_NEEDS_TIDY, WHITESPACE_RUN } from "./patterns.js";
import { scaleExponent } from "./numbers.js";
import { CURRENCY_UNITS, NOT_A_UNIT } from "../../lexicon/target-words.js";
import { isLetterCode } from "../../lexicon/letters.js";
import { foldWord, isSpaceCode } from "./words.js";

export type UnitKind = "percent" | "currency" | "measure" | "count" | "time";

export interface UnitReading {
  /** Where the unit (with scale word and rates) ends; equals the start position when there is none. */
  end: number;
  /** As printed, spaces collapsed; null when no unit follows. */
  unit: string | null;
  kind: UnitKind | null;
  /** The counted noun as printed ("doanh nghiệp"), for count units only. */
  noun: string | null;
  /** Power of ten of the scale word (0 without one). */
  scale: number;
  /** Unit in base form (no scale word, normalized rate), null when there is nothing to name. */
  base: string | null;
  /** Recognised from a list (not the one-word fallback): enough to read "2000 ha" as a figure, not a year. */
  lexicon: boolean;
  /**
   * A slash and a number that is not a rate base: "24.667 HSDTTS/40.009 trẻ" is a part of a
   * total (a ratio count), which the caller does not read.
   */
  ratio?: boolean;
}

const CURRENCIES = new Set(CURRENCY_UNITS);

function stickyExec(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/** Collapses the spacing of a printed unit: "% / năm" → "%/năm", "lượt\nkhách" → "lượt khách". */
function tidy(printed: string): string {
  return printed.replace(WHITESPACE_RUN, " ").replace(SLASH_SPACING, "/").trim();
}

/** "01 vạn dân" → "vạn dân", "1.000 dân" → "1000 dân": one spelling per denominator. */
function normalizePer(per: string): string {
  return tidy(per)
    .replace(RATE_ONE, "")
    .replace(DIGIT_GROUP_DOT, "$<lead>")
    .toLowerCase();
}

/** Skips at most `max` spaces from `pos`. */
function skipSpaces(s: string, pos: number, max: number): number {
  let i = pos;
  while (i < s.length && i - pos < max && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** First letters of scale words (nghìn, ngàn, vạn, triệu, tỷ, tỉ), time units and measure units. */
const SCALE_INITIALS = new Set("nvtNVT");
const TIME_INITIALS = new Set("ntqgpkNTQGPK");
const MEASURE_INITIALS = new Set("kmhtlgueđvKMHTLGUEĐV");

/**
 * Reads the unit that starts at `pos` (right after the number or range). Never throws. Each
 * pattern is tried only when the next letter can start it: most numbers are followed by "%",
 * a space and a common noun, and the sticky patterns are the cost of this function.
 */
export function readUnit(s: string, pos: number): UnitReading {
  let at = pos;
  let start = skipSpaces(s, at, 4);
  if (s.charCodeAt(start) === 0x24 && stickyExec(MATH_CLOSE, s, at)) {
    at = MATH_CLOSE.lastIndex;
    start = skipSpaces(s, at, 4);
  }
  const c = s.charCodeAt(start);
  if ((c === 0x25 || c === 0x2030) && start - at <= 2) {
    return withRates(s, start + 1, start, "percent", null, 0, s.charAt(start), true);
  }
  if (!isLetterCode(c)) return noUnit(pos);

  let scale = 0;
  let scaleEnd = at;
  let next = start;
  if (SCALE_INITIALS.has(s.charAt(start))) {
    const sw = stickyExec(SCALE_WORD, s, at);
    if (sw) {
      scale = scaleExponent(sw.groups!.scale);
      scaleEnd = SCALE_WORD.lastIndex;
      next = skipSpaces(s, scaleEnd, 4);
    }
  }
  const initial = s.charAt(next);

  if (TIME_INITIALS.has(initial) && stickyExec(TIME_UNIT, s, scaleEnd)) {
    const end = TIME_UNIT.lastIndex;
    return { end, unit: tidy(s.slice(start, end)), kind: "time", noun: null, scale, base: null, lexicon: true };
  }
  if (MEASURE_INITIALS.has(initial)) {
    const measure = stickyExec(MEASURE_UNIT, s, scaleEnd);
    if (measure) {
      const word = measure.groups!.unit;
      const kind: UnitKind = CURRENCIES.has(foldWord(word)) ? "currency" : "measure";
      return withRates(s, MEASURE_UNIT.lastIndex, start, kind, null, scale, word, true);
    }
  }
  const noun = stickyExec(COUNT_NOUN, s, scaleEnd);
  if (noun) {
    const printed = tidy(noun.groups!.noun);
    return withRates(s, COUNT_NOUN.lastIndex, start, "count", printed, scale, printed, true);
  }
  const upper = initial !== initial.toLowerCase();
  if (upper) {
    const acronym = stickyExec(ACRONYM_UNIT, s, scaleEnd);
    if (acronym) {
      const printed = acronym.groups!.acronym;
      return withRates(s, ACRONYM_UNIT.lastIndex, start, "count", printed, scale, printed, false);
    }
  } else {
    const fallback = stickyExec(FALLBACK_UNIT, s, scaleEnd);
    if (fallback && !NOT_A_UNIT.has(foldWord(fallback.groups!.word))) {
      const g = fallback.groups!;
      const w2 = g.word2?.trim() ?? "";
      const second = w2 !== "" && w2.charAt(0) === w2.charAt(0).toLowerCase() && !NOT_A_UNIT.has(foldWord(w2));
      const end = second ? FALLBACK_UNIT.lastIndex : FALLBACK_UNIT.lastIndex - (g.word2?.length ?? 0);
      const printed = tidy(second ? g.word + g.word2 : g.word);
      return withRates(s, end, start, "count", printed, scale, printed, false);
    }
  }
  if (scale !== 0) {
    // "hơn 10 nghìn": a scale word alone. Printed as the unit; no base unit to normalize to.
    return { end: scaleEnd, unit: tidy(s.slice(start, scaleEnd)), kind: "count", noun: null, scale, base: null, lexicon: true };
  }
  return noUnit(pos);
}

function noUnit(pos: number): UnitReading {
  return { end: pos, unit: null, kind: null, noun: null, scale: 0, base: null, lexicon: false };
}

/** Adds up to two rates ("/năm", "/01 vạn dân", "người/năm") to a unit. */
function withRates(
  s: string,
  end: number,
  start: number,
  kind: UnitKind,
  noun: string | null,
  scale: number,
  base: string | null,
  lexicon: boolean,
): UnitReading {
  let at = end;
  let ratio = false;
  for (let i = 0; i < 2; i++) {
    if (s.charCodeAt(skipSpaces(s, at, 2)) !== 0x2f) break;
    const rate = readRate(s, at);
    if (rate === null) break;
    const { per } = rate;
    at = rate.end;
    const digits = RATE_NUMBER.exec(per)?.[0].replace(THOUSANDS_DOT, "");
    // Rates are per 1, 10, 100, 1.000 … ("giường/01 vạn dân", "/1.000 dân"); any other number is a total.
    if (digits !== undefined && !POWER_OF_TEN.test(digits)) ratio = true;
    if (base !== null) base = `${base}/${normalizePer(per)}`;
  }
  const printed = s.slice(start, at);
  const unit = UNIT_NEEDS_TIDY.test(printed) ? tidy(printed) : printed;
  const reading: UnitReading = { end: at, unit, kind, noun, scale, base, lexicon };
  if (ratio) reading.ratio = true;
  return reading;
}

/**
 * One rate at `at` ("/năm", "/01 vạn dân", "/cơ sở giáo dục"): its denominator as printed and
 * where the rate ends, or null. A counted noun of several syllables at the start of PER_RATE's
 * one-word noun is taken whole, with a "dân" after it ("/tổ dân phố").
 */
export function readRate(s: string, at: number): { per: string; end: number } | null {
  const match = stickyExec(PER_RATE, s, at);
  if (match === null) return null;
  const { per, noun, dan } = match.groups!;
  const matchEnd = PER_RATE.lastIndex;
  const perStart = matchEnd - per.length;
  const whole = stickyExec(COUNT_NOUN, s, matchEnd - noun.length - (dan?.length ?? 0));
  if (whole === null || !SPACE_IN_NOUN.test(whole.groups!.noun)) return { per, end: matchEnd };
  const nounEnd = COUNT_NOUN.lastIndex;
  const end = stickyExec(PER_DAN, s, nounEnd) ? PER_DAN.lastIndex : nounEnd;
  return { per: s.slice(perStart, end), end };
}

/**
 * The figure in base units, or null when there is no base unit. Percentages keep their value
 * ("%" has no scale); counts, measures and currencies multiply out the scale word.
 */
export function normalizeFigure(
  reading: UnitReading,
  scaled: number,
  indicator: string,
): { value: number; unit: string } | null {
  if (reading.base === null) return null;
  let unit = reading.base;
  if (reading.kind === "count" && !unit.includes("/")) {
    const per = PER_POPULATION.exec(indicator);
    if (per?.groups) unit = `${unit}/${per.groups.scale ? `${per.groups.scale.toLowerCase()} ` : ""}${per.groups.who.toLowerCase()}`;
  }
  return { value: scaled, unit };
}
