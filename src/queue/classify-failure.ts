/**
 * Codes that belong to the input: parsing it again gives the same answer, so the job fails
 * once with its code and is not retried. `timeout` is one too (a retry would take as long);
 * `out_of_memory` as well. Anything else is retried with backoff: a worker crash, an unreachable
 * store, `not_found` (the shared mount may be missing on one machine only), `internal`.
 */
const FINAL_CODES = new Set([
  "unsupported_format",
  "empty_input",
  "corrupt",
  "encrypted",
  "too_large",
  "invalid_options",
  "read_failed",
  "timeout",
  "out_of_memory",
  "input_changed",
  // A page job for a page not in the document; the assembly of a scan one of whose pages failed.
  "ocr_failed",
]);

export function isFinalFailure(code: string): boolean {
  return FINAL_CODES.has(code);
}
