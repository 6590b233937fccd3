/**
 * The part of a record linking reads. Records trimmed to these fields (fixtures, archives that
 * dropped sections and layout) link the same as full ones, and so do records written by an
 * earlier or later vanban whose other fields differ: the schema checks only what is read.
 */
import { z } from "zod";
import type { VanBanDocument } from "../schema/document.js";
import { PinpointSchema } from "../schema/citation.js";
import { SpanSchema } from "../schema/span.js";
import { ComparatorSchema } from "../schema/target.js";

const nullableString = z.string().nullable();

const LinkedCitationSchema = z.looseObject({
  raw: z.string(),
  span: SpanSchema,
  sectionId: nullableString,
  type: nullableString,
  symbol: nullableString,
  year: z.number().int().nullable(),
  date: nullableString,
  issuer: nullableString,
  title: nullableString,
  pinpoints: z.array(PinpointSchema),
  self: z.boolean(),
  legalBasis: z.boolean(),
});

const LinkedMeasureSchema = z.looseObject({
  text: z.string(),
  span: SpanSchema,
  indicator: z.string(),
  comparator: ComparatorSchema,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: nullableString,
  normalized: z.object({ value: z.number(), unit: z.string() }).nullable(),
  direction: z.enum(["increase", "decrease"]).nullable(),
});

/** A record as linkCorpus reads it: checked on the fields it uses, other fields kept as they are. */
export const LinkableRecordSchema = z.looseObject({
  source: z.looseObject({ name: nullableString.optional(), sha256: z.string().optional() }),
  text: z.string(),
  type: z.looseObject({ code: nullableString, name: nullableString }),
  title: nullableString,
  subject: nullableString,
  header: z.looseObject({
    issuer: z.object({ name: nullableString, parent: nullableString }),
    number: nullableString,
    symbol: nullableString,
    date: nullableString,
    year: z.number().int().nullable(),
    spans: z.looseObject({ number: SpanSchema.optional(), symbol: SpanSchema.optional() }),
  }),
  citations: z.array(LinkedCitationSchema),
  targets: z.array(LinkedMeasureSchema),
  results: z.array(LinkedMeasureSchema.extend({ basis: nullableString })),
});

export type LinkableRecord = Pick<
  VanBanDocument,
  "text" | "type" | "title" | "subject" | "header" | "citations" | "targets" | "results"
> & { source: Partial<VanBanDocument["source"]> };

/** The fields kept when a record is stored for linking only. */
export const LINKABLE_FIELDS = ["source", "text", "type", "title", "subject", "header", "citations", "targets", "results"] as const;
