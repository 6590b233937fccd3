import { z } from "zod";

/**
 * Corrections are an RFC 6902 JSON Patch against a record. Each operation may carry who made it
 * and when (`by`, `at`), and a `test` may be a reviewer's mark that the tested value is wrong
 * (`wrong: true`): RFC 6902 tells appliers to ignore members an operation does not define, so the
 * file stays a plain JSON Patch for any other tool.
 */
const pointer = z.string().refine((p) => p === "" || p.startsWith("/"), "a JSON Pointer starts with /");

const provenance = {
  by: z.string().optional().describe("Who made the correction."),
  at: z.string().optional().describe("When, as an ISO 8601 timestamp."),
  note: z.string().optional(),
};

export const CorrectionOperationSchema = z
  .discriminatedUnion("op", [
    z.object({ op: z.literal("add"), path: pointer, value: z.unknown(), ...provenance }),
    z.object({ op: z.literal("remove"), path: pointer, ...provenance }),
    z.object({ op: z.literal("replace"), path: pointer, value: z.unknown(), ...provenance }),
    z.object({ op: z.literal("move"), from: pointer, path: pointer, ...provenance }),
    z.object({ op: z.literal("copy"), from: pointer, path: pointer, ...provenance }),
    z.object({
      op: z.literal("test"),
      path: pointer,
      value: z.unknown(),
      wrong: z.boolean().optional().describe("A reviewer marked this value wrong without giving the right one."),
      ...provenance,
    }),
  ])
  .meta({ id: "CorrectionOperation" });
export type CorrectionOperation = z.infer<typeof CorrectionOperationSchema>;

/** A corrections file: the JSON Patch document itself (an array of operations). */
export const CorrectionsSchema = z.array(CorrectionOperationSchema).meta({ id: "Corrections" });
export type Corrections = z.infer<typeof CorrectionsSchema>;
