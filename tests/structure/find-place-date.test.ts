import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLACE_DATE } from "../../src/lexicon/dates.js";
import { findPlaceDate } from "../../src/structure/find-place-date.js";

/** What a match says: where it starts, what it covers, its groups. */
function summary(m: RegExpExecArray | null): unknown {
  return m === null ? null : { index: m.index, text: m[0], groups: { ...m.groups } };
}

describe("findPlaceDate", () => {
  it.each([
    ["Kon Tum, ngày 15 tháng 01 năm 2023", "Kon Tum"],
    ["Thành phố Hồ Chí Minh, ngày 02 tháng 3 năm 2021", "Thành phố Hồ Chí Minh"],
    ["TP. Đà Lạt, ngày 5 tháng 6 năm 2025", "TP. Đà Lạt"],
    // Words glued by the extraction: the place starts at the capital inside the run, as PLACE_DATE finds it.
    ["UBND tỉnhLâm Đồng, ngày 1 tháng 2 năm 2024", "Lâm Đồng"],
    ["Số: 12/BC-UBND Lâm Đồng, ngày tháng 3 năm 2025", "UBND Lâm Đồng"],
  ])("%s → place %s, as PLACE_DATE reads it", (line, place) => {
    expect(findPlaceDate(line)?.groups?.place).toBe(place);
    expect(summary(findPlaceDate(line))).toEqual(summary(PLACE_DATE.exec(line)));
  });

  it.each(["Kon Tum ngày 15 tháng 01 năm 2023", "ngày 15 tháng 01 năm 2023", "Kon Tum, ngày", ""])("no place-and-date in %j", (line) => {
    expect(findPlaceDate(line)).toBeNull();
    expect(PLACE_DATE.exec(line)).toBeNull();
  });

  it("finds what PLACE_DATE finds, where it finds it, on any line of place words, glued words, commas and dates", () => {
    const unit = fc.constantFrom("Kon", "Tum", "Hà", "Nội", "tỉnh", "ĐÀ", "Lạt", "phố", "xã", "TP.", "Ạ", "a", "'", "’", ".", ",", ", ", " ", "  ", "ngày", "tháng", "năm", "15", "2023", "/", "\n");
    // Free lines, and lines whose date is whole, so that the place before it is what varies.
    const lines = fc.oneof(
      fc.array(unit, { maxLength: 25 }).map((units) => units.join("")),
      fc.tuple(fc.array(unit, { maxLength: 12 }), fc.array(unit, { maxLength: 4 })).map(([before, after]) => `${before.join("")}, ngày 15 tháng 01 năm 2023${after.join("")}`),
    );
    fc.assert(
      fc.property(lines, (line) => {
        expect(summary(findPlaceDate(line))).toEqual(summary(PLACE_DATE.exec(line)));
      }),
      { numRuns: 20_000 },
    );
  });
});
