/**
 * Đơn vị tương thích: a result can answer a target only in a unit of the same kind. Units with a
 * base unit (triệu đồng, tỷ đồng → đồng) compare through it; others compare as printed, folded.
 */
import type { Target } from "../schema/target.js";
import { stripTones } from "./strip-tones.js";

type Measured = Pick<Target, "unit" | "normalized" | "value" | "valueMax">;

/** The unit a figure is compared in: the base unit when known, else the printed one; "" for a bare number. */
export function comparisonUnit(m: Measured): string {
  if (m.normalized) return stripTones(m.normalized.unit);
  return m.unit ? stripTones(m.unit).replace(/\s+/gu, " ") : "";
}

export function unitsCompatible(a: Measured, b: Measured): boolean {
  return comparisonUnit(a) === comparisonUnit(b);
}

/** The value in the comparison unit (and the upper bound of a range). */
export function comparisonValues(m: Measured): { value: number; valueMax: number | null } {
  if (m.normalized && m.value !== 0) {
    const scale = m.normalized.value / m.value;
    return { value: m.normalized.value, valueMax: m.valueMax === null ? null : m.valueMax * scale };
  }
  return { value: m.value, valueMax: m.valueMax };
}
