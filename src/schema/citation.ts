import { z } from "zod";
import { SpanSchema } from "./span.js";

export const PinpointSchema = z
  .object({ article: z.string().optional(), clause: z.string().optional(), point: z.string().optional() })
  .meta({ id: "Pinpoint", description: "điểm / khoản / Điều inside the cited document." });
export type Pinpoint = z.infer<typeof PinpointSchema>;

/** Trích dẫn văn bản: one occurrence of a reference to a document. */
export const CitationSchema = z
  .object({
    raw: z.string(),
    span: SpanSchema,
    sectionId: z.string().nullable(),
    footnote: z.string().nullable().describe("Label of the footnote the citation is in, if any."),
    type: z.string().nullable().describe("Sentence case: `Chỉ thị`, `Nghị định`, `Luật` …"),
    typeCorrection: z
      .object({ printed: z.string(), corrected: z.string() })
      .nullable()
      .describe("Set when a misspelled type word was recognised (`Chị thị` → `Chỉ thị`)."),
    number: z.string().nullable(),
    symbol: z.string().nullable().describe("Canonical số ký hiệu: `34-CT/TW`, `91/2017/NĐ-CP`."),
    year: z.number().int().nullable(),
    date: z.string().nullable().describe("ISO yyyy-mm-dd."),
    issuer: z
      .string()
      .nullable()
      .describe("As printed after `của`, or before the citation (`ý kiến của Sở Nội vụ tại Tờ trình số …`); from the ký hiệu of a legal normative document (`…/NĐ-CP` → Chính phủ) only when none is printed, and then `inferred` lists `issuer`."),
    issuerTerm: z.string().nullable().describe("`khóa XI` printed after the issuer."),
    title: z.string().nullable().describe("A document cited by name: `Luật Đầu tư công`."),
    pinpoints: z.array(PinpointSchema),
    self: z.boolean().describe("`Chỉ thị này`, `Quyết định này`."),
    legalBasis: z.boolean().describe("Cited in a `Căn cứ …` line of the preamble."),
    inferred: z
      .array(z.enum(["date", "issuer", "type", "year"]))
      .describe("Fields not printed at this occurrence but taken from an earlier full citation or a shared list."),
  })
  .meta({ id: "Citation" });
export type Citation = z.infer<typeof CitationSchema>;
