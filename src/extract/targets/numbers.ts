/**
 * Số (Vietnamese number notation) → JavaScript numbers.
 *
 * Rules, in the order they are tried (documented because "1.300" and "1.5" look alike):
 * 1. Vietnamese grouping — dots every three digits, optional comma decimals:
 *    "4.014,89" = 4014.89, "1.300.000" = 1300000, "1.300" = 1300 (a single dot followed by
 *    exactly three digits is a thousands separator: that is how Vietnamese documents print it).
 * 2. Plain digits with optional comma decimals: "02" = 2 (leading zeros are the norm under 10),
 *    "4,46" = 4.46, "14,415" = 14.415 (a comma is always decimal, even before three digits).
 * 3. English grouping with at least two comma groups ("1,234,567") or commas plus a dot decimal
 *    ("1,234.5"): read the English way, flagged `ambiguous`.
 * 4. A single dot followed by one, two or four-plus digits ("1.5", "2.25"): an English decimal,
 *    flagged `ambiguous` — Vietnamese would print "1,5".
 * Anything else ("1.2.3", "1.234.56", "") is not a number: `null`.
 */
import { EN_DECIMAL, EN_GROUPED, NUMBER_STRING, THOUSANDS_COMMA, THOUSANDS_DOT, VN_GROUPED, VN_PLAIN, WHITESPACE_RUN } from "./patterns.js";
import { SCALE_EXPONENT } from "../../lexicon/target-words.js";

export interface ParsedNumber {
  value: number;
  /** Integer digits without separators, leading zeros kept ("02"). */
  intDigits: string;
  /** Decimal digits ("" when none). */
  fracDigits: string;
  /** True when the notation is English (rules 3 and 4): the caller may warn. */
  ambiguous: boolean;
}

/** Reads one number token (no scale word). Returns null when the token is not a number. */
export function readNumberToken(token: string): ParsedNumber | null {
  // Digits alone, most numbers of a text ("2022", "15"): rule 2 without decimals, no pattern run.
  if (isPlainDigits(token)) return make(token, "", false);
  let m = VN_GROUPED.exec(token);
  if (m?.groups) return make(m.groups.int.replace(THOUSANDS_DOT, ""), m.groups.frac ?? "", false);
  m = VN_PLAIN.exec(token);
  if (m?.groups) return make(m.groups.int, m.groups.frac ?? "", false);
  m = EN_GROUPED.exec(token);
  if (m?.groups) {
    const int = (m.groups.int ?? m.groups.int2).replace(THOUSANDS_COMMA, "");
    return make(int, m.groups.frac ?? m.groups.frac2 ?? "", true);
  }
  m = EN_DECIMAL.exec(token);
  if (m?.groups) return make(m.groups.int, m.groups.frac, true);
  return null;
}

/** One to 18 digits and nothing else: a token `VN_GROUPED` refuses (it needs a dot) and `VN_PLAIN` reads without decimals. */
function isPlainDigits(token: string): boolean {
  if (token.length === 0 || token.length > 18) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function make(intDigits: string, fracDigits: string, ambiguous: boolean): ParsedNumber {
  const value = Number(fracDigits ? `${intDigits}.${fracDigits}` : intDigits);
  return { value, intDigits, fracDigits, ambiguous };
}

/**
 * Multiplies a parsed number by 10^exponent exactly, by moving the decimal point in the digit
 * string: 4014.89 × 10^9 must be 4014890000000, which floating-point multiplication misses.
 */
export function scaleExact(n: Pick<ParsedNumber, "intDigits" | "fracDigits">, exponent: number): number {
  if (exponent === 0) return Number(n.fracDigits ? `${n.intDigits}.${n.fracDigits}` : n.intDigits);
  const digits = n.intDigits + n.fracDigits;
  const point = n.intDigits.length + exponent;
  const shifted = point >= digits.length ? digits + "0".repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return Number(shifted);
}

/**
 * Parses a Vietnamese number, optionally followed by a scale word: "4.014,89" → 4014.89,
 * "1.300.000" → 1300000, "02" → 2, "900 nghìn" → 900000, "57 triệu" → 57000000,
 * "4.014,89 tỷ" → 4014890000000. Returns null for anything that is not one number.
 * See the module comment for how "1.300" (thousands) and "1.5" (English decimal) are told apart.
 */
export function parseVietnameseNumber(s: string): number | null {
  if (typeof s !== "string" || s.length > 80) return null;
  const m = NUMBER_STRING.exec(s.normalize("NFC"));
  if (!m?.groups) return null;
  const n = readNumberToken(m.groups.num);
  if (!n) return null;
  const scale = m.groups.scale ? scaleExponent(m.groups.scale) : 0;
  return scale === 0 ? n.value : scaleExact(n, scale);
}

/** Power of ten of a scale word as printed ("Tỷ", "nghìn  tỷ"), 0 when unknown. */
export function scaleExponent(word: string): number {
  return SCALE_EXPONENT.get(word.toLowerCase().replace(WHITESPACE_RUN, " ")) ?? 0;
}
