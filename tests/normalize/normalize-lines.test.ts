import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeLines } from "../../src/normalize/normalize-lines.js";
import { cleanCharacters, HAS_COMBINING, isUntouched, mayNeedNormalizing, normalizeSegment, repairStrayTones } from "../../src/normalize/normalize-text.js";
import { normalizeBlock } from "../../src/normalize/normalize-block.js";
import { orderFlow } from "../../src/blocks/order-flow.js";
import { readText } from "../../src/sources/text/index.js";

/** The definition `normalizeLines` must keep: `normalizeSegment` of each line, form feeds as spaces. */
function lineByLine(text: string): string[] {
  return text.split("\n").map((line) => normalizeSegment(line.split("\f").join(" ")));
}

const unit = fc.constantFrom(..."aăâeêioôơuưyđ ̣̀́̉̃ bcdghklmnpqrstvxAÔ,.-\u00a0\u00ad\u200b\u0323\u0300\u0301\u0309\t\f\n\r\u00d0\u00f0".split(""), "oà", "uý", "hoà", "laị", "tòan", "bi ̣", "\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301");

describe("isUntouched", () => {
  it.each([
    ["Nghị quyết số 12/NQ-HĐND “về” … ●\tx", true],
    ["a\u00a0b", false], // a space to make plain
    ["a\u200bb", false], // an invisible character
    ["Nghi\u0323", false], // a combining mark
    ["\u00d0\u00f0", false], // eth for đ
    ["\u2126", false], // NFC replaces it
    ["\u{1D400}", false], // astral: left to NFC
  ])("%s → %s", (text, expected) => {
    expect(isUntouched(text)).toBe(expected);
  });

  it("holds only for text the cleaning and the stray-mark repair give back as it is", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 30 })), (text) => {
        if (!isUntouched(text)) return;
        expect(repairStrayTones(cleanCharacters(text))).toBe(text);
        expect(HAS_COMBINING.test(text)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("normalizeLines", () => {
  it("gives each line what normalizeSegment gives it alone", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 120 }), fc.string({ unit: "grapheme", maxLength: 60 }), fc.string({ maxLength: 60 })), (text) => {
        expect(normalizeLines(text).lines).toEqual(lineByLine(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the same lines when the text spans several pieces (8,192 code units each)", () => {
    const lines = fc.array(fc.oneof(fc.string({ unit, maxLength: 80 }), fc.constantFrom("", "x".repeat(9_000))), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(lines, (parts) => {
        let text = parts.join("\n");
        while (text.length < 17_000) text += `\n${parts.join("\n")}`;
        const out = normalizeLines(text);
        expect(out.lines).toEqual(lineByLine(text));
        // Settled exactly when no line kept a combining mark, whichever piece it was in.
        expect(out.settled).toBe(out.lines.every((line) => !/[\u0300-\u036F]/u.test(line)));
      }),
      { numRuns: 30 },
    );
  });

  it("agrees with it on every text fixture", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(txt|md)$/u.test(name)) files.push(path);
      }
    };
    walk("fixtures");
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/\r\n?/gu, "\n");
      expect(normalizeLines(text).lines, file).toEqual(lineByLine(text));
    }
  });

  it("calls lines settled only when nothing in them, or in their joins, would change", () => {
    let settled = 0;
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 120 }), fc.string({ unit: "grapheme", maxLength: 60 }), fc.string({ maxLength: 60 })), (text) => {
        const out = normalizeLines(text);
        if (!out.settled) return;
        settled++;
        for (const line of out.lines) expect(mayNeedNormalizing(line), JSON.stringify(line)).toBe(false);
        expect(mayNeedNormalizing(out.lines.join(" "))).toBe(false);
      }),
      { numRuns: 3000 },
    );
    // The property means nothing unless both answers occur.
    expect(settled).toBeGreaterThan(300);
    expect(settled).toBeLessThan(2700);
  });

  it("leaves blocks of normalized lines as normalizeBlock would make them", () => {
    const lines = fc.array(fc.oneof(fc.string({ unit, maxLength: 60 }), fc.constantFrom("", "1. Mục tiêu", "tháng 4 năm 2014", ". Theo đó", "NĐ-", "CP ngày", "QUYẾT ĐỊNH", "\ufffd Ghi chú")), { maxLength: 12 });
    fc.assert(
      fc.property(lines, (parts) => {
        const source = readText(parts.join("\n"));
        for (const block of orderFlow(source.blocks)) expect(normalizeBlock(block, source)).toEqual(normalizeBlock(block, {}));
      }),
      { numRuns: 3000 },
    );
  });
});
