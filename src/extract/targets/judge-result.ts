import type { ResultStatus, Target } from "../../schema/target.js";

/**
 * Met, not met or exceeded, from the target's comparator and the two values; unknown when the
 * result is not one exact value or the target is approximate (no threshold to judge by).
 */
export function judgeResult(result: Target, target: Target): ResultStatus {
  if (result.comparator !== "eq" || result.unit !== target.unit) return "unknown";
  const actual = result.value;
  const { value, valueMax } = target;
  switch (target.comparator) {
    case "eq":
    case "gte":
      return actual > value ? "exceeded" : actual === value ? "met" : "not_met";
    case "gt":
      return actual > value ? "met" : "not_met";
    case "lte":
      return actual <= value ? "met" : "not_met";
    case "lt":
      return actual < value ? "met" : "not_met";
    case "range":
      if (valueMax === null) return "unknown";
      return actual > valueMax ? "exceeded" : actual >= value ? "met" : "not_met";
    default:
      return "unknown";
  }
}
