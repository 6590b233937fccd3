import { inflateSync } from "node:zlib";
import { findRevisionEnds, indexObjectHeaders, isSpaceByte, mentionsEncryption } from "./object-headers.js";

/** A PDF object as far as the path scanner needs it. */
export type PdfValue = number | string | boolean | null | PdfName | PdfRef | PdfValue[] | PdfDict;
export interface PdfName {
  name: string;
}
export interface PdfRef {
  num: number;
  gen: number;
}
export type PdfDict = Map<string, PdfValue>;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
/** Object streams larger than this (bytes, inflated) are not indexed. */
const MAX_INFLATED = 64 * 1024 * 1024;

export function isName(v: PdfValue | undefined, name?: string): v is PdfName {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map) && "name" in v && (name === undefined || v.name === name);
}

export function isRef(v: PdfValue | undefined): v is PdfRef {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map) && "num" in v;
}

/**
 * A minimal PDF object reader (đọc đối tượng PDF), for page content streams and a scanned page's
 * image (the path scanner of sources/pdf, the OCR renderer of sources/ocr): objects are
 * found by scanning the file for "N G obj" (the last one wins, as incremental updates append) and
 * through the object streams they may be packed in. It never evaluates anything; what it cannot
 * read (an encrypted file, a filter other than Flate) makes it give up, and the caller asks
 * pdf.js instead.
 */
export class PdfObjects {
  private readonly offsets: Map<number, number>;
  private readonly streams = new Map<number, Map<number, PdfValue>>();
  private readonly parsed = new Map<number, { value: PdfValue; end: number } | null>();
  /** Where each revision of the file ends ("%%EOF"), in file order: an incremental update appends one. */
  private readonly revisionEnds: number[];
  /** What `get` found for each object number asked. */
  private readonly found = new Map<number, PdfValue>();
  readonly usable: boolean;

  constructor(private readonly data: Uint8Array) {
    this.offsets = indexObjectHeaders(data);
    this.revisionEnds = findRevisionEnds(data);
    // Encrypted streams need the key pdf.js derives: not read here.
    this.usable = !mentionsEncryption(data) && this.offsets.size > 0;
    if (!this.usable) return;
    for (const [num, offset] of this.offsets) {
      let start = offset;
      while (start < data.length && isSpaceByte(data[start])) start++;
      if (data[start] !== 0x3c || data[start + 1] !== 0x3c) continue;
      if (!/\/Type\s*\/ObjStm/u.test(latin1(data.subarray(offset, offset + 400)))) continue;
      const parsed = this.parseAt(offset);
      if (!parsed || !(parsed.value instanceof Map)) continue;
      // Unpacked when an object is not found on its own.
      this.streams.set(num, new Map());
    }
  }

  /**
   * The object numbered `num`, or undefined when it cannot be read: the copy written last, as an
   * incremental update (a signature) appends new copies — a direct object, or one packed in an
   * object stream written after it.
   */
  get(num: number): PdfValue | undefined {
    const known = this.found.get(num);
    if (known !== undefined) return known;
    const offset = this.offsets.get(num);
    // A packed copy replaces a direct one only from a later revision: past the %%EOF after it.
    const packed = this.packedAfter(num, offset === undefined ? -1 : this.revisionEnd(offset));
    const value = packed !== null ? packed.value : offset !== undefined ? this.parseAt(offset)?.value : undefined;
    // Not kept when not found: an object stream's /Length may be asked for while that stream is unpacked.
    if (value !== undefined) this.found.set(num, value);
    return value;
  }

  /** Where the revision holding `offset` ends (its %%EOF); Infinity when no end follows. */
  private revisionEnd(offset: number): number {
    for (const end of this.revisionEnds) if (end > offset) return end;
    return Infinity;
  }

  /** The copy of `num` in the last object stream after `after` that holds one, or null. */
  private packedAfter(num: number, after: number): { value: PdfValue } | null {
    let found: { value: PdfValue } | null = null;
    let foundAt = after;
    for (const [streamNum, objects] of this.streams) {
      const at = this.offsets.get(streamNum)!;
      if (at <= foundAt) continue;
      if (objects.size === 0) this.unpack(streamNum, objects);
      const value = objects.get(num);
      if (value === undefined) continue;
      found = { value };
      foundAt = at;
    }
    return found;
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return isRef(value) ? this.get(value.num) : value;
  }

  /** The decoded bytes of the stream object `num` (Flate or no filter), or null. */
  streamData(num: number): Uint8Array | null {
    const stream = this.encodedStream(num);
    return stream ? this.decode(stream.dict, stream.data) : null;
  }

  /** The stream object `num` as stored (filters not applied) with its dictionary, or null. */
  encodedStream(num: number): { dict: PdfDict; data: Uint8Array } | null {
    const offset = this.offsets.get(num);
    if (offset === undefined) return null;
    const parsed = this.parseAt(offset);
    if (!parsed || !(parsed.value instanceof Map)) return null;
    const data = this.rawStream(parsed.value, parsed.end);
    return data ? { dict: parsed.value, data } : null;
  }

  /** A stream dictionary's filters, in order (none: an empty list). */
  filtersOf(dict: PdfDict): PdfValue[] {
    const filter = this.resolve(dict.get("Filter"));
    return Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
  }

  private decode(dict: PdfDict, raw: Uint8Array): Uint8Array | null {
    const filters = this.filtersOf(dict);
    if (filters.length === 0) return raw;
    if (filters.length > 1 || !isName(filters[0], "FlateDecode") || dict.has("DecodeParms")) return null;
    try {
      return inflateSync(raw, { maxOutputLength: MAX_INFLATED });
    } catch (error) {
      // A damaged stream (pdf.js may still read it): give up on this one.
      if (error instanceof Error && "code" in error) return null;
      throw error;
    }
  }

  /** The bytes between "stream" and "endstream" (by /Length when it points at "endstream"). */
  private rawStream(dict: PdfDict, end: number): Uint8Array | null {
    let pos = end;
    while (pos < this.data.length && WHITESPACE.has(this.data[pos])) pos++;
    if (latin1(this.data.subarray(pos, pos + 6)) !== "stream") return null;
    pos += 6;
    if (this.data[pos] === 0x0d) pos++;
    if (this.data[pos] === 0x0a) pos++;
    const length = this.resolve(dict.get("Length"));
    let stop = typeof length === "number" ? pos + length : -1;
    if (stop < pos || stop > this.data.length || latin1(this.data.subarray(stop, stop + 30)).indexOf("endstream") < 0) {
      stop = indexOf(this.data, "endstream", pos);
      if (stop < 0) return null;
    }
    return this.data.subarray(pos, stop);
  }

  private unpack(streamNum: number, into: Map<number, PdfValue>): void {
    // Marked read first: a /Length pointing into this very stream must not unpack it again.
    into.set(-1, null);
    const data = this.streamData(streamNum);
    const dict = this.get(streamNum);
    if (!data || !(dict instanceof Map)) return;
    const first = dict.get("First");
    const count = dict.get("N");
    if (typeof first !== "number" || typeof count !== "number") return;
    const lexer = new Lexer(data, 0);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < count; i++) {
      const num = lexer.next();
      const off = lexer.next();
      if (typeof num !== "number" || typeof off !== "number") break;
      pairs.push([num, off]);
    }
    for (const [num, off] of pairs) {
      const inner = new Lexer(data, first + off);
      const value = parseValue(inner);
      if (value !== undefined) into.set(num, value);
    }
  }

  /**
   * The object at `offset`, parsed once: a page's resources, fonts and forms are looked up again
   * at every use (each Do of a form, each page sharing them). Callers never change what they get.
   */
  private parseAt(offset: number): { value: PdfValue; end: number } | null {
    const cached = this.parsed.get(offset);
    if (cached !== undefined) return cached;
    const lexer = new Lexer(this.data, offset);
    const value = parseValue(lexer);
    const parsed = value === undefined ? null : { value, end: lexer.pos };
    this.parsed.set(offset, parsed);
    return parsed;
  }
}

type Token = number | string | boolean | null | PdfName | { op: string } | { open: "<<" | "[" } | { close: ">>" | "]" } | undefined;

const NAME_ESCAPE = /#(?<hex>[0-9A-Fa-f]{2})/gu;
/** Byte classes: 1 whitespace, 2 delimiter, 0 regular. (Also read by content-reader.ts.) */
export const CLASS = new Uint8Array(256);
for (const c of WHITESPACE) CLASS[c] = 1;
for (const c of DELIMITER) CLASS[c] = 2;
const OPEN_DICT = { open: "<<" } as const;
const OPEN_ARRAY = { open: "[" } as const;
const CLOSE_DICT = { close: ">>" } as const;
const CLOSE_ARRAY = { close: "]" } as const;
/** Keyword tokens, shared: a content stream repeats a handful of operators many times. */
const KEYWORDS = new Map<string, { op: string }>();
/** Bytes `skipTextObject` looks at: ( < E g k n; every other byte is stepped over. */
const TEXT_OBJECT_BYTE = new Uint8Array(256);
for (const c of [0x28, 0x3c, 0x45, 0x67, 0x6b, 0x6e]) TEXT_OBJECT_BYTE[c] = 1;
/** The same tokens for keywords of one to three bytes, by their bytes (first byte lowest). */
const SHORT_KEYWORDS = new Map<number, { op: string }>();

/**
 * PDF tokens: numbers, names, keywords; strings are skipped (returned empty: neither the
 * object reader nor the path scanner needs their text); comments skipped. Reads bytes without
 * building strings for numbers and strings, since content streams are mostly text operators.
 */
export class Lexer {
  /**
   * Where the string `next` returned last lies in the data, without its delimiters, and whether
   * it is written in hex (its bytes: `stringBytes`). Strings are returned empty: most readers
   * only step over them.
   */
  stringStart = 0;
  stringEnd = 0;
  stringHex = false;

  constructor(
    private readonly data: Uint8Array,
    public pos: number,
  ) {}

  next(): Token {
    const d = this.data;
    const n = d.length;
    // The position is kept in a local while scanning: the hot loops below run on every byte.
    let p = skipSpaceAndComments(d, this.pos);
    this.pos = p;
    if (p >= n) return undefined;
    const c = d[p];
    if (c === 0x2f) {
      const start = ++this.pos;
      while (this.pos < n && CLASS[d[this.pos]] === 0) this.pos++;
      const raw = word(d, start, this.pos);
      // "#20": a name's byte written as two hex digits (PDF 1.2+), as in "/Times#20New#20Roman".
      return { name: raw.includes("#") ? raw.replace(NAME_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw };
    }
    if (c === 0x28) {
      this.stringStart = p + 1;
      this.stringHex = false;
      this.stringEnd = this.skipLiteral() ? this.pos - 1 : n;
      return "";
    }
    if (c === 0x3c) {
      if (d[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return OPEN_DICT;
      }
      const end = d.indexOf(0x3e, this.pos);
      this.stringStart = p + 1;
      this.stringHex = true;
      this.stringEnd = end < 0 ? n : end;
      this.pos = end < 0 ? n : end + 1;
      return "";
    }
    if (c === 0x3e && d[this.pos + 1] === 0x3e) {
      this.pos += 2;
      return CLOSE_DICT;
    }
    if (c === 0x5b) {
      this.pos++;
      return OPEN_ARRAY;
    }
    if (c === 0x5d) {
      this.pos++;
      return CLOSE_ARRAY;
    }
    const start = p;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      const value = this.readNumber();
      if (value !== null) return value;
      this.pos = start;
    }
    while (p < n && CLASS[d[p]] === 0) p++;
    this.pos = p;
    if (p === start) {
      // A stray delimiter ( ) { } >: skipped.
      this.pos++;
      return { op: String.fromCharCode(c) };
    }
    const length = p - start;
    // Operators are one to three bytes: found by their bytes, without building a string each time.
    const code = length <= 3 ? d[start] | (length > 1 ? d[start + 1] << 8 : 0) | (length > 2 ? d[start + 2] << 16 : 0) : -1;
    const known = code >= 0 ? SHORT_KEYWORDS.get(code) : undefined;
    if (known !== undefined) return known;
    const text = word(d, start, this.pos);
    if (text === "true") return true;
    if (text === "false") return false;
    if (text === "null") return null;
    let keyword = KEYWORDS.get(text);
    if (!keyword) {
      keyword = { op: text };
      if (KEYWORDS.size < 256) {
        KEYWORDS.set(text, keyword);
        if (code >= 0) SHORT_KEYWORDS.set(code, keyword);
      }
    }
    return keyword;
  }

  /** A number in PDF syntax ("12", "-3.5", ".5"), or null when the word is something else. */
  private readNumber(): number | null {
    const end = readNumberAt(this.data, this.pos, NUMBER_OUT);
    if (end < 0) return null;
    this.pos = end;
    return NUMBER_OUT[0];
  }

  /**
   * Skips a text object (BT … ET: no path can be built inside one) without tokenizing it, strings
   * stepped over whole. Says whether it set a fill colour (g, rg, k, sc, scn): text sets its own.
   */
  skipTextObject(): { fillColor: boolean } {
    const d = this.data;
    const n = d.length;
    let p = this.pos;
    let fillColor = false;
    while (p < n) {
      const c = d[p];
      // Most bytes of a text object are none of those looked at below: one table lookup each.
      if (TEXT_OBJECT_BYTE[c] === 0) {
        p++;
        continue;
      }
      if (c === 0x28) {
        this.pos = p;
        this.skipLiteral();
        p = this.pos;
        continue;
      }
      if (c === 0x3c && d[p + 1] !== 0x3c) {
        const end = d.indexOf(0x3e, p);
        p = end < 0 ? n : end + 1;
        continue;
      }
      const before = CLASS[d[p - 1]] !== 0;
      if (c === 0x45 && d[p + 1] === 0x54 && before && (p + 2 >= n || CLASS[d[p + 2]] !== 0)) {
        this.pos = p + 2;
        return { fillColor };
      }
      if ((c === 0x67 || c === 0x6b) && (p + 1 >= n || CLASS[d[p + 1]] !== 0)) {
        // "g", "k", "rg", "sc"-less forms; "scn" ends with n and is caught below.
        if (before || (d[p - 1] === 0x72 && CLASS[d[p - 2]] !== 0)) fillColor = true;
      } else if (c === 0x6e && d[p - 1] === 0x63 && d[p - 2] === 0x73 && CLASS[d[p - 3]] !== 0 && (p + 1 >= n || CLASS[d[p + 1]] !== 0)) {
        fillColor = true;
      }
      p++;
    }
    this.pos = p;
    return { fillColor };
  }

  /**
   * Skips an array or a dictionary (TJ's array, BDC's properties) after its opening bracket, to
   * its closing one, nested ones included; false when the data ends first.
   */
  skipGroup(): boolean {
    let depth = 1;
    for (let t = this.next(); t !== undefined; t = this.next()) {
      if (typeof t !== "object" || t === null) continue;
      if ("open" in t) depth++;
      else if ("close" in t && --depth === 0) return true;
    }
    return false;
  }

  /** Skips an inline image after its "BI": its dictionary up to "ID", then its binary data. */
  skipInlineImageObject(): void {
    for (let t = this.next(); t !== undefined; t = this.next()) {
      if (typeof t === "object" && t !== null && "op" in t && t.op === "ID") break;
    }
    this.skipInlineImage();
  }

  /** Skips the binary data of an inline image: from after "ID" to "EI" between whitespace. */
  private skipInlineImage(): void {
    const d = this.data;
    this.pos++;
    while (this.pos < d.length) {
      if (d[this.pos] === 0x45 && d[this.pos + 1] === 0x49 && CLASS[d[this.pos - 1]] === 1 && (this.pos + 2 >= d.length || CLASS[d[this.pos + 2]] === 1)) {
        this.pos += 2;
        return;
      }
      this.pos++;
    }
  }

  /** Steps over a literal string from its "("; false when the data ends before its ")". */
  private skipLiteral(): boolean {
    const d = this.data;
    const n = d.length;
    // The position in a local: strings are a good part of a page's bytes.
    let p = this.pos;
    let depth = 0;
    while (p < n) {
      const c = d[p++];
      if (c === 0x5c) p++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) {
        this.pos = p;
        return true;
      }
    }
    this.pos = p;
    return false;
  }
}

const NUMBER_OUT = new Float64Array(1);

/** The first position from `p` that is neither whitespace nor in a comment ("%" to the end of its line). */
export function skipSpaceAndComments(d: Uint8Array, p: number): number {
  const n = d.length;
  for (;;) {
    while (p < n && CLASS[d[p]] === 1) p++;
    if (d[p] !== 0x25) return p;
    while (p < n && d[p] !== 0x0a && d[p] !== 0x0d) p++;
  }
}

/**
 * Reads a number in PDF syntax ("12", "-3.5", ".5") at `start`: its value goes to `out[0]` and its
 * end is returned; -1 when the word there is not a number ("1.2.3", "12abc", "-"). No object per
 * number: content streams hold hundreds of thousands of them.
 */
export function readNumberAt(d: Uint8Array, start: number, out: Float64Array): number {
  let p = start;
  let sign = 1;
  if (d[p] === 0x2d || d[p] === 0x2b) {
    if (d[p] === 0x2d) sign = -1;
    p++;
  }
  // All digits as one integer, divided once by the power of ten of the decimals: the value pdf.js
  // computes, to the last bit (summing each decimal's place value drifts from it).
  let value = 0;
  let digits = 0;
  let divideBy = 1;
  while (d[p] >= 0x30 && d[p] <= 0x39) {
    value = value * 10 + (d[p++] - 0x30);
    digits++;
  }
  if (d[p] === 0x2e) {
    p++;
    while (d[p] >= 0x30 && d[p] <= 0x39) {
      value = value * 10 + (d[p++] - 0x30);
      divideBy *= 10;
      digits++;
    }
  }
  if (digits === 0 || (p < d.length && CLASS[d[p]] === 0)) return -1;
  out[0] = (sign * value) / divideBy;
  return p;
}

/** Parses one object (with "N G R" references) from the lexer; undefined at the end. */
function parseValue(lexer: Lexer, depth = 0): PdfValue | undefined {
  const token = lexer.next();
  return fromToken(lexer, token, depth);
}

function fromToken(lexer: Lexer, token: Token, depth: number): PdfValue | undefined {
  if (token === undefined || depth > 64) return undefined;
  if (typeof token === "number") {
    // "N G R": look ahead two tokens.
    const save = lexer.pos;
    const gen = lexer.next();
    if (typeof gen === "number") {
      const r = lexer.next();
      if (typeof r === "object" && r !== null && "op" in r && r.op === "R") return { num: token, gen };
    }
    lexer.pos = save;
    return token;
  }
  if (typeof token !== "object" || token === null || isName(token as PdfValue)) return token as PdfValue;
  if ("open" in token) {
    if (token.open === "[") {
      const items: PdfValue[] = [];
      for (let t = lexer.next(); t !== undefined && !(typeof t === "object" && t !== null && "close" in t); t = lexer.next()) {
        const v = fromToken(lexer, t, depth + 1);
        if (v !== undefined) items.push(v);
      }
      return items;
    }
    const dict: PdfDict = new Map();
    for (let t = lexer.next(); t !== undefined && !(typeof t === "object" && t !== null && "close" in t); t = lexer.next()) {
      if (!isName(t as PdfValue)) continue;
      const v = parseValue(lexer, depth + 1);
      if (v !== undefined) dict.set((t as PdfName).name, v);
    }
    return dict;
  }
  return null;
}

function indexOf(data: Uint8Array, word: string, from: number): number {
  const first = word.charCodeAt(0);
  for (let i = data.indexOf(first, from); i >= 0; i = data.indexOf(first, i + 1)) {
    let ok = true;
    for (let k = 1; k < word.length && ok; k++) ok = data[i + k] === word.charCodeAt(k);
    if (ok) return i;
  }
  return -1;
}

/** Bytes start…end as a string; short words (operators, names) without a Buffer. */
function word(d: Uint8Array, start: number, end: number): string {
  switch (end - start) {
    case 1:
      return String.fromCharCode(d[start]);
    case 2:
      return String.fromCharCode(d[start], d[start + 1]);
    case 3:
      return String.fromCharCode(d[start], d[start + 1], d[start + 2]);
    case 4:
      return String.fromCharCode(d[start], d[start + 1], d[start + 2], d[start + 3]);
    default:
      return latin1(d.subarray(start, end));
  }
}

export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
