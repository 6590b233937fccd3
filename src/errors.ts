/** Stable error codes: input that cannot be read at all, bad options, or a parse stopped (`timeout`, `aborted`; `out_of_memory`, `crashed` from `parseIsolated`). */
export type VanbanErrorCode =
  | "unsupported_format"
  | "empty_input"
  | "corrupt"
  | "encrypted"
  | "too_large"
  | "invalid_options"
  | "not_found"
  | "read_failed"
  | "timeout"
  | "aborted"
  | "out_of_memory"
  | "crashed"
  | "invalid_corrections";

/** Thrown only for unreadable input or bad options; document content never throws. */
export class VanbanError extends Error {
  override readonly name = "VanbanError";
  readonly code: VanbanErrorCode;
  constructor(code: VanbanErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isVanbanError(value: unknown): value is VanbanError {
  return value instanceof VanbanError || (typeof value === "object" && value !== null && (value as { name?: unknown }).name === "VanbanError");
}
