import { z } from "zod";
import { PinpointSchema } from "../../schema/citation.js";
import { SpanSchema } from "../../schema/span.js";

/** One place a document is cited: index into the citations array, with where it sits. */
export const CitationOccurrenceSchema = z
  .object({
    index: z.number().int().nonnegative().describe("Index of the occurrence in the record's `citations`."),
    span: SpanSchema,
    sectionId: z.string().nullable(),
    footnote: z.string().nullable(),
    pinpoints: z.array(PinpointSchema),
  })
  .meta({ id: "CitationOccurrence" });
export type CitationOccurrence = z.infer<typeof CitationOccurrenceSchema>;

/** Văn bản được trích dẫn: a cited document with every place it is cited. */
export const CitedDocumentSchema = z
  .object({
    key: z
      .string()
      .describe("Identity: `symbol:<canonical symbol>`, `title:<folded name>`, `self`, or `ref:<type>` for an unresolved back reference."),
    type: z.string().nullable(),
    number: z.string().nullable(),
    symbol: z.string().nullable(),
    year: z.number().int().nullable(),
    date: z.string().nullable().describe("ISO yyyy-mm-dd, from the first occurrence that has one."),
    issuer: z.string().nullable(),
    issuerTerm: z.string().nullable(),
    title: z.string().nullable(),
    self: z.boolean(),
    legalBasis: z.boolean().describe("Cited at least once in a `Căn cứ …` line of the preamble."),
    occurrences: z.array(CitationOccurrenceSchema).min(1),
  })
  .meta({ id: "CitedDocument" });
export type CitedDocument = z.infer<typeof CitedDocumentSchema>;
