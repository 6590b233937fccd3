import { createHash } from "node:crypto";

/** Content key of a document: the same bytes under any name or on any machine are one job, one record. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
