import { z } from "zod";
import { CopyStampSchema } from "./copy-stamp.js";
import { CitationSchema } from "./citation.js";
import { FootnoteSchema } from "./footnote.js";
import { LineBoxSchema } from "./line-box.js";
import {
  AddresseeSchema,
  ArchiveSchema,
  DocumentTypeSchema,
  HeaderSchema,
  RecipientSchema,
  SignatureSchema,
} from "./header.js";
import { SectionSchema } from "./section.js";
import { ParagraphSchema, SpanSchema, WarningSchema } from "./span.js";
import { TableSchema } from "./table.js";
import { ResultSchema, TargetSchema } from "./target.js";

import { SCHEMA_VERSION } from "./version.js";

export { SCHEMA_VERSION };

export const SourceFormatSchema = z.enum(["pdf", "docx", "doc", "markdown", "text", "image"]);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

/** How the reader of an input was chosen. */
export const SourceChosenBySchema = z
  .enum(["bytes", "extension", "content", "option"])
  .describe("`bytes`: the file's magic bytes (PDF, DOCX, DOC, images); `extension`: its name; `content`: text sniffed for Markdown (a `.txt` holding `## **BÁO CÁO**` is read as Markdown); `option`: the `format` option.");
export type SourceChosenBy = z.infer<typeof SourceChosenBySchema>;

export const SourceSchema = z
  .object({
    name: z.string().nullable().describe("File name or path as given; null for in-memory input."),
    format: SourceFormatSchema,
    chosenBy: SourceChosenBySchema.optional().describe("How the reader was chosen (absent for `parseText`)."),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative().nullable(),
    encoding: z.string().nullable().describe("Text encoding detected for text input: `utf-8`, `utf-16le`, `windows-1258` …"),
    ocr: z
      .object({
        pages: z.array(z.number().int().positive()),
        meanConfidence: z.number().nullable(),
        engine: z.string(),
      })
      .nullable()
      .describe("Pages read by OCR, when any."),
  })
  .meta({ id: "Source" });
export type Source = z.infer<typeof SourceSchema>;

export const BlockRoleSchema = z.enum([
  "header",
  "title",
  "subject",
  "addressees",
  "preamble",
  "heading",
  "paragraph",
  "footnote",
  "reference",
  "recipients",
  "archive",
  "signature",
  "furniture",
  "table",
  "unassigned",
]);
export type BlockRole = z.infer<typeof BlockRoleSchema>;

/** The layout map: every block of `text` with the element that holds it. */
export const LayoutEntrySchema = z
  .object({ role: BlockRoleSchema, span: SpanSchema })
  .meta({ id: "LayoutEntry" });
export type LayoutEntry = z.infer<typeof LayoutEntrySchema>;

export const VanBanDocumentSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: SourceSchema,
    text: z.string().describe("Normalized full text (NFC); every span indexes into it."),
    type: DocumentTypeSchema,
    title: z.string().nullable().describe("The heading as printed: `BÁO CÁO`, `PHÁT ĐỘNG PHONG TRÀO THI ĐUA`."),
    titleSpan: SpanSchema.nullable(),
    subject: z.string().nullable().describe("Trích yếu, unwrapped to single spaces (`V/v` dropped)."),
    subjectSpan: SpanSchema.nullable(),
    attachedTo: CitationSchema.nullable().describe(
      "For a text attached to a decision (điều lệ, quy chế, đề án …): the \"(Kèm theo Quyết định số …)\" reference under its title, read as a citation; null otherwise.",
    ),
    header: HeaderSchema,
    addressees: z.array(AddresseeSchema),
    preamble: z.array(ParagraphSchema).describe("Text before the first section: căn cứ, lead paragraph."),
    sections: z.array(SectionSchema),
    footnotes: z.array(FootnoteSchema),
    recipients: z.array(RecipientSchema),
    archive: ArchiveSchema.nullable(),
    signature: SignatureSchema.nullable(),
    citations: z.array(CitationSchema),
    targets: z.array(TargetSchema),
    results: z.array(ResultSchema),
    tables: z.array(TableSchema).describe("Data tables (bảng, biểu, phụ lục), not the layout tables of the header and the closing."),
    furniture: z
      .array(z.object({ text: z.string(), span: SpanSchema }))
      .describe("Page numbers, running headers and footers removed from the flow."),
    copyStamps: z
      .array(CopyStampSchema)
      .optional()
      .describe("Copy stamps and e-copy lines (SAO Y, SAO LỤC, TRÍCH SAO), kept as furniture too; present only when the document has some."),
    unassigned: z.array(ParagraphSchema).describe("Text no other field could place; empty on a clean parse."),
    layout: z.array(LayoutEntrySchema).describe("Every block of `text` in order, with the role it was given."),
    lineBoxes: z
      .array(LineBoxSchema)
      .optional()
      .describe("Where each line read by OCR sits on its page image, in reading order: span, box and confidence; present only when pages were read by OCR."),
    warnings: z.array(WarningSchema),
  })
  .meta({ id: "VanBanDocument", title: "vanban document record" });
export type VanBanDocument = z.infer<typeof VanBanDocumentSchema>;
