import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCues } from "../../src/extract/targets/classify.js";
import { CUE_AT } from "../../src/extract/targets/patterns.js";
import { isLetterCode } from "../../src/lexicon/letters.js";
import type { Mask, Measure } from "../../src/extract/targets/find-measures.js";

/**
 * The definition findCues implements with its two patterns: a cue matched anywhere, refused
 * inside a word (the search goes on from the next code unit), kept outside brackets and figures.
 */
function referenceCues(s: string, brackets: Mask[] = []): Array<{ start: number; end: number; kind: string }> {
  const re = new RegExp(CUE_AT.source, "gu");
  const out: Array<{ start: number; end: number; kind: string }> = [];
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m.index > 0 && isLetterCode(s.charCodeAt(m.index - 1))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    if (brackets.some((b) => b.start <= m!.index && m!.index < b.end)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: m.groups!.target !== undefined ? "target" : "result" });
  }
  return out;
}

const cuesOf = (s: string, brackets: Mask[] = [], measures: Measure[] = []) =>
  findCues(s, brackets, measures).map((c) => `${c.kind}:${s.slice(c.start, c.end)}@${c.start}`);

describe("findCues", () => {
  it.each([
    ["Phấn đấu đạt 95%", ["target:Phấn đấu@0"]],
    ["doanh thu ước đạt 17.627 tỷ đồng", ["result:ước đạt@10"]],
    ["nước sạch đạt 90%", []], // "ước" inside "nước"
    ["Chương trình mục tiêu quốc gia", []],
    ["(đã giải ngân) 50 tỷ", ["result:đã@1"]],
    ["năm 2022đã có", ["result:đã@8"]], // after a digit: not a letter
    ["\u{1D400}đã xong", ["result:đã@2"]], // after a pair of surrogates
    ["kết quả, chỉ tiêu; dự kiến", ["result:kết quả@0", "target:chỉ tiêu@9", "target:dự kiến@19"]],
    ["đã đạt được", ["result:đã@0", "result:đạt được@3"]],
    ["hiện có, thực hiện có", ["result:hiện có@0"]],
    ["Ước thực hiện thu ngân sách", ["result:Ước thực hiện@0"]], // not "thực hiện thu" again, inside the first
  ])("%s", (text, expected) => {
    expect(cuesOf(text)).toEqual(expected);
  });

  it("keeps no cue inside brackets or inside a figure's text", () => {
    const s = "năm qua (đã có) tăng dự toán giao";
    const measure = { start: 20, regionEnd: 33 } as Measure;
    expect(cuesOf(s, [{ start: 8, end: 15 }], [measure])).toEqual(["result:năm qua@0"]);
  });

  it("finds the cues the definition finds, on any text", () => {
    const piece = fc.constantFrom(
      ..."đã|ước|ước đạt|Ước thực hiện|thực hiện|thu|nước|Đã|đạt được|chỉ tiêu|mục tiêu|trình|quốc gia|kết|quả|hiện|có|thực|lũy kế|năm|qua|cùng kỳ|a|x|ư| |  |\n|,|(|)|1|2022|-|\u{1D400}|\uDC00|\u0301".split("|"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 2 }), (pieces, cuts) => {
        const s = pieces.join("");
        // At most one bracket span, anywhere in the text.
        const [a, b] = cuts.map((c) => c % (s.length + 1)).sort((x, y) => x - y);
        const brackets = b !== undefined && a < b ? [{ start: a, end: b }] : [];
        const found = findCues(s, brackets, []).map(({ start, end, kind }) => ({ start, end, kind }));
        expect(found).toEqual(referenceCues(s, brackets));
      }),
      { numRuns: 2000 },
    );
  });
});
