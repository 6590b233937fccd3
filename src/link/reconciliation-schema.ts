/**
 * Đối chiếu kế hoạch – báo cáo: each target (chỉ tiêu) of a plan with the results (kết quả) that
 * later reports state for it.
 */
import { z } from "zod";
import { ComparatorSchema } from "../schema/target.js";
import { SpanSchema } from "../schema/span.js";

/** Mức độ hoàn thành, computed from the comparator and the two values; `unknown` when they cannot decide. */
export const TargetStatusSchema = z.enum(["met", "not_met", "exceeded", "no_data", "unknown"]);
export type TargetStatus = z.infer<typeof TargetStatusSchema>;

/** One result of a report matched to a target. */
export const ResultMatchSchema = z.object({
  report: z.string().describe("Node id of the report."),
  reportSource: z.string().nullable(),
  reportDate: z.string().nullable(),
  via: z.enum(["citation", "shared_indicators"]).describe("How the report was found: it cites the plan, or shares issuer, period and indicator words."),
  result: z.number().int().nonnegative().describe("Index into the report record's `results`."),
  indicator: z.string(),
  comparator: ComparatorSchema,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  similarity: z.number().describe("Cosine of the tone-insensitive TF-IDF word vectors of the two indicators."),
  status: TargetStatusSchema,
  span: SpanSchema.describe("The result in the report's text."),
  text: z.string(),
});
export type ResultMatch = z.infer<typeof ResultMatchSchema>;

/** One target of a plan with what the reports say about it. */
export const TargetReconciliationSchema = z.object({
  plan: z.string(),
  planSource: z.string().nullable(),
  target: z.number().int().nonnegative().describe("Index into the plan record's `targets`."),
  indicator: z.string(),
  comparator: ComparatorSchema,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  span: SpanSchema.describe("The target in the plan's text."),
  text: z.string(),
  matches: z.array(ResultMatchSchema).describe("Best match of each report first, latest report first."),
  status: TargetStatusSchema.describe("Status by the latest report with a match; `no_data` when none."),
});
export type TargetReconciliation = z.infer<typeof TargetReconciliationSchema>;

export const ReconciliationSchema = z.object({
  plans: z.number().int().describe("Documents with targets."),
  pairs: z
    .array(z.object({ plan: z.string(), report: z.string(), via: z.enum(["citation", "shared_indicators"]) }))
    .describe("Plan–report pairs considered."),
  targets: z.array(TargetReconciliationSchema),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;
