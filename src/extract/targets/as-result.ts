import type { Result, ResultStatus, Target } from "../../schema/target.js";

/**
 * Kết quả from a figure read as a measure: its fields, then the three a result adds. Written out
 * key by key, not `{ ...figure, basis, targetRef, status }`: V8 11.3 (Node 20) builds an object
 * spread with more keys than its source about ten times slower than this literal, and the figures
 * of a long report made it a few percent of the whole parse (docs/performance.md).
 */
export function asResult(figure: Target, basis: string | null, targetRef: number | null, status: ResultStatus | null): Result {
  return {
    text: figure.text,
    span: figure.span,
    sectionId: figure.sectionId,
    footnote: figure.footnote,
    indicator: figure.indicator,
    comparator: figure.comparator,
    value: figure.value,
    valueMax: figure.valueMax,
    unit: figure.unit,
    normalized: figure.normalized,
    direction: figure.direction,
    valueSpan: figure.valueSpan,
    basis,
    targetRef,
    status,
  };
}
