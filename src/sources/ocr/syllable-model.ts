import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { findPackageData } from "../../util/find-package-data.js";

/**
 * The syllable bigram model of OCR post-correction (mô hình ngôn ngữ âm tiết): counts of
 * lower-case syllables and of syllable pairs in the born-digital documents of the corpus, built
 * by scripts/build-syllable-model.ts into data/ocr/syllable-bigrams.json.gz (shipped with the
 * package). Loaded once per thread, on the first OCR page.
 */

const MODEL_FILE = join("data", "ocr", "syllable-bigrams.json.gz");
/** Dirichlet prior of P(b | a): how much an unseen pair borrows from the unigram P(b). */
const PRIOR = 20;

interface ModelFile {
  syllables: string[];
  counts: number[];
  total: number;
  dictionary: number[];
  bigrams: number[];
}

export interface SyllableModel {
  /** Count of a lower-case syllable in the corpus (0 when unseen). */
  count(syllable: string): number;
  /** Count of the pair "a b". */
  pairCount(a: string, b: string): number;
  /** True when the corpus or the Hunspell word list knows the syllable. */
  isKnown(syllable: string): boolean;
  /** log P(b | a), smoothed toward the unigram P(b) (itself add-one smoothed). */
  logNext(a: string, b: string): number;
  /** Known syllables sharing a base form (letters without diacritics, đ as d). */
  variantsOf(base: string): readonly string[];
}

let loaded: SyllableModel | null | undefined;

/** The thread's model; null when the data file is not found (then nothing is corrected). */
export function loadSyllableModel(): SyllableModel | null {
  if (loaded === undefined) {
    // VANBAN_OCR_SPELLING=off measures OCR without post-correction (scripts/measure-ocr-fields.ts).
    const path = process.env.VANBAN_OCR_SPELLING === "off" ? null : findPackageData(import.meta.url, MODEL_FILE);
    loaded = path ? buildModel(JSON.parse(gunzipSync(readFileSync(path)).toString("utf8")) as ModelFile) : null;
  }
  return loaded;
}

/** Builds the in-memory model from the file's arrays; exported for tests with a small model. */
export function buildModel(file: ModelFile): SyllableModel {
  const index = new Map<string, number>();
  file.syllables.forEach((s, i) => index.set(s, i));
  const known = new Uint8Array(file.syllables.length);
  for (const i of file.dictionary) known[i] = 1;
  file.counts.forEach((n, i) => {
    if (n > 0) known[i] = 1;
  });
  const pairs = new Map<number, number>();
  const width = file.syllables.length;
  for (let k = 0; k + 2 < file.bigrams.length; k += 3) pairs.set(file.bigrams[k] * width + file.bigrams[k + 1], file.bigrams[k + 2]);
  const byBase = new Map<string, string[]>();
  file.syllables.forEach((s, i) => {
    if (!known[i]) return;
    const base = baseOf(s);
    const list = byBase.get(base);
    if (list) list.push(s);
    else byBase.set(base, [s]);
  });
  const vocabulary = file.syllables.length + 1;
  const count = (s: string) => {
    const i = index.get(s);
    return i === undefined ? 0 : file.counts[i];
  };
  const pairCount = (a: string, b: string) => {
    const i = index.get(a);
    const j = index.get(b);
    return i === undefined || j === undefined ? 0 : (pairs.get(i * width + j) ?? 0);
  };
  return {
    count,
    pairCount,
    isKnown: (s) => {
      const i = index.get(s);
      return i !== undefined && known[i] === 1;
    },
    logNext(a, b) {
      const unigram = (count(b) + 1) / (file.total + vocabulary);
      return Math.log((pairCount(a, b) + PRIOR * unigram) / (count(a) + PRIOR));
    },
    variantsOf: (base) => byBase.get(base) ?? [],
  };
}

/** Letters without diacritics (tone and quality marks dropped, đ → d), lower case. */
export function baseOf(word: string): string {
  return word.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/gu, "").replace(/đ/gu, "d");
}
