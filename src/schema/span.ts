import { z } from "zod";
import { WarningCodeSchema } from "./warning-codes.js";

/** A half-open range [start, end) into the record's `text`, with the page when the source is paginated. */
export const SpanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    page: z.number().int().positive().optional(),
  })
  .meta({ id: "Span", description: "Half-open UTF-16 range [start, end) into `text`; `page` is 1-based when known." });
export type Span = z.infer<typeof SpanSchema>;

/** Đoạn văn: a paragraph of running text. */
export const ParagraphSchema = z
  .object({
    text: z.string(),
    span: SpanSchema,
    footnoteRefs: z.array(z.string()).describe("Labels of the footnotes referenced inside this paragraph."),
  })
  .meta({ id: "Paragraph" });
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const WarningSchema = z
  .object({
    // The runtime schema, JSON Schema and docs hold the union; the TypeScript type stays `string`
    // until every emitter passes a WarningCode (blocker: extract/citations/find-citations.ts `warn`).
    // Then drop the cast.
    code: WarningCodeSchema.describe("Stable machine code; see [Warning codes](#warning-codes)."),
    message: z.string(),
    span: SpanSchema.optional(),
    page: z.number().int().positive().optional(),
    pages: z.array(z.number().int().positive()).optional(),
  })
  .meta({ id: "Warning" });
export type Warning = z.infer<typeof WarningSchema>;
