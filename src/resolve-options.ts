import { VanbanError } from "./errors.js";
import { ParseOptionsSchema, type ParseOptions, type ResolvedParseOptions } from "./schema/options.js";

/** Validates options; bad options are the caller's error, with the zod issues in the message. */
export function resolveOptions(options: ParseOptions | undefined): ResolvedParseOptions {
  const parsed = ParseOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; ");
    throw new VanbanError("invalid_options", `Invalid options: ${issues}`);
  }
  return parsed.data;
}
