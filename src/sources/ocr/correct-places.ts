import { PROVINCE_CUE, PROVINCES } from "../../lexicon/place-names.js";
import { foldTones } from "../../text/fold.js";
import type { SyllableCorrection } from "./correct-syllables.js";
import { baseOf } from "./syllable-model.js";

/**
 * Province names read with wrong diacritics (tên tỉnh, thành phố): "Lâm Đông, ngày …" → "Lâm
 * Đồng". The syllable model never corrects a capitalised word inside a line (it may be a
 * person's name), so places are checked against the list of provinces instead: two or three
 * capitalised words whose letters, diacritics aside, are those of one province take its
 * spelling, where a place is certain: after "tỉnh"/"thành phố", or opening the place-date line
 * ("Lâm Đông, ngày"). "Ông Lâm Đông Hà" is a person. Same length, so offsets of earlier
 * corrections stay valid; tone placement ("Hoá"/"Hóa") is no correction.
 */

/** Provinces by their letters without diacritics (`baseOf`): the key a misread name shares with the name. */
const BY_LETTERS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string | null>();
  for (const name of PROVINCES) {
    const key = baseOf(name);
    // Two provinces with the same letters would make the choice a guess: neither is used.
    map.set(key, map.has(key) ? null : name);
  }
  return new Map([...map].filter((e): e is [string, string] => e[1] !== null));
})();

/** A capitalised word ("Lâm", "ĐÔNG"). */
const CAPITALISED_WORD = /(?<![\p{L}\p{M}\d])\p{Lu}[\p{L}\p{M}]*(?![\p{L}\p{M}\d])/gu;

/** Corrects the province names of one OCR line; see the module comment. */
export function correctPlaces(text: string): { text: string; corrections: SyllableCorrection[] } {
  const words = [...text.matchAll(CAPITALISED_WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const corrections: SyllableCorrection[] = [];
  let out = text;
  for (let i = 0; i < words.length; i++) {
    for (const n of [3, 2]) {
      const run = words.slice(i, i + n);
      if (run.length < n || run.some((w, k) => k > 0 && text.slice(run[k - 1].end, w.start) !== " ")) continue;
      const from = text.slice(run[0].start, run[n - 1].end);
      const name = BY_LETTERS.get(baseOf(from));
      if (!name) continue;
      const placeDateLine = run[0].start === 0 && text.startsWith(",", run[n - 1].end);
      if (!placeDateLine && !PROVINCE_CUE.test(text.slice(0, run[0].start))) continue;
      const to = from === from.toUpperCase() ? name.toUpperCase() : name;
      if (to.length === from.length && foldTones(to.normalize("NFC")) !== foldTones(from.normalize("NFC"))) {
        out = out.slice(0, run[0].start) + to + out.slice(run[n - 1].end);
        corrections.push({ start: run[0].start, end: run[n - 1].end, from, to });
      }
      i += n - 1;
      break;
    }
  }
  return { text: out, corrections };
}
