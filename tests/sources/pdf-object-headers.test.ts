import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findRevisionEnds, indexObjectHeaders, mentionsEncryption } from "../../src/sources/pdf-file/object-headers.js";

/**
 * The object reader's byte scans (src/sources/pdf-file/object-headers.ts) against the patterns
 * they replace, run on the file read as Latin-1: the same offsets, revision ends and answer.
 */
const OBJ_HEADER = /(?:^|[\r\n\s])(?<num>\d{1,10})\s+(?<gen>\d{1,5})\s+obj\b/gu;

function headersByPattern(text: string): Array<[number, number]> {
  const offsets = new Map<number, number>();
  OBJ_HEADER.lastIndex = 0;
  for (let m = OBJ_HEADER.exec(text); m; m = OBJ_HEADER.exec(text)) offsets.set(Number(m.groups!.num), m.index + m[0].length);
  return [...offsets];
}

function revisionEndsByText(text: string): number[] {
  const ends: number[] = [];
  for (let at = text.indexOf("%%EOF"); at >= 0; at = text.indexOf("%%EOF", at + 5)) ends.push(at);
  return ends;
}

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

/** Pieces a file is made of here, and the near misses: long numbers, words glued to "obj", odd spaces. */
const PIECE = fc.constantFrom("0", "1", "7", "12", "123456", "12345678901", " ", "  ", "\n", "\r", "\t", "\u00a0", "\u000b", "\f", "\u0085", "obj", "objx", "obj_", "obj1", "endobj", "x", "R", "<<", "%%EOF", "%%EO", "/Encrypt", "/EncryptX", "/Encrypt_");

describe("object headers, revision ends, encryption: byte scans", () => {
  it("find what the patterns find in the Latin-1 text", () => {
    fc.assert(
      fc.property(fc.array(PIECE, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const data = bytesOf(text);
        expect([...indexObjectHeaders(data)]).toEqual(headersByPattern(text));
        expect(findRevisionEnds(data)).toEqual(revisionEndsByText(text));
        expect(mentionsEncryption(data)).toBe(/\/Encrypt\b/u.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["1 0 obj", [[1, 7]]],
    ["\n12 0 obj\n<<>>\nendobj\n13 0 obj", [[12, 9], [13, 30]]],
    ["x12 0 obj", []],
    ["12 123456 obj", []],
    ["12345678901 0 obj", []],
    ["4 0 objstream", []],
    ["4 0obj", []],
    ["\u00a04\u00a00\u00a0obj", [[4, 8]]],
    ["5 0 obj 5 0 obj", [[5, 15]]],
  ] as Array<[string, Array<[number, number]>]>)("%j → %j", (text, expected) => {
    expect([...indexObjectHeaders(bytesOf(text))]).toEqual(expected);
  });

  it("read a view into a larger buffer from its own start", () => {
    const whole = bytesOf("garbage 9 0 obj then 3 0 obj %%EOF /Encrypt ");
    const view = whole.subarray(16);
    expect([...indexObjectHeaders(view)]).toEqual([[3, 12]]);
    expect(findRevisionEnds(view)).toEqual([13]);
    expect(mentionsEncryption(view)).toBe(true);
    expect(mentionsEncryption(whole.subarray(0, 30))).toBe(false);
  });
});
