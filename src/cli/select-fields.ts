import { ALWAYS_KEPT_FIELDS } from "./record-fields.js";

/** `--fields a,b`: the record with only those top-level fields (and schemaVersion, source), in record order. */
export function selectFields(record: object, fields: readonly string[]): Record<string, unknown> {
  const keep = new Set<string>([...ALWAYS_KEPT_FIELDS, ...fields]);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (keep.has(key)) out[key] = value;
  return out;
}
