import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairEveryWord, repairTonedPairs } from "../../src/normalize/normalize-text.js";
import { TONE_MARKS } from "../../src/lexicon/syllable.js";

const toned = (vowel: string, mark: string) => (vowel + mark).normalize("NFC");

describe("repairTonedPairs", () => {
  it("repairs each word that holds a vowel followed by a toned vowel, as the repair of that word alone does", () => {
    const vowel = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
    const tonedVowel = [...vowel].flatMap((v) => [...TONE_MARKS].map((m) => toned(v, m))).join("");
    const pair = new RegExp(`[${vowel}][${tonedVowel}]`, "u");
    const word = /[\p{L}\p{M}]+/gu;
    const reference = (text: string) => text.replace(word, (w) => (pair.test(w) ? repairEveryWord(w) : w));
    const unit = fc.constantFrom(..."aăâeêioôơuưy ".split(""), "ệ", "ờ", "ị", "ặ", "ể", "ợ", "ó", "à", "ý", "Ổ", "th", "ng", "c", "qu", "gi", "t", ",", "\n");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        expect(repairTonedPairs(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});
