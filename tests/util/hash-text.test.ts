import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashText } from "../../src/util/hash-text.js";

/** What hashText must equal: the hash and length of the text encoded whole. */
function reference(text: string): { sha256: string; bytes: number } {
  const bytes = Buffer.from(text, "utf8");
  return { sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

/** Code units that test the piece edges: ASCII, Vietnamese, both halves of a pair, alone or together. */
const UNIT = fc.constantFrom("a", " ", "\n", "ệ", "đ", "\u0301", "😀", "\uD83D", "\uDE00", "€");

describe("hashText", () => {
  it.each([
    ["short", "Số: 12/BC-UBND"],
    ["a pair across the first piece's end", `${"a".repeat(16_383)}😀b`],
    ["a high surrogate alone at the piece's end", `${"a".repeat(16_383)}\uD83Db`],
    ["a low surrogate alone at the next piece's start", `${"a".repeat(16_384)}\uDE00b`],
    ["several pieces of Vietnamese", "Nghị quyết số 05-NQ/TU ".repeat(5_000)],
    ["pieces of three-byte characters only", "ệ€".repeat(20_000)],
    ["pieces of pairs only", "😀".repeat(20_000)],
  ])("%s: the hash and length of the whole text's UTF-8 bytes", (_name, text) => {
    expect(hashText(text)).toEqual(reference(text));
  });

  it("equals the whole text's hash for any text, pieces cut anywhere", () => {
    const text = fc.array(UNIT, { maxLength: 40 }).map((units) => units.join(""));
    // Padding puts the units around the piece edge (16,384 code units).
    fc.assert(
      fc.property(fc.integer({ min: 16_360, max: 16_390 }), text, (pad, tail) => {
        const whole = "x".repeat(pad) + tail + tail;
        expect(hashText(whole)).toEqual(reference(whole));
      }),
      { numRuns: 300 },
    );
  });
});
