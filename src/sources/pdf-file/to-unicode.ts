import { Lexer } from "./pdf-objects.js";
import { stringBytes } from "./string-bytes.js";

/**
 * Codes one bfrange may map at most. pdf.js takes ranges up to 2^24 codes; the fonts read here
 * have two-byte codes, so a larger range is damage, and is left to pdf.js.
 */
const MAX_RANGE = 0xffff;

/**
 * A font's ToUnicode CMap (bảng mã Unicode của phông): character code → text, read as pdf.js
 * reads it (bfchar and bfrange, destinations in UTF-16BE, a range's destination counted up in
 * its last byte with pdf.js's carry). Null for anything pdf.js might read otherwise: another
 * CMap used in (usecmap), CID mappings, a destination of an odd number of bytes or not a string,
 * a malformed block, a range of more codes than two bytes hold.
 */
export function readToUnicode(data: Uint8Array): Map<number, string> | null {
  const map = new Map<number, string>();
  const lexer = new Lexer(data, 0);
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (typeof token !== "object" || token === null || !("op" in token)) continue;
    const op = token.op;
    if (op === "usecmap" || op === "begincidchar" || op === "begincidrange" || op === "beginnotdefrange") return null;
    const read = op === "beginbfchar" ? readBfChars(lexer, data, map) : op === "beginbfrange" ? readBfRanges(lexer, data, map) : true;
    if (!read) return null;
  }
  return map;
}

/** The bytes of the string the lexer returned last. */
function lastString(lexer: Lexer, data: Uint8Array): Uint8Array {
  return stringBytes(data, lexer.stringStart, lexer.stringEnd, lexer.stringHex);
}

/** The next token's bytes when it is a string, else null. */
function nextString(lexer: Lexer, data: Uint8Array): Uint8Array | null {
  return lexer.next() === "" ? lastString(lexer, data) : null;
}

/** A block's end operator was read. */
const BLOCK_END = "end";

/** The code of the block entry's first string; `BLOCK_END` at the block's `end` operator; null when neither. */
function nextSource(lexer: Lexer, data: Uint8Array, end: string): number | typeof BLOCK_END | null {
  const token = lexer.next();
  if (isOperator(token, end)) return BLOCK_END;
  return token === "" ? toCode(lastString(lexer, data)) : null;
}

/** "<src> <dst>" pairs up to endbfchar; false when malformed. */
function readBfChars(lexer: Lexer, data: Uint8Array, map: Map<number, string>): boolean {
  for (;;) {
    const code = nextSource(lexer, data, "endbfchar");
    if (code === BLOCK_END) return true;
    if (code === null) return false;
    const dst = nextString(lexer, data);
    if (dst === null || !setText(map, code, dst)) return false;
  }
}

/** "<low> <high> <dst>" or "<low> <high> [<dst> …]" up to endbfrange; false when malformed. */
function readBfRanges(lexer: Lexer, data: Uint8Array, map: Map<number, string>): boolean {
  for (;;) {
    const low = nextSource(lexer, data, "endbfrange");
    if (low === BLOCK_END) return true;
    if (low === null) return false;
    const highBytes = nextString(lexer, data);
    if (highBytes === null) return false;
    const high = toCode(highBytes);
    if (high - low > MAX_RANGE) return false;
    const dst = lexer.next();
    if (dst === "") {
      if (!mapRange(map, low, high, lastString(lexer, data))) return false;
    } else if (typeof dst === "object" && dst !== null && "open" in dst && dst.open === "[") {
      for (let code = low; ; code++) {
        const item = lexer.next();
        if (typeof item === "object" && item !== null && "close" in item) break;
        if (item !== "") return false;
        // Items past the range's end are read and dropped, as pdf.js does.
        if (code <= high && !setText(map, code, lastString(lexer, data))) return false;
      }
    } else return false;
  }
}

function isOperator(token: ReturnType<Lexer["next"]>, op: string): boolean {
  return typeof token === "object" && token !== null && "op" in token && token.op === op;
}

/** A source code: its bytes big-endian, as pdf.js's strToInt. */
function toCode(bytes: Uint8Array): number {
  let code = 0;
  for (const b of bytes) code = (code << 8) | b;
  return code >>> 0;
}

/** A range's destination counted up through its codes, carrying into the byte before as pdf.js does. */
function mapRange(map: Map<number, string>, low: number, high: number, start: Uint8Array): boolean {
  if (start.length < 2 || start.length % 2 !== 0) return false;
  const dst = Array.from(start);
  const last = dst.length - 1;
  for (let code = low; code <= high; code++) {
    if (!setText(map, code, Uint8Array.from(dst))) return false;
    if (dst[last] === 0xff) {
      dst[last - 1]++;
      dst[last] = 0;
      // A carry past the byte before would change the byte count: not followed.
      if (dst[last - 1] > 0xff) return code === high;
    } else dst[last]++;
  }
  return true;
}

/** Sets a code's text from UTF-16BE bytes; false for an odd byte count. */
function setText(map: Map<number, string>, code: number, utf16: Uint8Array): boolean {
  if (utf16.length % 2 !== 0) return false;
  const units: number[] = [];
  for (let k = 0; k < utf16.length; k += 2) units.push((utf16[k] << 8) | utf16[k + 1]);
  map.set(code, decodeUnits(units));
  return true;
}

/** pdf.js pairs a high surrogate with the unit after it, whatever that unit is. */
function decodeUnits(units: number[]): string {
  const points: number[] = [];
  for (let k = 0; k < units.length; k++) {
    const w1 = units[k];
    if ((w1 & 0xf800) !== 0xd800) {
      points.push(w1);
      continue;
    }
    const w2 = units[++k] ?? 0;
    points.push(((w1 & 0x3ff) << 10) + (w2 & 0x3ff) + 0x10000);
  }
  return String.fromCodePoint(...points);
}
