import { z } from "zod";
import { SpanSchema } from "./span.js";

/** A rectangle on a page image, in fractions of the page's width and height, origin top-left. */
export const PageBoxSchema = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    w: z.number().min(0).max(1),
    h: z.number().min(0).max(1),
  })
  .meta({ id: "PageBox", description: "A rectangle on the page image: `x`, `y` (top-left corner), `w`, `h` as fractions (0–1) of the page's width and height." });
export type PageBox = z.infer<typeof PageBoxSchema>;

/**
 * Dòng OCR: where one line of text read by OCR sits on its page image, so a span of `text` can be
 * shown on the scan (the review page draws its boxes from these) without reading the page again.
 */
export const LineBoxSchema = z
  .object({
    span: SpanSchema.describe("The line's text in `text` (with its page)."),
    box: PageBoxSchema,
    confidence: z.number().min(0).max(100).describe("Mean word confidence of the line, 0–100, as the OCR engine gave it."),
  })
  .meta({ id: "LineBox" });
export type LineBox = z.infer<typeof LineBoxSchema>;
