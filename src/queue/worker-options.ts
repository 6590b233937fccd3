import { z } from "zod";
import { VanbanError } from "../errors.js";

/** Options of `vanban worker`, validated once; times in milliseconds. */
export const WorkerOptionsSchema = z
  .strictObject({
    redis: z.string().min(1),
    queue: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u, "letters, digits, _ and -"),
    out: z.string().min(1).nullable(),
    pg: z.string().regex(/^postgres(?:ql)?:\/\//u, "a postgres:// URL").nullable(),
    pgTable: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/u, "a lower-case SQL identifier"),
    concurrency: z.number().int().positive().max(256),
    timeoutMs: z.number().positive(),
    /** A job whose lock is not renewed for this long is stalled and handed to another worker. */
    lockMs: z.number().int().min(1000),
    /** SIGTERM: time given to the jobs in hand to finish before they are handed back. */
    graceMs: z.number().nonnegative(),
    /** A PDF with more pages to OCR than this becomes one job per page (0: never split). */
    splitPages: z.number().int().nonnegative(),
  })
  .refine((o) => (o.out === null) !== (o.pg === null), "give exactly one of --out DIR or --pg URL");
export type WorkerOptions = z.infer<typeof WorkerOptionsSchema>;

export function validateWorkerOptions(input: unknown): WorkerOptions {
  const checked = WorkerOptionsSchema.safeParse(input);
  if (checked.success) return checked.data;
  const first = checked.error.issues[0];
  const where = first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  throw new VanbanError("invalid_options", `${where}${first.message}`);
}
