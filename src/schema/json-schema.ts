import { z } from "zod";

/** The JSON Schema (draft 2020-12) of a zod schema, with reused definitions. */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
}
