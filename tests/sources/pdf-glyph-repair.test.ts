import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { measureVietnamese } from "../../src/normalize/text-health.js";
import { findFontRepair } from "../../src/sources/pdf/repair-glyphs.js";

const FIXTURES = new URL("../../fixtures/encodings/", import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), "utf8");

const SENTENCE = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Quyết định về việc giao nhiệm vụ cho Sở Công Thương tỉnh Lào Cai.";

/** Share of the expected words found, in order, in the actual text. */
function wordRecall(expected: string, actual: string): number {
  const want = expected.split(/\s+/).filter(Boolean);
  const got = actual.split(/\s+/).filter(Boolean);
  // Longest common subsequence of words.
  let prev = new Array<number>(got.length + 1).fill(0);
  for (const w of want) {
    const row = new Array<number>(got.length + 1).fill(0);
    for (let j = 1; j <= got.length; j++) row[j] = w === got[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return prev[got.length] / want.length;
}

/** The font's text repaired, with how, or null. */
function repair(text: string) {
  const r = findFontRepair(text);
  return r && { text: r.apply(text), mode: r.mode, shift: r.shift };
}

describe("findFontRepair", () => {
  it("repairs the glyph-index runs of the brief's example (SỞ CÔNG THƯƠNG, UBND TỈNH LÀO CAI)", () => {
    // "CÔNG" and "UBND … LÀO CAI" came from a sound font: only the glyph-index font's runs are given.
    expect(repair("6Ӣ 7+ѬѪ1*")).toEqual({ text: "SỞ THƯƠNG", mode: "glyphs", shift: -29 });
    expect(repair("7ӌ1+")).toEqual({ text: "TỈNH", mode: "glyphs", shift: -29 });
  });

  it("repairs a one-letter run by its characters", () => {
    expect(repair("ӕ")).toEqual({ text: "ố", mode: "letters", shift: 0 });
    expect(repair("ѬѪ")).toEqual({ text: "ƯƠ", mode: "letters", shift: 0 });
  });

  it("leaves sound text alone", () => {
    expect(findFontRepair(fixture("qd-ngaigiao-excerpt.txt"))).toBeNull();
    expect(findFontRepair(SENTENCE)).toBeNull();
    expect(findFontRepair("Km0 - Km2+571; IC14; 1894/TB-SCT")).toBeNull();
  });

  it("gives up on garbage it cannot read", () => {
    expect(findFontRepair(fixture("qd-ngaigiao-excerpt.vni.txt"))).toBeNull();
    expect(findFontRepair("Россия и Украина подписали соглашение о перемирии")).toBeNull();
  });

  describe("on the real Thông báo tb-1894, font by font", () => {
    type Run = [page: number, font: string, text: string, eol: 0 | 1];
    const runs = JSON.parse(fixture("tb-1894-runs.json")) as Run[];
    const byFont = new Map<string, string[]>();
    for (const [, font, text] of runs) byFont.set(font, [...(byFont.get(font) ?? []), text]);
    const repairs = new Map([...byFont].map(([font, texts]) => [font, findFontRepair(texts.join(" "))]));

    it("finds one repair per embedded font", () => {
      const summary = Object.fromEntries([...repairs].map(([font, r]) => [font, r ? `${r.mode} ${r.layout} ${r.shift}` : null]));
      expect(summary).toEqual({
        "SGRRPG+TimesNewRomanPSMT": "letters times-regular 0",
        "XXGMZY+TimesNewRomanPS-BoldMT": "letters times-regular 0",
        "BKGMBX+TimesNewRomanPS-ItalicMT": "letters times-regular 0",
        "XKNDLD+TimesNewRomanPSMT": "glyphs times-regular -29",
        "NGVCCN+TimesNewRomanPS-BoldMT": "glyphs times-regular -29",
        "RFXXLE+TimesNewRomanPS-ItalicMT": "glyphs times-italic -29",
        "HBAXLV+TimesNewRomanPS-BoldItalicMT": "glyphs times-italic -29",
        "ISOGOA+TimesNewRomanPSMT": null,
        "PYGQUB+TimesNewRomanPSMT": null,
      });
    });

    it("repairs the runs so that the page reads as its image", () => {
      let page1 = "";
      for (const [page, font, text, eol] of runs) {
        if (page !== 1) continue;
        page1 += (repairs.get(font)?.apply(text) ?? text) + (eol ? "\n" : "");
      }
      expect(page1).toContain("SỞ CÔNG THƯƠNG");
      expect(page1).toContain("Kết quả kiểm tra việc chấp hành Quy định của pháp luật");
      expect(page1).toContain("Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở");
      expect(page1).toContain("Mù Cang Chải, tỉnh Lào Cai");
      expect(measureVietnamese(page1).share).toBeGreaterThanOrEqual(0.95);
      expect(wordRecall(fixture("tb-1894-page1.expected.txt"), page1)).toBeGreaterThanOrEqual(0.95);
    });
  });
});
