import { z } from "zod";
import { SpanSchema } from "./span.js";

/** Dấu sao: a copy stamp or e-copy line ("SAO Y; VĂN PHÒNG ỦY BAN NHÂN DÂN; 25/07/2025 10:25:14 +07:00"). */
export const CopyStampSchema = z
  .object({
    kind: z.enum(["sao_y", "sao_luc", "trich_sao"]).describe("`sao_y` (SAO Y), `sao_luc` (SAO LỤC) or `trich_sao` (TRÍCH SAO)."),
    body: z.string().nullable().describe("The copying body, as printed: `VĂN PHÒNG ỦY BAN NHÂN DÂN`; null when not on the stamp."),
    time: z.string().nullable().describe("When the copy was made, ISO 8601 (`2025-07-25T10:25:14+07:00`, or a date alone); null when not on the stamp."),
    text: z.string(),
    span: SpanSchema,
  })
  .meta({ id: "CopyStamp" });
export type CopyStamp = z.infer<typeof CopyStampSchema>;
