/**
 * Where the file's objects start: every "N G obj" header (tiêu đề đối tượng), found by scanning
 * the bytes, the last one of a number winning (incremental updates append new copies). Exactly
 * what `/(?:^|\s)(?<num>\d{1,10})\s+(?<gen>\d{1,5})\s+obj\b/g` finds in the file read as Latin-1,
 * without making that string: the native byte search finds each "obj", and the header is read
 * backwards from it (the pattern over a signed file's megabytes took one to two percent of a
 * typical document's parse).
 * Offsets are those just past "obj".
 */
export function indexObjectHeaders(data: Uint8Array): Map<number, number> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const offsets = new Map<number, number>();
  // Headers cannot overlap: what stands before an "obj" (spaces and digits) holds no other "obj".
  for (let at = bytes.indexOf(OBJ, 0); at >= 0; at = bytes.indexOf(OBJ, at + 1)) {
    const end = at + 3;
    if (end < bytes.length && isWordByte(bytes[end])) continue;
    const num = readHeaderBefore(bytes, at);
    if (num !== null) offsets.set(num, end);
  }
  return offsets;
}

/** Where each "%%EOF" starts, in file order: one ends every revision. */
export function findRevisionEnds(data: Uint8Array): number[] {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const ends: number[] = [];
  for (let at = bytes.indexOf(EOF, 0); at >= 0; at = bytes.indexOf(EOF, at + 5)) ends.push(at);
  return ends;
}

/** Whether the file names an /Encrypt entry anywhere (`/\/Encrypt\b/`). */
export function mentionsEncryption(data: Uint8Array): boolean {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let at = bytes.indexOf(ENCRYPT, 0); at >= 0; at = bytes.indexOf(ENCRYPT, at + 1)) {
    const next = at + ENCRYPT.length;
    if (next >= bytes.length || !isWordByte(bytes[next])) return true;
  }
  return false;
}

const OBJ = Buffer.from("obj", "latin1");
const EOF = Buffer.from("%%EOF", "latin1");
const ENCRYPT = Buffer.from("/Encrypt", "latin1");
const MAX_NUMBER_DIGITS = 10;
const MAX_GENERATION_DIGITS = 5;

/**
 * The object number of the header whose "obj" starts at `at`, read backwards: spaces, 1–5 digits,
 * spaces, 1–10 digits, then a space or the start of the file. Null when the bytes before "obj"
 * are no header.
 */
function readHeaderBefore(bytes: Uint8Array, at: number): number | null {
  const generation = digitsBefore(bytes, at, MAX_GENERATION_DIGITS);
  if (generation === null) return null;
  const number = digitsBefore(bytes, generation.start, MAX_NUMBER_DIGITS);
  if (number === null) return null;
  // A space before the number, or the start of the file.
  if (number.start > 0 && !isSpaceByte(bytes[number.start - 1])) return null;
  return readNumber(bytes, number.start, number.end);
}

/** The run of 1 to `max` digits that ends where one or more spaces before `at` begin; null when there is none. */
function digitsBefore(bytes: Uint8Array, at: number, max: number): { start: number; end: number } | null {
  let p = at;
  while (p > 0 && isSpaceByte(bytes[p - 1])) p--;
  if (p === at) return null;
  const end = p;
  while (p > 0 && isDigitByte(bytes[p - 1])) p--;
  const digits = end - p;
  return digits === 0 || digits > max ? null : { start: p, end };
}

function readNumber(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (bytes[i] - 0x30);
  return n;
}

function isDigitByte(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `\s` on a Latin-1 character: tab, line feed, vertical tab, form feed, carriage return, space, no-break space. */
export function isSpaceByte(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0;
}

/** `\w` (what `\b` tells apart): ASCII letters, digits, underscore. */
function isWordByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}
