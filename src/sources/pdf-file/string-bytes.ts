/**
 * The bytes of a PDF string (chuỗi): a literal "(…)" with its escapes undone, or hex "<…>", read
 * from where `Lexer` found it. As pdf.js reads them: an unknown escape keeps its character, an
 * odd last hex digit counts as if followed by 0, anything else between hex digits is skipped.
 */
export function stringBytes(data: Uint8Array, start: number, end: number, hex: boolean): Uint8Array {
  return hex ? hexBytes(data, start, end) : literalBytes(data, start, end);
}

function hexBytes(data: Uint8Array, start: number, end: number): Uint8Array {
  const out: number[] = [];
  let high = -1;
  for (let i = start; i < end; i++) {
    const digit = hexDigit(data[i]);
    if (digit < 0) continue;
    if (high < 0) high = digit;
    else {
      out.push((high << 4) | digit);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return Uint8Array.from(out);
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** What a backslash followed by this character stands for (other characters stand for themselves). */
const ESCAPES: Readonly<Record<number, number>> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };

function literalBytes(data: Uint8Array, start: number, end: number): Uint8Array {
  const out: number[] = [];
  for (let i = start; i < end; i++) {
    const c = data[i];
    if (c === 0x0d) {
      // An end of line inside a string is one line feed, whatever it was written as.
      if (data[i + 1] === 0x0a && i + 1 < end) i++;
      out.push(0x0a);
      continue;
    }
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    if (++i >= end) break;
    const e = data[i];
    if (e >= 0x30 && e <= 0x37) {
      // Up to three octal digits; the value is kept to a byte.
      let value = e - 0x30;
      for (let k = 0; k < 2 && i + 1 < end && data[i + 1] >= 0x30 && data[i + 1] <= 0x37; k++) value = value * 8 + (data[++i] - 0x30);
      out.push(value & 0xff);
    } else if (e === 0x0d) {
      // A backslash at the end of a line continues the string on the next.
      if (data[i + 1] === 0x0a && i + 1 < end) i++;
    } else if (e !== 0x0a) {
      out.push(ESCAPES[e] ?? e);
    }
  }
  return Uint8Array.from(out);
}
