import { createHash } from "node:crypto";

/**
 * Code units hashed at a time: a piece stays in the young generation, where one buffer of a
 * whole text of megabytes would take fresh memory the system must map and zero (on the bench
 * machine ~3.6 ms per MB: docs/performance.md, sixteenth pass).
 */
const PIECE_CODE_UNITS = 16_384;

/** The SHA-256 of a text's UTF-8 bytes and their count, without holding those bytes at once. */
export function hashText(text: string): { sha256: string; bytes: number } {
  const hash = createHash("sha256");
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PIECE_CODE_UNITS);
    // A surrogate pair stays in one piece: each half alone is encoded as U+FFFD.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    hash.update(text.slice(start, end), "utf8");
    start = end;
  }
  return { sha256: hash.digest("hex"), bytes: Buffer.byteLength(text, "utf8") };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
