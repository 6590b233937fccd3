import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { isLetterCode, LETTER_CLASS, LETTER_OR_MARK, LETTER_RANGES, LOWER_CLASS, MARK_CLASS, NUMERAL_CLASS, UPPER_CLASS, WORD_CLASS } from "../../src/lexicon/letters.js";
import { TONE_MARKS } from "../../src/lexicon/syllable.js";

/** The blocks the explicit classes cover: Latin (with IPA and modifier letters), combining marks, Greek, Cyrillic, Latin Extended Additional. */
const COVERED: Array<[number, number]> = [
  [0x0000, 0x02ff],
  [0x0300, 0x036f],
  [0x0370, 0x03ff],
  [0x0400, 0x052f],
  [0x1e00, 0x1eff],
];
const covered = (c: number) => COVERED.some(([a, b]) => c >= a && c <= b);
const classOf = (ranges: string) => new RegExp(`^[${ranges}]$`, "u");

/** Every code point of the BMP but surrogates, and a sample of the planes above. */
function* codePoints(): Generator<number> {
  for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) yield c;
  for (let c = 0x10000; c <= 0x10ffff; c += 97) yield c;
}

describe("explicit letter classes", () => {
  it.each([
    ["LETTER_CLASS", LETTER_CLASS, /^\p{L}$/u],
    ["MARK_CLASS", MARK_CLASS, /^\p{M}$/u],
    ["NUMERAL_CLASS", NUMERAL_CLASS, /^\p{N}$/u],
    ["WORD_CLASS", WORD_CLASS, /^[\p{L}\p{M}\p{N}]$/u],
  ])("%s is the Unicode property inside the covered blocks, and nothing outside them", (_name, ranges, property) => {
    const explicit = classOf(ranges);
    const wrong: string[] = [];
    for (const c of codePoints()) {
      const ch = String.fromCodePoint(c);
      const expected = covered(c) && property.test(ch);
      if (explicit.test(ch) !== expected) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ["UPPER_CLASS", UPPER_CLASS, /^\p{Lu}$/u, /^\p{Ll}$/u],
    ["LOWER_CLASS", LOWER_CLASS, /^\p{Ll}$/u, /^\p{Lu}$/u],
  ])("%s holds only letters of its case, and every letter of the Vietnamese alphabet in that case with every tone", (_name, ranges, own, other) => {
    const explicit = classOf(ranges);
    for (const c of codePoints()) {
      const ch = String.fromCodePoint(c);
      if (explicit.test(ch)) expect(own.test(ch), c.toString(16)).toBe(true);
    }
    const lower = own.test("a");
    const vowels = [..."aăâeêioôơuưy"].flatMap((base) => [base, ...[...TONE_MARKS].map((mark) => (base + mark).normalize("NFC"))]);
    const letters = [...vowels, ..."bcdđghklmnpqrstvxfjwz"];
    expect(vowels.every((v) => v.length === 1)).toBe(true);
    for (const letter of letters) {
      const cased = lower ? letter : letter.toUpperCase();
      expect(explicit.test(cased), cased).toBe(true);
      expect(other.test(cased)).toBe(false);
    }
    // Latin-1's own letters are there too ("MÜNCHEN", "Ñ"); × and ÷ are not letters.
    expect(explicit.test(lower ? "ü" : "Ü")).toBe(true);
    expect(explicit.test("×") || explicit.test("÷")).toBe(false);
  });

  it("LETTER_OR_MARK tests one letter or mark of the covered scripts", () => {
    expect(["ệ", "Đ", "\u0323", "ж", "λ"].map((c) => LETTER_OR_MARK.test(c))).toEqual([true, true, true, true, true]);
    expect(["1", " ", "-", "中", "ກ"].map((c) => LETTER_OR_MARK.test(c))).toEqual([false, false, false, false, false]);
  });
});

/**
 * Patterns on the parse path spell their classes with the lexicon's ranges, not `\p{…}`: a property
 * class costs up to 1.5 ms to compile in every process (docs/performance.md). Left with `\p{…}`:
 * counters that judge text of any script (letters for page health, text health, the DOCX
 * header-table capitals), NFC's test of which characters it may change (every script's marks),
 * the OCR reader, which runs seconds per page, and the cross-document linker.
 */
describe("isLetterCode", () => {
  it("is LETTER_RANGES on every UTF-16 code unit (the target cues rely on it)", () => {
    const ranges = new RegExp(`^[${LETTER_RANGES}]$`);
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isLetterCode(c) !== ranges.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    expect(wrong).toEqual([]);
  });
});

describe("property classes in patterns", () => {
  const ALLOWED = [
    "src/lexicon/letters.ts",
    "src/normalize/text-health.ts",
    "src/text/count-letters.ts",
    "src/text/to-nfc.ts",
    "src/sources/word/classify-tables.ts",
    /^src\/sources\/ocr\//,
    /^src\/link\//,
  ];
  const root = join(import.meta.dirname, "../..");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) files.push(relative(root, path));
    }
  };
  walk(join(root, "src"));

  it("are found nowhere else in src/", () => {
    const offending = files.filter((file) => {
      if (ALLOWED.some((a) => (typeof a === "string" ? a === file : a.test(file)))) return false;
      const code = readFileSync(join(root, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
      return /\\p\{/.test(code);
    });
    expect(files.length).toBeGreaterThan(100);
    expect(offending).toEqual([]);
  });
});
