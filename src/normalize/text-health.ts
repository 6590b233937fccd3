import { isVietnameseSyllable } from "../lexicon/syllable.js";
import { BoundedCache } from "../util/bounded-cache.js";

/**
 * Health of a text (chất lượng lớp chữ): how much of it reads as Vietnamese. The repair of PDF
 * text layers whose codes are glyph indices lives with the PDF source (sources/pdf/repair-glyphs.ts).
 */

/** Separators between words: spaces and punctuation that legitimately sits between words. */
const WORD_SEPARATOR = /[\s.,;:!?()[\]{}"“”«»…/\\|<>=\-–—_*#]+/u;
/** Quotes that may wrap a word; inside a word they are debris of a broken encoding. */
const WRAPPING_QUOTES = /^['‘’`]+|['‘’`]+$/gu;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /[0-9]/;
const ASCII_ONLY = /^[\x20-\x7E]*$/;
/** Acronyms of state documents (UBND, HĐND, KTTH, VLNCN, TTr) are not syllables and are skipped. */
const ACRONYM = /^[A-ZĐ]{2,8}[a-z]?$/u;
/** Letter case a real word can have: lower, Title or UPPER ("CÙng" is debris). */
const WELL_CASED = /^(?:\p{Lu}?[\p{Ll}\p{M}]*|[\p{Lu}\p{M}]+)$/u;

/** Above this many characters, `measureVietnamese` reads evenly spread samples only. */
const SAMPLE_THRESHOLD = 400_000;
const SAMPLE_WINDOWS = 16;
const SAMPLE_WINDOW = 16_000;

/** Letters of the Vietnamese alphabet (with f j w z for loan words), both cases, NFC. */
const ALPHABET: ReadonlySet<string> = (() => {
  const set = new Set("abcdefghijklmnopqrstuvwxyzđ");
  for (const vowel of "a ă â e ê i o ô ơ u ư y".split(" ")) {
    for (const tone of ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]) set.add((vowel + tone).normalize("NFC"));
  }
  for (const ch of [...set]) set.add(ch.toUpperCase());
  return set;
})();

/** Word verdicts are cached: the vocabulary of a document is small. */
const verdicts = new BoundedCache<string, boolean>(50_000);

/** A word (letters only, any normalization) that is a Vietnamese syllable, spelt and cased as one. */
export function isVietnameseWord(word: string): boolean {
  return verdicts.getOrCompute(word, (w) => {
    const nfc = w.normalize("NFC");
    return WELL_CASED.test(nfc) && [...nfc].every((ch) => ALPHABET.has(ch)) && isVietnameseSyllable(nfc);
  });
}

export interface VietnameseMeasure {
  /** Words counted (letters; single letters, acronyms and ASCII words with digits are skipped). */
  tokens: number;
  /** Counted words that are valid Vietnamese syllables. */
  valid: number;
  /** valid / tokens, 0 when there are no tokens. */
  share: number;
}

/**
 * How Vietnamese a text looks: the share of its words that are well-formed Vietnamese syllables
 * (Vietnamese letters, sensible case). Vietnamese prose scores above 0.9; mojibake ("Céng hoµ",
 * "Coäng hoøa"), glyph-index layers ("6Ӣ CÔNG 7+ѬѪ1*") and English score low. Single letters,
 * acronyms ("UBND TỈNH LÀO CAI" scores 1) and numbers are not counted. Texts over 400 000
 * characters are sampled (the counts are then those of the sample).
 */
export function measureVietnamese(text: string): VietnameseMeasure {
  let tokens = 0;
  let valid = 0;
  for (const piece of samplePieces(text)) {
    for (const raw of piece.split(WORD_SEPARATOR)) {
      const verdict = judgeWord(raw);
      if (verdict === null) continue;
      tokens++;
      if (verdict) valid++;
    }
  }
  return { tokens, valid, share: tokens === 0 ? 0 : valid / tokens };
}

/** Verdicts on raw words as split from text (most words of a text repeat). */
const judgements = new BoundedCache<string, boolean | null>(50_000);

/** true/false for a counted word, null for one that is skipped. */
function judgeWord(raw: string): boolean | null {
  if (raw.length < 2) return null;
  return judgements.getOrCompute(raw, judgeNewWord);
}

function judgeNewWord(raw: string): boolean | null {
  const word = raw.replace(WRAPPING_QUOTES, "");
  if (word.length < 2 || !HAS_LETTER.test(word)) return null;
  if (HAS_DIGIT.test(word) && ASCII_ONLY.test(word)) return null;
  if (isVietnameseWord(word)) return true;
  if (ACRONYM.test(word)) return null;
  return false;
}

function samplePieces(text: string): string[] {
  if (text.length <= SAMPLE_THRESHOLD) return [text];
  const pieces: string[] = [];
  const step = Math.floor((text.length - SAMPLE_WINDOW) / (SAMPLE_WINDOWS - 1));
  for (let k = 0; k < SAMPLE_WINDOWS; k++) {
    let start = k * step;
    let end = Math.min(text.length, start + SAMPLE_WINDOW);
    // Cut at spaces so that no word is counted in half.
    while (start > 0 && start < end && !/\s/.test(text[start - 1])) start++;
    while (end < text.length && end > start && !/\s/.test(text[end])) end--;
    pieces.push(text.slice(start, end));
  }
  return pieces;
}

/** An acronym of a state document (UBND, HĐND, TTr): not a syllable, yet not debris either. */
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}
