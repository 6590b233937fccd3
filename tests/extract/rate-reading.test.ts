import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRate } from "../../src/extract/targets/units.js";
import { COUNT_NOUNS } from "../../src/lexicon/target-words.js";
import { LETTER_RANGES } from "../../src/lexicon/letters.js";
import { escapeRegex } from "../../src/util/escape-regex.js";

/**
 * The rate pattern as it was before `readRate`: the nouns of several syllables as an alternation
 * inside it (slow to compile). `readRate` must read every rate exactly as it did.
 */
const L = LETTER_RANGES;
const S1 = String.raw`\s{1,4}`;
const MULTIWORD = COUNT_NOUNS.filter((n) => n.includes(" "))
  .sort((a, b) => b.length - a.length)
  .map((w) => escapeRegex(w).replace(/ /g, String.raw`\s+`))
  .join("|");
const REFERENCE = new RegExp(
  String.raw`\s{0,2}/\s{0,2}(?<per>(?:\d{1,3}(?:\.\d{3}){0,3}${S1})?(?:(?:vạn|nghìn|ngàn|triệu|một)${S1})?(?:(?:${MULTIWORD})(?![${L}])|[${L}]{1,12})(?:${S1}dân)?)`,
  "iuy",
);

function readReference(s: string, at: number): { per: string; end: number } | null {
  REFERENCE.lastIndex = at;
  const m = REFERENCE.exec(s);
  return m === null ? null : { per: m.groups!.per, end: REFERENCE.lastIndex };
}

describe("readRate", () => {
  it.each([
    ["%/năm;", 1, "năm"],
    ["giường/01 vạn dân;", 6, "01 vạn dân"],
    ["buổi/cơ sở giáo dục.", 4, "cơ sở giáo dục"],
    ["người/tổ dân phố dân", 5, "tổ dân phố dân"],
    ["người/Cơ  sở\ny tế", 5, "Cơ  sở\ny tế"],
    ["lượt/1.000 dân", 4, "1.000 dân"],
    ["lượt/cơ sở", 4, "cơ sở"],
    ["xã/cơ sởx", 2, "cơ"],
    ["đồng/khẩu", 4, "khẩu"],
  ])("%s", (text, at, per) => {
    expect(readRate(text, at)?.per).toBe(per);
    expect(readRate(text, at)).toEqual(readReference(text, at));
  });

  it.each([["%/ 100"], ["%/   năm"], ["%/"], ["% năm"]])("no rate: %s", (text) => {
    expect(readRate(text, 1)).toBeNull();
    expect(readReference(text, 1)).toBeNull();
  });

  it("reads what the single pattern read, on generated denominators", () => {
    const recase = (w: string) =>
      fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }).map((up) => [...w].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(""));
    const space = fc.constantFrom(" ", "  ", "\n", " \n ", "\t", "\u00A0", "     ", "");
    const word = fc.oneof(
      fc.constantFrom(...COUNT_NOUNS).chain(recase),
      fc.constantFrom(...COUNT_NOUNS).map((n) => n.split(" ")[0]),
      fc.constantFrom("dân", "Dân", "vạn", "một", "nghìn", "triệu", "01", "1.000", "10", "năm", "x", "khẩuabcdefghijklmno", "%", "/", ",", "2.5"),
    );
    const denominator = fc.array(fc.tuple(word, space), { maxLength: 6 }).map((parts) => parts.map(([w, sp]) => w.replaceAll(" ", sp || " ") + sp).join(""));
    fc.assert(
      fc.property(space, space, denominator, (before, after, rest) => {
        const text = `người${before}/${after}${rest}`;
        expect(readRate(text, 5)).toEqual(readReference(text, 5));
      }),
      { numRuns: Number(process.env.RATE_RUNS ?? 5000) },
    );
  });
});
