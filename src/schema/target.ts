import { z } from "zod";
import { SpanSchema } from "./span.js";

export const ComparatorSchema = z.enum(["eq", "gte", "gt", "lte", "lt", "approx", "range"]);
export type Comparator = z.infer<typeof ComparatorSchema>;

const measure = {
  text: z.string().describe("The clause the figure was read from."),
  span: SpanSchema,
  sectionId: z.string().nullable(),
  footnote: z.string().nullable(),
  indicator: z.string().describe("What is measured, cleaned."),
  comparator: ComparatorSchema,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable().describe("As printed: `triệu đồng`, `%`, `%/năm`, `giường/01 vạn dân`."),
  normalized: z
    .object({ value: z.number(), unit: z.string() })
    .nullable()
    .describe("Value in base units: 57 triệu đồng → 57000000 đồng."),
  direction: z.enum(["increase", "decrease"]).nullable(),
  valueSpan: SpanSchema.describe("Span of the number and unit."),
};

/** Chỉ tiêu: a numeric target a plan sets. */
export const TargetSchema = z.object(measure).meta({ id: "Target" });
export type Target = z.infer<typeof TargetSchema>;

/**
 * Whether a result reaches its target: `met`, `not_met`, `exceeded` (strictly beyond an `eq`,
 * `gte` or `gt` target in its direction), `unknown` (units differ, or no comparable figure).
 */
export const ResultStatusSchema = z.enum(["met", "not_met", "exceeded", "unknown"]);
export type ResultStatus = z.infer<typeof ResultStatusSchema>;

/** Kết quả: a figure a report states as achieved. */
export const ResultSchema = z
  .object({
    ...measure,
    basis: z
      .string()
      .nullable()
      .describe("Basis of comparison for a relative figure: `cùng kỳ`, `kế hoạch`, `dự toán Trung ương giao` …"),
    targetRef: z.number().int().nonnegative().nullable().describe("Index into `targets` of the target this result answers (same row of an indicator table)."),
    status: ResultStatusSchema.nullable().describe("Computed from the target's comparator and both values, never guessed; null when not linked."),
  })
  .meta({ id: "Result" });
export type Result = z.infer<typeof ResultSchema>;
