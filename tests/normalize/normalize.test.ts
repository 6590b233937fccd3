import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldKey, foldSlice, foldText, foldTones, sameWords, sliceFolded } from "../../src/text/fold.js";
import { normalizeText } from "../../src/normalize/normalize-text.js";
import { composeSyllable, isVietnameseSyllable, parseSyllable, tonePositions } from "../../src/lexicon/syllable.js";
import { unwrapLines } from "../../src/blocks/unwrap-lines.js";

describe("normalizeText", () => {
  it.each([
    ["tone on the final consonant (PDF extraction)", "Doanh nghiêp̣ Viêṭ Nam hôị nhâp̣", "Doanh nghiệp Việt Nam hội nhập"],
    ["tone after the space", "ai bi ̣bỏ laị phía sau", "ai bị bỏ lại phía sau"],
    ["decomposed input becomes NFC", "Quye\u0302\u0301t đi\u0323nh", "Quyết định"],
    ["Icelandic eth typed for đ", "Ðổi mới ðời sống", "Đổi mới đời sống"],
    ["non-breaking and repeated spaces", "Số:\u00a0\u00a0  12/QĐ-UBND ", "Số: 12/QĐ-UBND"],
    ["invisible characters", "Kế\u200b hoạch\u00ad số\ufeff 1", "Kế hoạch số 1"],
  ])("%s", (_, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
  it.each([
    ["old tone placement stays", "Hoà Bình, thuỷ lợi, khoẻ mạnh"],
    ["new tone placement stays", "Hòa Bình, thủy lợi, khỏe mạnh"],
    ["ethnic place names are not syllables and stay", "ĐăkBlà, Đăk Tô, Kroong"],
    ["words with quality marks", "người, giường, quốc, khuya"],
  ])("leaves valid text alone: %s", (_, text) => {
    expect(normalizeText(text)).toBe(text);
  });
  it("is idempotent", () => {
    const vietnamese = fc.string({ unit: fc.constantFrom(..."aăâeêioôơuưyđ ̣̀́̉̃ bcdghklmnpqrstvx,.-\u00a0\u0323\u0300".split("")), maxLength: 80 });
    fc.assert(fc.property(fc.oneof(fc.string(), vietnamese, fc.string({ unit: "grapheme" })), (s) => {
      const once = normalizeText(s);
      expect(normalizeText(once)).toBe(once);
    }), { numRuns: 2000 });
  });
});

describe("foldTones and matching", () => {
  it.each([
    ["Hoà", "Hòa"],
    ["UỶ BAN", "ỦY BAN"],
    ["khoẻ", "khỏe"],
    ["thuỷ", "thủy"],
  ])("%s folds to %s", (a, b) => {
    expect(foldTones(a)).toBe(b);
  });
  it("equals folding each word on its own (it only looks at open oa/oe/uy words)", () => {
    const byWord = (text: string) =>
      text.replace(/[\p{L}\p{M}]+/gu, (word) => {
        const syl = parseSyllable(word);
        if (!syl || syl.tone === null) return word;
        const { classic, modern } = tonePositions(syl);
        if (syl.tonePos === classic || syl.tonePos !== modern) return word;
        const folded = composeSyllable(syl.letters, syl.tone, classic);
        return folded.length === word.length ? folded : word;
      });
    const words = ["hoà", "hòa", "uỷ", "ủy", "Uỷ", "khoẻ", "quả", "quý", "thuỷ", "hoàn", "toán", "của", "Hoà", "HOÀ", "thoả", "xoè", "a", " ", "\n", "đ"];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 3 })), { maxLength: 40 }), (parts) => {
        const text = parts.join("").normalize("NFC");
        expect(foldTones(text)).toBe(byWord(text));
      }),
      { numRuns: 500 },
    );
  });
  /** A text of words that fold and words that do not, and a range of it cut anywhere. */
  const textAndRange = fc
    .tuple(fc.array(fc.oneof(fc.constantFrom("hoà", "uỷ", "Uỷ", "khoẻ", "quả", "thuỷ", "toán", "oà", "a", "q", " ", "\n", ".", "đ", "1"), fc.string({ maxLength: 2 })), { maxLength: 30 }), fc.nat(), fc.nat())
    .map(([parts, a, b]) => {
      const text = parts.join("").normalize("NFC");
      const start = text.length === 0 ? 0 : a % (text.length + 1);
      return { text, start, end: start + (text.length === 0 ? 0 : b % (text.length - start + 1)) };
    });
  it("folds a slice as the slice alone would fold, from the whole text's fold or afresh", () => {
    let fromWhole = 0;
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const slice = foldSlice(foldText(text), start, end);
        expect(slice).toBe(foldTones(text.slice(start, end)));
        if (slice === foldTones(text).slice(start, end)) fromWhole++;
      }),
      { numRuns: 3000 },
    );
    expect(fromWhole).toBeGreaterThan(1000);
  });
  it("reads any slice of the whole text's fold from the words it changed, cut anywhere (inside a changed word too)", () => {
    let changed = 0;
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const slice = sliceFolded(foldText(text), start, end);
        expect(slice).toBe(foldTones(text).slice(start, end));
        if (slice !== text.slice(start, end)) changed++;
      }),
      { numRuns: 3000 },
    );
    // Meaningless unless changed words fall inside many slices.
    expect(changed).toBeGreaterThan(100);
  });
  it("keeps the length of any text, so offsets carry over", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => {
      const n = s.normalize("NFC");
      expect(foldTones(n).length).toBe(n.length);
    }), { numRuns: 2000 });
  });
  it("compares case- and tone-placement-insensitively", () => {
    expect(sameWords("UỶ BAN NHÂN DÂN", "Ủy ban nhân dân")).toBe(true);
    expect(sameWords("hòa", "hóa")).toBe(false);
    expect(foldKey("  Quyết   Định ")).toBe("quyết định");
  });
});

describe("isVietnameseSyllable", () => {
  it.each([
    ["nghiệp", true], ["người", true], ["quốc", true], ["hoà", true], ["hòa", true], ["giường", true],
    ["laị", false], ["ĐăkBlà", false], ["6Ӣ", false], ["Papi", false], ["xyz", false],
  ])("%s → %s", (word, expected) => {
    expect(isVietnameseSyllable(word)).toBe(expected);
  });
});

describe("unwrapLines", () => {
  const lines = (text: string) =>
    text.split("\n").reduce<{ out: { text: string; gapBefore: number }[]; gap: number }>(
      (acc, line) => (line.trim() === "" ? { ...acc, gap: acc.gap + 1 } : { out: [...acc.out, { text: line, gapBefore: acc.gap }], gap: 0 }),
      { out: [], gap: 0 },
    ).out;
  it.each([
    ["a sentence wrapped across a blank line", "Chị thị số 34-CT/TW ngày 07\n\ntháng 4 năm 2014 của Bộ Chính trị.", ["Chị thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị."]],
    ["a symbol broken at its hyphen", "theo Nghị định số 15/2018/NĐ-\nCP ngày 02 tháng 02", ["theo Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02"]],
    ["list items stay apart", "- Thu ngân sách đạt 4.000 tỷ đồng;\n- Phấn đấu thành lập mới 310 doanh nghiệp;", ["- Thu ngân sách đạt 4.000 tỷ đồng;", "- Phấn đấu thành lập mới 310 doanh nghiệp;"]],
    ["a heading in capitals stays apart", "II. CÁC CHỈ TIÊU CHỦ YẾU\nTốc độ tăng trưởng", ["II. CÁC CHỈ TIÊU CHỦ YẾU", "Tốc độ tăng trưởng"]],
    ["a paragraph break after a full stop and a blank line", "xã hội.\n\nỦy ban nhân dân tỉnh phát động", ["xã hội.", "Ủy ban nhân dân tỉnh phát động"]],
    ["numbered items stay apart", "quốc tế.\n1. Tiếp tục tuyên truyền\n2. Căn cứ mục tiêu", ["quốc tế.", "1. Tiếp tục tuyên truyền", "2. Căn cứ mục tiêu"]],
    // Eight one-letter capitals lines join (one letter is no capitals line), and the paragraph's
    // counts then make it a capitals line (10 capitals of 13 letters, 11 of 14 … 18 of 21, over 85 %): it takes no more.
    ["a paragraph whose joined lines make it capitals", "ABCDEFGHIJ klm\nX\nX\nX\nX\nX\nX\nX\nX\ntiếp tục", ["ABCDEFGHIJ klm X X X X X X X X", "tiếp tục"]],
    ["a lost note mark before the full stop", "không ngừng phát triển\n. Thương mại", ["không ngừng phát triển. Thương mại"]],
  ])("%s", (_, text, expected) => {
    expect(unwrapLines(lines(text)).map((b) => b.text)).toEqual(expected);
  });
});
