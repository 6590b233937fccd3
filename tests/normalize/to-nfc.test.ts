import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/normalize/index.js";
import { toNfc } from "../../src/text/to-nfc.js";

describe("toNfc: NFC without the quadratic reordering of endless mark runs", () => {
  it("is NFC for ordinary Vietnamese, marks of two classes included", () => {
    const decomposed = "Nghị quyết ở Hà Nội".normalize("NFD");
    expect(toNfc(decomposed)).toBe("Nghị quyết ở Hà Nội".normalize("NFC"));
  });

  it("keeps at most 8 combining marks on a letter", () => {
    const zalgo = `a${"\u0301\u0323".repeat(1000)}b`;
    const out = toNfc(zalgo);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out.endsWith("b")).toBe(true);
    expect(out).toBe(`a${"\u0301\u0323".repeat(4)}b`.normalize("NFC"));
  });

  it("normalizeText reads 500k marks on one letter (a hostile reproducer) at once", () => {
    const marks = "\u0301\u0300\u0303\u0309\u0323".repeat(100_000);
    expect(normalizeText(`Văn bản a${marks} hết`).length).toBeLessThan(30);
  });

  it("is String.prototype.normalize('NFC') of any text without long mark runs, normalizing only what may change", () => {
    // Bases, marks of several classes and scripts, Hangul jamo that compose into syllables,
    // characters NFC replaces (Ω, Å, a CJK compatibility ideograph), astral letters and marks.
    const unit = fc.constantFrom(..."aeoAEOuưyđ ", "\u0300", "\u0301", "\u0302", "\u0303", "\u0306", "\u0309", "\u031B", "\u0323", "\u0327", "\u0345", "\u05B0", "\u0591", "\u093C", "\u0B3E", "\u0B47", "\u1100", "\u1161", "\u11A8", "\uAC00", "\u2126", "\u212B", "\uF900", "\u00E9", "\u1EC7", "\u0958", "\u{1D15E}", "\u{1D165}", "\u{1F600}", "\u{11099}", "\u{110BA}");
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 })), fc.boolean(), (generated, spaced) => {
        if (/[\u0300-\u036F]{9}/u.test(generated)) return;
        // Spaced out by Latin text, the runs are normalized one by one; dense, the text is
        // handed to NFC whole after a few characters of another script.
        const text = spaced ? [...generated].map((c) => `${"v".repeat(70)}${c}`).join("") : generated;
        expect(toNfc(text)).toBe(text.normalize("NFC"));
      }),
      { numRuns: 5000 },
    );
  });

  it("is NFC around every BMP character, alone, after a base and beside marks", () => {
    // Latin padding, so that characters of other scripts are looked at one by one before the
    // text is handed to NFC whole: a character the scan takes for one NFC cannot reach fails here.
    const pad = "v".repeat(1024);
    const contexts = (c: string) => [c, `a${c}`, `\u0300${c}`, `${c}\u0316`, `\u1100${c}`, `\uAC00${c}`, `e\u0301${c}`, `${c}\u0301`];
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      for (const piece of contexts(String.fromCharCode(code))) {
        const text = `${pad}${piece}${pad}`;
        if (toNfc(text) !== text.normalize("NFC")) wrong.push(code.toString(16));
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });
});
