import { describe, expect, it } from "vitest";
import { IN_LINE, NOT_SPACE, NOT_WORD } from "../../src/lexicon/fold-free-classes.js";

/** Every code point (surrogate halves included) on which the two one-character patterns disagree. */
function disagreements(a: RegExp, b: RegExp): number[] {
  const out: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const c = String.fromCodePoint(cp);
    if (a.test(c) !== b.test(c)) out.push(cp);
  }
  return out;
}

describe("fold-free classes match what they replace", () => {
  it.each([
    ["\\S", NOT_SPACE],
    ["\\W", NOT_WORD],
    [".", IN_LINE],
  ])("%s, under every combination of the i and u flags", (escape, replacement) => {
    for (const flags of ["iu", "u", "i", ""]) {
      expect(disagreements(new RegExp(`^${escape}$`, flags), new RegExp(`^${replacement}$`, flags)), flags).toEqual([]);
    }
  });
});
