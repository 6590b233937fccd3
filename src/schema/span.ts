import { z } from "zod";

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
    code: z.string().describe("Stable machine code, e.g. `no_text_layer`, `section_numbering_gap`."),
    message: z.string(),
    span: SpanSchema.optional(),
    page: z.number().int().positive().optional(),
    pages: z.array(z.number().int().positive()).optional(),
  })
  .meta({ id: "Warning" });
export type Warning = z.infer<typeof WarningSchema>;
