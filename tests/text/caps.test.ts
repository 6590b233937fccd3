import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countCase, isAllCaps } from "../../src/text/caps.js";

/** The definition scanCase implements with its table: a code unit is cased when its upper and lower forms differ. */
function referenceCounts(text: string): { letters: number; lower: number } {
  let letters = 0;
  let lower = 0;
  for (const ch of text.split("")) {
    const up = ch.toUpperCase();
    const down = ch.toLowerCase();
    if (up === down) continue;
    letters++;
    if (ch === down) lower++;
  }
  return { letters, lower };
}

describe("isAllCaps", () => {
  it.each([
    ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", true],
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true],
    ["QUYẾT ĐỊNH số 12", false], // 2 lower of 11 letters: under 85 % capitals
    ["Độc lập - Tự do - Hạnh phúc", false],
    ["ủy ban nhân dân", false],
    ["Số: 1696/QĐ-UBND", true], // 1 lower of 8 letters
    ["12/2020/NĐ-CP", true],
    ["123 456", false],
    ["Đ", false],
    ["ĐĂ", true],
    ["ΑΒΓ δ", false],
    ["ΑΒΓΔΕΖΗΘ δ", true],
  ])("%s → %s", (text, expected) => {
    expect(isAllCaps(text)).toBe(expected);
  });
});

describe("countCase", () => {
  it("counts Vietnamese letters outside ASCII, and nothing for marks, digits and CJK", () => {
    expect(countCase("Ủy ban")).toEqual({ letters: 5, lower: 4 });
    expect(countCase("ĐƯỜNG đường")).toEqual({ letters: 10, lower: 5 });
    expect(countCase("\u0301\u0323 123 中文 —")).toEqual({ letters: 0, lower: 0 });
  });

  it("agrees with toUpperCase/toLowerCase on any text (the table learns each code unit once)", () => {
    const alphabet = fc.constantFrom(..."aAzZ đĐăĂâÂêÊôÔơƠưƯàÀạẠỹỸ\u0301\u0323ßǅΣσςİı中ー0–\uD835\uDC00".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        expect(countCase(text)).toEqual(referenceCounts(text));
      }),
      { numRuns: 300 },
    );
  });
});
