import { z } from "zod";
import { ParagraphSchema, SpanSchema } from "./span.js";

export const SectionKindSchema = z.enum([
  "appendix", // Phụ lục, after the signature
  "attachment", // a text attached after the signature with its own header or title (Điều lệ, dự thảo Quyết định, phiếu ghi ý kiến)
  "part", // Phần
  "chapter", // Chương
  "section", // Mục
  "subsection", // Tiểu mục
  "article", // Điều
  "clause", // khoản (1. inside an Điều)
  "point", // điểm (a) inside a khoản)
  "roman", // I. II.
  "number", // 1. 2.
  "decimal", // 1.1. 1.2.
  "letter", // a) b)
  "bullet", // - +
]);
export type SectionKind = z.infer<typeof SectionKindSchema>;

export interface Section {
  id: string;
  kind: SectionKind;
  label: string;
  heading: string | null;
  paragraphs: z.infer<typeof ParagraphSchema>[];
  children: Section[];
  span: z.infer<typeof SpanSchema>;
  headingSpan: z.infer<typeof SpanSchema> | null;
}

/** A node of the section tree: Phần / Chương / Điều / I / 1. / 1.1. / a) / bullets. */
export const SectionSchema: z.ZodType<Section> = z
  .object({
    id: z.string().describe("Stable path id, e.g. `II.3.b`."),
    kind: SectionKindSchema.describe(
      "`appendix`: a Phụ lục after the signature; `attachment`: a text attached after the signature with its own quốc hiệu or title (a dự thảo, an Điều lệ, a phiếu ghi ý kiến), labelled with that title, its tree built on its own (ids `TL1.…`).",
    ),
    label: z.string().describe("The marker as printed, trailing punctuation dropped: `Điều 3`, `I`, `1.2`, `đ`."),
    heading: z.string().nullable().describe("Heading text after the marker, only when the item is a heading."),
    paragraphs: z.array(ParagraphSchema),
    get children() {
      return z.array(SectionSchema);
    },
    span: SpanSchema,
    headingSpan: SpanSchema.nullable().describe("Span of the marker line (marker and heading)."),
  })
  .meta({ id: "Section" });
