import { RESTATED_COMPARATOR, RESTATED_TARGET } from "../../lexicon/target-words.js";
import type { Comparator } from "../../schema/target.js";
import { parseVietnameseNumber } from "./numbers.js";

/** How far after a result its restated target may end. */
const REACH = 120;

export interface RestatedTarget {
  /** Offsets in the unit's text: the restatement, and its figure. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  value: number;
  comparator: Comparator;
  /** As printed; null when the restatement prints no unit (the result's applies). */
  unit: string | null;
}

/**
 * The target a result restates right after its figure ("đạt 82% (chỉ tiêu 80%)"), or null.
 * `from` is the end of the result's figure in `s`; the restatement must keep the result's unit.
 */
export function readRestatedTarget(s: string, from: number, resultUnit: string | null): RestatedTarget | null {
  const tail = s.slice(from, from + REACH);
  const m = RESTATED_TARGET.exec(tail);
  if (!m?.groups) return null;
  const printedUnit = m.groups.unit?.trim() || null;
  // A word after the figure that is not the result's unit ("80 xã"): another measure, not this one's target.
  if (printedUnit !== null && printedUnit !== resultUnit) return null;
  if (printedUnit === null && resultUnit === "%") return null;
  const value = parseVietnameseNumber(m.groups.value);
  if (value === null) return null;
  const valueStart = from + m[0].indexOf(m.groups.value, m[0].search(/\d/u));
  const word = m.groups.comparator?.toLowerCase().replace(/\s+/gu, " ");
  return {
    start: from + m[0].search(/\S/u),
    end: from + m[0].trimEnd().length,
    valueStart,
    valueEnd: valueStart + m.groups.value.length,
    value,
    comparator: (word ? RESTATED_COMPARATOR.get(word) : undefined) ?? "eq",
    unit: printedUnit,
  };
}
