import { z } from "zod";
import { SpanSchema } from "./span.js";

export const FootnoteRefSchema = z
  .object({ sectionId: z.string().nullable(), span: SpanSchema })
  .meta({ id: "FootnoteRef" });

/** Chú thích: a footnote or endnote with the places that reference it. */
export const FootnoteSchema = z
  .object({
    label: z.string(),
    text: z.string(),
    span: SpanSchema,
    refs: z.array(FootnoteRefSchema),
    kind: z.enum(["footnote", "endnote"]),
  })
  .meta({ id: "Footnote" });
export type Footnote = z.infer<typeof FootnoteSchema>;
