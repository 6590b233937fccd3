import { createHash } from "node:crypto";

/**
 * Code units hashed at a time: a piece stays in the young generation, where one buffer of a
 * whole text of megabytes would take fresh memory the system must map and zero (on the bench
 * machine ~3.6 ms per MB: docs/performance.md, sixteenth pass).
 */
const PIECE_CODE_UNITS = 16_384;

/** A piece's UTF-8 bytes: at most 3 per code unit (a pair's 4 bytes are 2 per unit). Made on first use. */
let pieceBytes: Buffer | null = null;

/**
 * The SHA-256 of a text's UTF-8 bytes and their count, without holding those bytes at once: each
 * piece is encoded once, into one buffer used again, and hashed and counted from there.
 */
export function hashText(text: string): { sha256: string; bytes: number } {
  const hash = createHash("sha256");
  pieceBytes ??= Buffer.allocUnsafe(PIECE_CODE_UNITS * 3);
  let bytes = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PIECE_CODE_UNITS);
    // A surrogate pair stays in one piece: each half alone is encoded as U+FFFD.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    const written = pieceBytes.write(text.slice(start, end), "utf8");
    hash.update(pieceBytes.subarray(0, written));
    bytes += written;
    start = end;
  }
  return { sha256: hash.digest("hex"), bytes };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
