/**
 * Builds the syllable bigram model of OCR post-correction (mô hình âm tiết) from the
 * born-digital documents of a corpus: DOCX, .doc and PDFs with a text layer are parsed with
 * the library (never OCR), their text cut into lower-case Vietnamese syllables, and unigram
 * and bigram counts written as gzip'd JSON to data/ocr/syllable-bigrams.json.gz.
 * Not run by the tests. Usage:
 *   npx tsx scripts/build-syllable-model.ts [../shared/corpus/lamdong]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "../src/index.js";
import { isVietnameseSyllable } from "../src/lexicon/syllable.js";

const corpus = process.argv[2] ?? join(import.meta.dirname, "../../shared/corpus/lamdong");
const OUT = join(import.meta.dirname, "../data/ocr/syllable-bigrams.json.gz");
/** Pruning: rarer pairs say little and would make the file large. */
const MIN_UNIGRAM = 1;
const MIN_BIGRAM = 1;
/** Two syllables separated by one space only (punctuation breaks a bigram). */
const RUN = /[\p{L}\p{M}]+(?: [\p{L}\p{M}]+)*/gu;

const manifest = readFileSync(join(corpus, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1);
const unigrams = new Map<string, number>();
const bigrams = new Map<string, number>();
let files = 0;
let syllables = 0;
const seen = new Set<string>();
for (const row of manifest) {
  const [file, sha, , scan] = row.split("\t");
  if (scan || seen.has(sha)) continue; // scans are what we correct, not what we learn from
  seen.add(sha);
  let text: string;
  try {
    const record = await parse(join(corpus, file), { ocr: "never", timeout: 60_000 });
    if (record.source.format === "pdf" && record.warnings.some((w) => w.code === "ocr_unavailable" || w.code === "pages_unreadable")) continue;
    text = record.text;
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  files++;
  for (const run of text.match(RUN) ?? []) {
    let prev: string | null = null;
    for (const raw of run.split(" ")) {
      const word = raw.toLowerCase();
      if (!isVietnameseSyllable(word)) {
        prev = null;
        continue;
      }
      syllables++;
      unigrams.set(word, (unigrams.get(word) ?? 0) + 1);
      if (prev) bigrams.set(prev + " " + word, (bigrams.get(prev + " " + word) ?? 0) + 1);
      prev = word;
    }
  }
}

// The Hunspell word list (dictionary-vi, a dev dependency) says which syllables are words of the
// language; syllables it knows that the corpus never used join the vocabulary with count 0.
const dictionary = readFileSync(join(import.meta.dirname, "../node_modules/dictionary-vi/index.dic"), "utf8")
  .split("\n")
  .slice(1)
  .map((line) => line.split("/")[0].trim().toLowerCase().normalize("NFC"))
  .filter((w) => isVietnameseSyllable(w));
const known = new Set(dictionary);
for (const w of known) if (!unigrams.has(w)) unigrams.set(w, 0);
const vocabulary = [...unigrams].filter(([w, n]) => n >= MIN_UNIGRAM || known.has(w)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const index = new Map(vocabulary.map(([w], i) => [w, i]));
const pairs: number[] = [];
for (const [pair, n] of [...bigrams].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (n < MIN_BIGRAM) continue;
  const [a, b] = pair.split(" ");
  const i = index.get(a);
  const j = index.get(b);
  if (i === undefined || j === undefined) continue;
  pairs.push(i, j, n);
}
const model = {
  about: `Syllable counts of ${files} born-digital documents (${syllables} syllables); pairs seen at least ${MIN_BIGRAM} times.`,
  syllables: vocabulary.map(([w]) => w),
  counts: vocabulary.map(([, n]) => n),
  total: syllables,
  /** Indices of the syllables the Hunspell list knows. */
  dictionary: vocabulary.flatMap(([w], i) => (known.has(w) ? [i] : [])),
  /** Flat triples: first syllable index, second syllable index, count. */
  bigrams: pairs,
};
const gz = gzipSync(JSON.stringify(model), { level: 9 });
writeFileSync(OUT, gz);
console.log(`${unigrams.size} syllable types, ${bigrams.size} pair types seen; ${files} files, ${syllables} syllables, ${vocabulary.length} types, ${pairs.length / 3} pairs → ${OUT} (${gz.length} bytes)`);
