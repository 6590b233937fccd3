import { CONFUSABLE_LETTERS } from "../../lexicon/ocr-confusions.js";
import { isVietnameseSyllable } from "../../lexicon/syllable.js";
import { foldTones } from "../../text/fold.js";
import { baseOf, type SyllableModel } from "./syllable-model.js";

/**
 * Vietnamese post-correction of OCR text (hiệu đính chính tả sau nhận dạng): a word is replaced
 * only when the syllable bigram model strongly prefers, in the word's context, a variant that
 * differs in diacritics ("CHÍ THỊ" → "CHỈ THỊ", "chuyển đôi số" → "chuyển đổi số"), in one
 * confusable letter ("RHÓ" → "PHÓ") or by a vowel read twice ("YÊU CÀẦU" → "YÊU CẦU"). Every
 * change is returned with its place so the record can warn about it. Pure.
 */

/** A word of letters not glued to digits, slashes or hyphens (a ký hiệu such as "QĐ-UBND" stays). */
const WORD = /(?<![\p{L}\p{M}\d/-])[\p{L}\p{M}]+(?![\p{L}\p{M}\d/-])/gu;
/** Between two words of one phrase: spaces only. */
const PHRASE_GAP = /^ +$/u;
/** How much likelier (natural log) the variant must make the context: ×1000 over a real word, ×20 over a non-word. */
const MARGIN_OVER_WORD = Math.log(1000);
const MARGIN_OVER_NONWORD = Math.log(20);
/** The variant must beat any other variant too (×3), or the choice is a guess. */
const MARGIN_OVER_RIVAL = Math.log(3);
/** The corpus must have seen the variant beside one of its neighbours this often. */
const MIN_PAIR_EVIDENCE = 3;
/** Longest Vietnamese syllable ("nghiêng"): longer words are not syllables to correct. */
const MAX_SYLLABLE = 7;

/** One replaced word: `start`/`end` in the corrected text. */
export interface SyllableCorrection {
  start: number;
  end: number;
  from: string;
  to: string;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Corrects the words of one OCR line; see the module comment. */
export function correctSyllables(text: string, model: SyllableModel): { text: string; corrections: SyllableCorrection[] } {
  // Capitals inside a line in lower case are an acronym ("CCN", "NN"), not a word to correct.
  const capsLine = text === text.toUpperCase();
  const tokens: Token[] = [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const corrections: SyllableCorrection[] = [];
  let out = "";
  let copied = 0;
  let prevWord: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const prev: string | null = i > 0 && PHRASE_GAP.test(text.slice(tokens[i - 1].end, token.start)) ? prevWord : null;
    const nextToken = tokens[i + 1];
    const next = nextToken && PHRASE_GAP.test(text.slice(token.end, nextToken.start)) ? nextToken.text.toLowerCase() : null;
    const acronym = !capsLine && token.text.length > 1 && token.text === token.text.toUpperCase();
    const replacement: string | null = acronym ? null : chooseVariant(token, prev, next, model);
    prevWord = (replacement ?? token.text).toLowerCase();
    if (replacement === null) continue;
    out += text.slice(copied, token.start);
    corrections.push({ start: out.length, end: out.length + replacement.length, from: token.text, to: replacement });
    out += replacement;
    copied = token.end;
  }
  out += text.slice(copied);
  return { text: out, corrections };
}

/** The variant to write instead of the token, in the token's case; null to keep it. */
function chooseVariant(token: Token, prev: string | null, next: string | null, model: SyllableModel): string | null {
  const word = token.text.normalize("NFC");
  const lower = word.toLowerCase();
  const casing = caseOf(word);
  if (casing === null || [...lower].length > MAX_SYLLABLE) return null;
  const isWord = isVietnameseSyllable(lower) && model.isKnown(lower);
  // A capitalised real word inside a line is a name (Lâm Đồng, Nguyễn Văn Sỹ): leave it.
  if (isWord && casing === "title" && token.start > 0) return null;
  const context = { prev: prev && model.isKnown(prev) ? prev : null, next: next && model.isKnown(next) ? next : null };
  if (!context.prev && !context.next) return null;
  const score = (s: string) => (context.prev ? model.logNext(context.prev, s) : Math.log((model.count(s) + 1) / 1e6)) + (context.next ? model.logNext(s, context.next) : 0);
  const own = score(lower);
  let best: string | null = null;
  let bestScore = -Infinity;
  let rivalScore = -Infinity;
  for (const candidate of candidatesOf(lower, isWord, model)) {
    // "hóa"/"hoá" are one syllable with the tone placed old or new style: not a correction.
    if (candidate === lower || foldTones(candidate) === foldTones(lower)) continue;
    const s = score(candidate);
    if (s > bestScore) {
      rivalScore = bestScore;
      best = candidate;
      bestScore = s;
    } else if (s > rivalScore) rivalScore = s;
  }
  if (best === null) return null;
  if (bestScore - own < (isWord ? MARGIN_OVER_WORD : MARGIN_OVER_NONWORD)) return null;
  if (bestScore - rivalScore < MARGIN_OVER_RIVAL) return null;
  const evidence = Math.max(context.prev ? model.pairCount(context.prev, best) : 0, context.next ? model.pairCount(best, context.next) : 0);
  if (evidence < MIN_PAIR_EVIDENCE) return null;
  if (isWord) {
    // A real word is kept whenever the corpus has seen it beside either neighbour ("trong
    // kháng chiến"), and only its diacritics may change ("lở" never becomes "tổ").
    const seen = (context.prev ? model.pairCount(context.prev, lower) : 0) + (context.next ? model.pairCount(lower, context.next) : 0);
    if (seen > 0 || baseOf(best) !== baseOf(lower)) return null;
    // In running text both neighbours must vouch for the variant ("về môi trường" stays); a line
    // in capitals is a header or a title, whose formulaic words one neighbour is enough for.
    if (casing !== "upper") {
      if (!context.prev || !context.next) return null;
      if (Math.min(model.pairCount(context.prev, best), model.pairCount(best, context.next)) < MIN_PAIR_EVIDENCE) return null;
    }
  }
  return applyCase(best, casing);
}

/** Known syllables one step from the word: other diacritics, one confusable letter, a doubled vowel dropped. */
function candidatesOf(lower: string, isWord: boolean, model: SyllableModel): Set<string> {
  const base = baseOf(lower);
  const out = new Set<string>(model.variantsOf(base));
  const letters = [...base];
  letters.forEach((letter, i) => {
    for (const other of CONFUSABLE_LETTERS[letter] ?? []) {
      for (const v of model.variantsOf([...letters.slice(0, i), other, ...letters.slice(i + 1)].join(""))) out.add(v);
    }
  });
  if (!isWord) {
    // "CÀẦU": one vowel read twice with two marks.
    for (let i = 0; i + 1 < letters.length; i++) {
      if (letters[i] !== letters[i + 1]) continue;
      for (const v of model.variantsOf([...letters.slice(0, i), ...letters.slice(i + 1)].join(""))) out.add(v);
    }
  }
  return out;
}

type Casing = "lower" | "upper" | "title";

/** The word's case pattern; null for mixed case ("ChÍ"), which is left alone. */
function caseOf(word: string): Casing | null {
  if (word === word.toLowerCase()) return "lower";
  if (word === word.toUpperCase()) return [...word].length > 1 ? "upper" : "title";
  const [first, ...rest] = [...word];
  return first === first.toUpperCase() && rest.join("") === rest.join("").toLowerCase() ? "title" : null;
}

function applyCase(word: string, casing: Casing): string {
  if (casing === "upper") return word.toUpperCase();
  if (casing === "title") return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
