import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countLetters } from "../../src/text/count-letters.js";

const byRegex = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

describe("countLetters", () => {
  it.each([
    ["", 0],
    ["Ủy ban nhân dân tỉnh Lâm Đồng", 23],
    ["Số: 12/QĐ-UBND", 8],
    ["e\u0301 1,5 µm²", 3], // a combining mark and ² are no letters; µ is
    ["中文 ກ Ж λ", 5],
    ["\u{1D400}\u{1D7CE}", 1], // 𝐀 (a letter) and 𝟎 (a digit) beyond the BMP
    ["\uD835 \uDC00", 0], // lone surrogates
  ])("%j → %i", (text, expected) => {
    expect(countLetters(text)).toBe(expected);
    expect(byRegex(text)).toBe(expected);
  });

  it("counts what /\\p{L}/gu matches, on any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string()), (text) => {
        expect(countLetters(text)).toBe(byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });
});
