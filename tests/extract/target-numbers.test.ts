import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readNumberToken } from "../../src/extract/targets/numbers.js";
import { EN_DECIMAL, EN_GROUPED, VN_GROUPED, VN_PLAIN } from "../../src/extract/targets/patterns.js";

/** The four rules of numbers.ts, by their patterns alone. */
function referenceToken(token: string): { value: number; intDigits: string; fracDigits: string; ambiguous: boolean } | null {
  const make = (intDigits: string, fracDigits: string, ambiguous: boolean) => ({
    value: Number(fracDigits ? `${intDigits}.${fracDigits}` : intDigits),
    intDigits,
    fracDigits,
    ambiguous,
  });
  let g = VN_GROUPED.exec(token)?.groups;
  if (g) return make(g.int.replaceAll(".", ""), g.frac ?? "", false);
  g = VN_PLAIN.exec(token)?.groups;
  if (g) return make(g.int, g.frac ?? "", false);
  g = EN_GROUPED.exec(token)?.groups;
  if (g) return make((g.int ?? g.int2).replaceAll(",", ""), g.frac ?? g.frac2 ?? "", true);
  g = EN_DECIMAL.exec(token)?.groups;
  if (g) return make(g.int, g.frac, true);
  return null;
}

describe("readNumberToken", () => {
  it.each([
    ["02", 2, false],
    ["2022", 2022, false],
    ["1.300", 1300, false],
    ["4.014,89", 4014.89, false],
    ["14,415", 14.415, false],
    ["1,234,567", 1234567, true],
    ["1.5", 1.5, true],
    ["123456789012345678", 123456789012345680, false],
  ])("%s → %d", (token, value, ambiguous) => {
    expect(readNumberToken(token)).toMatchObject({ value, ambiguous });
  });

  it.each(["", "1.2.3", "1.234.56", "1234567890123456789", "12a"])("%s is not a number", (token) => {
    expect(readNumberToken(token)).toBeNull();
  });

  it("reads any token as the four rules do", () => {
    const token = fc.array(fc.constantFrom(..."0123456789.,x"), { maxLength: 22 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(token, (t) => {
        expect(readNumberToken(t)).toEqual(referenceToken(t));
      }),
      { numRuns: 3000 },
    );
  });
});
