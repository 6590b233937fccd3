/**
 * Đánh giá chỉ tiêu: met, not met or exceeded, computed from the target's comparator and the
 * two values, never guessed. A result printed as a bound ("trên 90%") is an interval: it decides
 * only when the whole interval falls on one side; otherwise the status is `unknown`.
 */
import type { Result, Target } from "../schema/target.js";
import type { TargetStatus } from "./reconciliation-schema.js";
import { comparisonValues } from "./unit-compatibility.js";

/** Relative tolerance of an "approximately" (khoảng, xấp xỉ) target. */
const APPROX_TOLERANCE = 0.05;

interface Interval {
  lo: number;
  hi: number;
}

function resultInterval(r: Result): Interval {
  const { value, valueMax } = comparisonValues(r);
  if (r.comparator === "gte" || r.comparator === "gt") return { lo: value, hi: Number.POSITIVE_INFINITY };
  if (r.comparator === "lte" || r.comparator === "lt") return { lo: Number.NEGATIVE_INFINITY, hi: value };
  if (r.comparator === "range") return { lo: value, hi: valueMax ?? value };
  return { lo: value, hi: value };
}

/** At least `v`: above is exceeded, equal is met (not for a strict "trên"), below is not met. */
function atLeast(i: Interval, v: number, strict: boolean): TargetStatus {
  if (i.lo > v) return "exceeded";
  if (i.lo === v && i.hi === v) return strict ? "not_met" : "met";
  if (i.hi < v) return "not_met";
  return "unknown";
}

/** At most `v`: below or equal is met (equal not for a strict "dưới"), above is not met. */
function atMost(i: Interval, v: number, strict: boolean): TargetStatus {
  if (i.hi < v) return "met";
  if (i.hi === v) return strict ? "not_met" : "met";
  if (i.lo > v) return "not_met";
  return "unknown";
}

export function rateTarget(target: Target, result: Result): TargetStatus {
  const { value: v, valueMax } = comparisonValues(target);
  const i = resultInterval(result);
  const decrease = target.direction === "decrease";
  switch (target.comparator) {
    case "gte":
      return atLeast(i, v, false);
    case "gt":
      return atLeast(i, v, true);
    case "lte":
      return atMost(i, v, false);
    case "lt":
      return atMost(i, v, true);
    case "range": {
      const max = valueMax ?? v;
      if (i.lo >= v && i.hi <= max) return "met";
      if (i.lo > max) return decrease ? "not_met" : "exceeded";
      if (i.hi < v) return decrease ? "met" : "not_met";
      return "unknown";
    }
    case "approx": {
      const tol = Math.abs(v) * APPROX_TOLERANCE;
      if (i.lo >= v - tol && i.hi <= v + tol) return "met";
      if (i.lo > v + tol) return decrease ? "not_met" : "exceeded";
      if (i.hi < v - tol) return decrease ? "met" : "not_met";
      return "unknown";
    }
    default:
      // "Đạt 90%" sets a floor; "giảm còn 2%" sets a ceiling.
      return decrease ? atMost(i, v, false) : atLeast(i, v, false);
  }
}
