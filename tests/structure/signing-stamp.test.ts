import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SIGNING_STAMP, SIGNING_STAMP_MARK } from "../../src/lexicon/signing-stamps.js";

describe("SIGNING_STAMP", () => {
  it.each([
    ["Ký bởi: Văn phòng UBND tỉnh", true],
    ["Thời gian ký: 15.01.2025 10:20:31 +07:00", true],
    ["Email: vanphong@lamdong.gov.vn", true],
    ["KÝ BỞI : SỞ TÀI CHÍNH", true],
    ["Ký bởi Văn phòng", false],
    ["Email của đơn vị", false],
  ])("%s → %s", (text, expected) => {
    expect(SIGNING_STAMP.test(text)).toBe(expected);
  });

  it("matches only text that holds its mark, which readStructure searches for first", () => {
    const piece = fc.constantFrom(..."Ký|KÝ|bởi|BỞI|Thời|gian|ký|Email|EMAIL|@|a|x.vn|:|：| |\t|-|1".split("|"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        if (SIGNING_STAMP.test(text)) expect(text).toContain(SIGNING_STAMP_MARK);
      }),
      { numRuns: 3000 },
    );
  });
});
