import { CLASS, Lexer, readNumberAt, skipSpaceAndComments } from "./pdf-objects.js";

/**
 * Operators of a content stream (luồng nội dung) that the path scanner acts on, as small integers;
 * every other operator is `OTHER`, `END` the end of the stream.
 */
export const CONTENT_OP = {
  END: -1,
  OTHER: 0,
  q: 1,
  Q: 2,
  cm: 3,
  m: 4,
  l: 5,
  c: 6,
  v: 7,
  y: 8,
  h: 9,
  re: 10,
  S: 11,
  s: 12,
  f: 13,
  F: 14,
  fStar: 15,
  B: 16,
  BStar: 17,
  b: 18,
  bStar: 19,
  n: 20,
  RG: 21,
  rg: 22,
  G: 23,
  g: 24,
  K: 25,
  k: 26,
  BT: 27,
  BI: 28,
  Do: 29,
} as const;

/** One-byte operators by their byte. */
const ONE_BYTE_OPS = new Int8Array(256);
for (const [name, code] of Object.entries(CONTENT_OP)) if (name.length === 1) ONE_BYTE_OPS[name.charCodeAt(0)] = code;
/** Two-byte operators by their bytes (first byte high); "f*" and the like spelt out. */
const TWO_BYTE_OPS = new Map<number, number>(
  (
    [
      ["cm", CONTENT_OP.cm],
      ["re", CONTENT_OP.re],
      ["f*", CONTENT_OP.fStar],
      ["B*", CONTENT_OP.BStar],
      ["b*", CONTENT_OP.bStar],
      ["RG", CONTENT_OP.RG],
      ["rg", CONTENT_OP.rg],
      ["BT", CONTENT_OP.BT],
      ["BI", CONTENT_OP.BI],
      ["Do", CONTENT_OP.Do],
    ] as const
  ).map(([name, code]) => [(name.charCodeAt(0) << 8) | name.charCodeAt(1), code]),
);

/** Operands kept per operator: the last few, as many as any operator the scanner reads takes. */
const KEPT_OPERANDS = 8;
const NUMBER = 0;
const NAME = 1;
const OTHER_OPERAND = 2;
const NUMBER_READ = new Float64Array(1);

/**
 * Reads a content stream operator by operator, for the path scanner: the operator as a code and
 * its numeric operands, without a token object per operand or operator (a page of a long
 * decision holds a hundred thousand of them outside its text objects). Strings, arrays,
 * dictionaries, text objects and inline images are stepped over as `Lexer` does, so the
 * operators and operands are those `Lexer.next` would give (tests/sources/content-reader.test.ts).
 */
export class ContentReader {
  private readonly lexer: Lexer;
  private pos = 0;
  /** Operands read since the last operator; the last KEPT_OPERANDS of them are kept. */
  private count = 0;
  private readonly kinds = new Uint8Array(KEPT_OPERANDS);
  private readonly values = new Float64Array(KEPT_OPERANDS);

  constructor(private readonly data: Uint8Array) {
    this.lexer = new Lexer(data, 0);
  }

  /** The next operator (`CONTENT_OP`); its operands can be read until the next call. */
  read(): number {
    const d = this.data;
    const n = d.length;
    const { kinds, values } = this;
    // Position and operand count in locals while scanning; written back where anything else reads them.
    let p = this.pos;
    let count = 0;
    for (;;) {
      p = skipSpaceAndComments(d, p);
      if (p >= n) {
        this.pos = p;
        this.count = count;
        return CONTENT_OP.END;
      }
      const c = d[p];
      if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
        const end = readNumberAt(d, p, NUMBER_READ);
        if (end >= 0) {
          const slot = count++ % KEPT_OPERANDS;
          kinds[slot] = NUMBER;
          values[slot] = NUMBER_READ[0];
          p = end;
          continue;
        }
      } else if (c === 0x2f) {
        // A name: its start kept, decoded only if an operator asks for it.
        kinds[count % KEPT_OPERANDS] = NAME;
        values[count++ % KEPT_OPERANDS] = p;
        p++;
        while (p < n && CLASS[d[p]] === 0) p++;
        continue;
      } else if (c === 0x28 || (c === 0x3c && d[p + 1] !== 0x3c)) {
        // A string: an operand.
        this.lexer.pos = p;
        this.lexer.next();
        p = this.lexer.pos;
        kinds[count++ % KEPT_OPERANDS] = OTHER_OPERAND;
        continue;
      } else if (c === 0x5b || c === 0x3c) {
        // An array or a dictionary (TJ's, BDC's): stepped over, not an operand.
        this.lexer.pos = p + (c === 0x5b ? 1 : 2);
        this.lexer.skipGroup();
        p = this.lexer.pos;
        continue;
      } else if (c === 0x5d || (c === 0x3e && d[p + 1] === 0x3e)) {
        // A closing bracket with nothing open: an operand, as Lexer.next gives it.
        p += c === 0x5d ? 1 : 2;
        kinds[count++ % KEPT_OPERANDS] = OTHER_OPERAND;
        continue;
      }
      let e = p;
      while (e < n && CLASS[d[e]] === 0) e++;
      this.count = count;
      if (e === p) {
        // A stray delimiter ( ) { } >: an operator of its own.
        this.pos = p + 1;
        return CONTENT_OP.OTHER;
      }
      this.pos = e;
      const length = e - p;
      if (length === 1) return ONE_BYTE_OPS[c];
      if (length === 2) return TWO_BYTE_OPS.get((c << 8) | d[p + 1]) ?? CONTENT_OP.OTHER;
      if (isWord(d, p, length, "true") || isWord(d, p, length, "false") || isWord(d, p, length, "null")) {
        kinds[count++ % KEPT_OPERANDS] = OTHER_OPERAND;
        p = e;
        continue;
      }
      return CONTENT_OP.OTHER;
    }
  }

  /** Whether the last `count` operands of the operator just read are all numbers (`count` ≤ 8). */
  hasNumbers(count: number): boolean {
    if (this.count < count) return false;
    for (let i = this.count - count; i < this.count; i++) if (this.kinds[i % KEPT_OPERANDS] !== NUMBER) return false;
    return true;
  }

  /** The operand `back` places from the end (1: the last) as a number; after `hasNumbers`. */
  numberBack(back: number): number {
    return this.values[(this.count - back) % KEPT_OPERANDS];
  }

  /** The last `count` operands of the operator just read when they are all numbers, else null. */
  numbers(count: number): number[] | null {
    if (!this.hasNumbers(count)) return null;
    const out: number[] = [];
    for (let back = count; back >= 1; back--) out.push(this.numberBack(back));
    return out;
  }

  /** The last operand of the operator just read when it is a name ("/Fm0" of "Do"), else null. */
  lastName(): string | null {
    if (this.count === 0) return null;
    const slot = (this.count - 1) % KEPT_OPERANDS;
    if (this.kinds[slot] !== NAME) return null;
    this.lexer.pos = this.values[slot];
    const token = this.lexer.next() as { name: string };
    return token.name;
  }

  /** After "BT": steps over the text object; says whether it set a fill colour (`Lexer.skipTextObject`). */
  skipTextObject(): { fillColor: boolean } {
    this.lexer.pos = this.pos;
    const result = this.lexer.skipTextObject();
    this.pos = this.lexer.pos;
    return result;
  }

  /** After "BI": steps over the inline image (`Lexer.skipInlineImageObject`). */
  skipInlineImageObject(): void {
    this.lexer.pos = this.pos;
    this.lexer.skipInlineImageObject();
    this.pos = this.lexer.pos;
  }
}

function isWord(d: Uint8Array, start: number, length: number, word: string): boolean {
  if (length !== word.length) return false;
  for (let i = 0; i < length; i++) if (d[start + i] !== word.charCodeAt(i)) return false;
  return true;
}
