import iconv from "iconv-lite";
import { ASCII_GLYPH_SHIFT, GLYPH_LAYOUTS, type GlyphLayout } from "./legacy-tables/glyph-order.js";
import { isVietnameseSyllable } from "./syllable.js";

/**
 * Health of a text layer (chất lượng lớp chữ): how much of it reads as Vietnamese, and repair of
 * layers whose codes are glyph indices instead of characters.
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
/** Runs of letters (with combining marks) inside a token. */
const WORD_LETTERS = /[\p{L}\p{M}]+/gu;

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
const verdicts = new Map<string, boolean>();
const VERDICT_CACHE_LIMIT = 50_000;

/** A word (letters only, any normalization) that is a Vietnamese syllable, spelt and cased as one. */
function isVietnameseWord(word: string): boolean {
  let verdict = verdicts.get(word);
  if (verdict === undefined) {
    const nfc = word.normalize("NFC");
    verdict = WELL_CASED.test(nfc) && [...nfc].every((ch) => ALPHABET.has(ch)) && isVietnameseSyllable(nfc);
    if (verdicts.size >= VERDICT_CACHE_LIMIT) verdicts.clear();
    verdicts.set(word, verdict);
  }
  return verdict;
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
const judgements = new Map<string, boolean | null>();

/** true/false for a counted word, null for one that is skipped. */
function judgeWord(raw: string): boolean | null {
  if (raw.length < 2) return null;
  let verdict = judgements.get(raw);
  if (verdict === undefined) {
    verdict = judgeNewWord(raw);
    if (judgements.size >= VERDICT_CACHE_LIMIT) judgements.clear();
    judgements.set(raw, verdict);
  }
  return verdict;
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

// ---------------------------------------------------------------------------------------------
// Repair of glyph-index text layers.

/**
 * Characters PDF.js reports for WinAnsi bytes of some symbolic TrueType fonts when it reads them
 * through the font's Macintosh cmap ("C‘NG" for CÔNG, "ng‡y" for ngày): Mac Roman character →
 * the Windows-1252 character of the same byte.
 */
const MAC_ROMAN_MISREAD: ReadonlyMap<string, string> = (() => {
  const bytes = Buffer.alloc(128, 0);
  for (let k = 0; k < 128; k++) bytes[k] = 0x80 + k;
  const mac = iconv.decode(bytes, "macintosh");
  const win = iconv.decode(bytes, "win1252");
  const map = new Map<string, string>();
  for (let k = 0; k < 128; k++) if (mac[k] !== win[k] && mac[k] !== "\uFFFD" && win[k] !== "\uFFFD") map.set(mac[k], win[k]);
  return map;
})();

/** Characters that do not belong in Vietnamese text: controls, IPA/modifier letters, Greek, Cyrillic … */
const SUSPICIOUS_CLASS =
  "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u0180-\\u019F\\u01A2-\\u01AE\\u01B1-\\u02FF" +
  // Combining marks other than the five tones and the circumflex, breve and horn.
  "\\u0304\\u0305\\u0307\\u0308\\u030A-\\u031A\\u031C-\\u0322\\u0324-\\u036F" +
  "\\u00A1\\u00AF\\u00B8\\u00BF\\u0131\\u0370-\\u04FF\\u2020\\u2021\\u201A\\u201E\\u2030\\u221A\\u2260\\u2264\\u2265\\u25CA\\uFFFD";
const SUSPICIOUS = new RegExp(`[${SUSPICIOUS_CLASS}]`, "u");
const SUSPICIOUS_ALL = new RegExp(`[${SUSPICIOUS_CLASS}]`, "gu");
const WHITESPACE_SPLIT = /(\s+)/;
/** Quotes between two letters: Mac Roman misreadings of Ô, Õ ("C‘NG", "H’A"). */
const INNER_QUOTE = /(?<=\p{L})[‘’“”](?=\p{L})/gu;
/** A word followed by an acronym, run together ("dụngVLNCN"). */
const CAMEL_BOUNDARY = /(?<=\p{Ll}\p{M}*)(?=\p{Lu}{2,}$)/u;
/** Glyph indices that only a glyph-index layer produces: controls (digits, punctuation) … */
const GLYPH_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** … and the codes of Vietnamese letters in the known layouts. */
const GLYPH_LETTER_CODES: ReadonlySet<number> = new Set(GLYPH_LAYOUTS.flatMap((l) => [...l.vietnamese.keys()].filter((c) => c > 0xff)));
/** A short ASCII piece that PDF.js cut off the end of a glyph-index word ("th̯ u"). */
const CUT_TAIL = /^[A-Za-z]{1,3}[,.;:)]*$/;
/** A token ending in a glyph-index character, i.e. one that may have been cut. */
const ENDS_NON_ASCII = /[^\x00-\x7F]$/u;

/** A layer is worth repairing only if it is this bad … */
const REPAIR_INPUT_MAX = 0.85;
/** … and the repair must reach this share … */
const REPAIR_RESULT_MIN = 0.8;
/** … and gain this much. */
const REPAIR_MIN_GAIN = 0.2;
/** Fewer counted words than this: a repair is judged by its characters, not by the share. */
const MIN_JUDGED_TOKENS = 3;

type WordMapper = (word: string) => string;
type ReadingKind = "letters" | "glyphs";

/** Readings of one token, in order of preference when they score the same. */
const TOKEN_READINGS: ReadonlyArray<{ map: WordMapper; kind: ReadingKind }> = [
  ...GLYPH_LAYOUTS.map((layout) => ({ map: (w: string) => mapLetters(w, layout), kind: "letters" as const })),
  ...GLYPH_LAYOUTS.map((layout) => ({ map: (w: string) => mapGlyphs(w, layout), kind: "glyphs" as const })),
  // Glyph-index word with real punctuation from another font around it ("YLӋF.").
  ...GLYPH_LAYOUTS.map((layout) => ({ map: (w: string) => mapCore(w, (core) => mapGlyphs(core, layout)), kind: "glyphs" as const })),
];
/** ASCII punctuation at the edges of a token. */
const EDGE_PUNCTUATION = /^(?<lead>[!-/:-@[-`{-~]*)(?<core>.*?)(?<trail>[!-/:-@[-`{-~]*)$/su;

/**
 * Repairs a text layer made of glyph indices (a CID font without a usable ToUnicode map:
 * "6Ӣ CÔNG 7+ѬѪ1*" for "SỞ CÔNG THƯƠNG"): ASCII sits 29 below its code and Vietnamese letters
 * at their Times New Roman glyph indices. Each damaged word is read the way that makes it a
 * valid syllable (whole word by glyph index; only its non-ASCII letters, when ASCII came from
 * another, correct font; Mac Roman misreadings of WinAnsi fonts), so mixed pages work; a word
 * that reads either way follows its nearest decided neighbour; sound words are never touched.
 * Returns the text and the ASCII shift of the layer (−29, or 0 when only letters were fixed)
 * when the result reads as Vietnamese (≥ 0.8) and clearly better than the input — for a text of
 * one or two words, when every stray character is gone; otherwise null (the caller then warns
 * `garbled_text_layer`). For a PDF, prefer `findFontRepair`, font by font.
 */
export function repairShiftedText(text: string): { text: string; shift: number } | null {
  const before = measureVietnamese(text);
  if (before.share >= REPAIR_INPUT_MAX && before.tokens >= MIN_JUDGED_TOKENS) return null;
  const parts = text.split(WHITESPACE_SPLIT);
  // Tokens with the whitespace that follows each.
  const tokens: Array<{ reading: TokenReadings; space: string }> = [];
  for (let i = 0; i < parts.length; i += 2) {
    const token = parts[i];
    const next = parts[i + 2];
    // PDF.js sometimes cuts a glyph-index word with a space ("th̯ u" for "thầu").
    if (next !== undefined && CUT_TAIL.test(next) && ENDS_NON_ASCII.test(token)) {
      const joined = readToken(token + next);
      if (joined.best !== null && isSingleValidWord(joined.best.text)) {
        tokens.push({ reading: joined, space: parts[i + 3] ?? "" });
        i += 2;
        continue;
      }
    }
    tokens.push({ reading: readToken(token), space: parts[i + 1] ?? "" });
  }
  // Only words that came from a glyph-index font tell how their neighbours should be read.
  const nearest = nearestKinds(tokens.map((t) => (isGlyphCoded(t.reading.identity) ? t.reading.decided : null)));
  let shifted = false;
  const out: string[] = [];
  tokens.forEach(({ reading, space }, k) => {
    let choice = reading.best;
    if (reading.ambiguous) {
      const kind = nearest[k];
      choice = (kind === "glyphs" ? reading.glyphs : reading.letters) ?? choice;
    }
    out.push(choice ? choice.text : reading.identity, space);
    shifted ||= choice?.kind === "glyphs";
  });
  const repaired = out.join("").normalize("NFC");
  if (repaired === text.normalize("NFC")) return null;
  const result = { text: repaired, shift: shifted ? ASCII_GLYPH_SHIFT : 0 };
  if (before.tokens < MIN_JUDGED_TOKENS) return isCleanRepair(text, repaired) ? result : null;
  const after = measureVietnamese(repaired);
  if (after.share < REPAIR_RESULT_MIN || after.share - before.share < REPAIR_MIN_GAIN) return null;
  return result;
}

function isGlyphCoded(token: string): boolean {
  if (GLYPH_CONTROL.test(token)) return true;
  for (const ch of token) if (GLYPH_LETTER_CODES.has(ch.codePointAt(0)!)) return true;
  return false;
}

/** For each token, the kind decided for the nearest token that had one (the earlier on a tie). */
function nearestKinds(kinds: ReadonlyArray<ReadingKind | null>): Array<ReadingKind | null> {
  const n = kinds.length;
  const before = new Array<number>(n);
  const after = new Array<number>(n);
  for (let k = 0, last = -1; k < n; k++) {
    before[k] = last;
    if (kinds[k]) last = k;
  }
  for (let k = n - 1, next = -1; k >= 0; k--) {
    after[k] = next;
    if (kinds[k]) next = k;
  }
  return kinds.map((_, k) => {
    const b = before[k];
    const a = after[k];
    if (b < 0) return a < 0 ? null : kinds[a];
    if (a < 0 || k - b <= a - k) return kinds[b];
    return kinds[a];
  });
}

/** How to repair every run of one embedded font (see `findFontRepair`). */
export interface FontRepair {
  /** "glyphs": every code is a glyph index; "letters": only the non-ASCII codes are wrong. */
  mode: "glyphs" | "letters";
  /** Glyph layout used for the Vietnamese letters. */
  layout: string;
  /** ASCII shift of the layer: −29 in "glyphs" mode, 0 in "letters" mode. */
  shift: number;
  /** Repairs one run of this font (NFC). */
  apply: (text: string) => string;
}

/**
 * Decides how to repair all text of one embedded font, given the font's whole text (its runs
 * joined with spaces): the damage is the same throughout a font, so every run of it — even a
 * run of one letter, as when a word is split between a WinAnsi font and a CID font — is then
 * repaired alike with `apply`. Null when the font's text is sound or no reading is better.
 */
export function findFontRepair(fontText: string): FontRepair | null {
  const identity = scoreText(fontText);
  const suspiciousBefore = countSuspicious(fontText);
  let best: { repair: FontRepair; score: number; text: string } | null = null;
  for (const layout of GLYPH_LAYOUTS) {
    for (const mode of ["letters", "glyphs"] as const) {
      const map = mode === "glyphs" ? mapGlyphs : mapLetters;
      const apply = (t: string): string => map(t, layout).normalize("NFC");
      const repaired = apply(fontText);
      if (repaired === fontText.normalize("NFC")) continue;
      const score = scoreText(repaired);
      if (!best || score > best.score) {
        best = { repair: { mode, layout: layout.name, shift: mode === "glyphs" ? ASCII_GLYPH_SHIFT : 0, apply }, score, text: repaired };
      }
    }
  }
  if (!best || best.score <= identity) return null;
  // The repair must clear most stray characters, or turn invalid words into valid ones.
  const good = suspiciousBefore > 0
    ? countSuspicious(best.text) <= suspiciousBefore / 4
    : countInvalidWords(best.text) < countInvalidWords(fontText);
  return good ? best.repair : null;
}

interface Reading {
  text: string;
  kind: ReadingKind;
  score: number;
}

interface TokenReadings {
  /** The token as it is (NFC). */
  identity: string;
  /** Best reading better than the token itself, or null to keep it. */
  best: Reading | null;
  /** Best "letters" and best "glyphs" readings. */
  letters: Reading | null;
  glyphs: Reading | null;
  /** Both kinds read equally well: the neighbours decide. */
  ambiguous: boolean;
  /** The kind that clearly won, for the neighbours. */
  decided: ReadingKind | null;
}

/** Readings of recent tokens: garbled pages repeat their words too. */
const tokenReadings = new Map<string, TokenReadings>();

/** Reads one whitespace-free token every way; sound tokens keep no reading. */
function readToken(token: string): TokenReadings {
  let readings = tokenReadings.get(token);
  if (readings === undefined) {
    readings = readNewToken(token);
    if (tokenReadings.size >= VERDICT_CACHE_LIMIT) tokenReadings.clear();
    tokenReadings.set(token, readings);
  }
  return readings;
}

function readNewToken(token: string): TokenReadings {
  const identity = token.normalize("NFC");
  const none = { identity, best: null, letters: null, glyphs: null, ambiguous: false, decided: null };
  if (token.length === 0 || isSoundToken(identity)) return none;
  const floor = scoreToken(identity);
  const best: Record<ReadingKind, Reading | null> = { letters: null, glyphs: null };
  for (const reading of TOKEN_READINGS) {
    const text = reading.map(token).normalize("NFC");
    if (text === identity) continue;
    const score = scoreToken(text);
    const current = best[reading.kind];
    if (score > floor && (!current || score > current.score)) best[reading.kind] = { text, kind: reading.kind, score };
  }
  const { letters, glyphs } = best;
  if (!letters && !glyphs) return none;
  if (letters && glyphs && letters.score === glyphs.score && letters.text !== glyphs.text) {
    return { identity, best: letters, letters, glyphs, ambiguous: true, decided: null };
  }
  const winner = !glyphs || (letters && letters.score >= glyphs.score) ? letters! : glyphs;
  return { identity, best: winner, letters, glyphs, ambiguous: false, decided: winner.kind };
}

function isSingleValidWord(text: string): boolean {
  const words = text.match(WORD_LETTERS);
  return words !== null && words.length === 1 && !SUSPICIOUS.test(text) && isVietnameseWord(words[0]);
}

/** No stray characters, and every word a valid syllable or an acronym. */
function isSoundToken(token: string): boolean {
  if (countSuspicious(token) > 0) return false;
  // Codes and numbers ("Km2+571", "IC14", "QCVN01") are left alone.
  if (HAS_DIGIT.test(token) && ASCII_ONLY.test(token)) return true;
  return countInvalidWords(token) === 0;
}

/**
 * Every character read as a glyph index, except white space: PDF readers insert their own spaces
 * between runs (glyph 32, "=", is rare enough to give up).
 */
function mapGlyphs(text: string, layout: GlyphLayout): string {
  let out = "";
  for (const ch of text) out += ch === " " || ch === "\n" || ch === "\t" || ch === "\r" || ch === "\f" ? ch : (layout.glyphs.get(ch.codePointAt(0)!) ?? ch);
  return out;
}

/** ASCII kept; Vietnamese glyph indices and Mac Roman misreadings repaired. */
function mapLetters(text: string, layout: GlyphLayout): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code < 0x80 ? ch : (layout.vietnamese.get(code) ?? MAC_ROMAN_MISREAD.get(ch) ?? ch);
  }
  return out;
}

/** Maps the token without the ASCII punctuation at its edges. */
function mapCore(token: string, map: WordMapper): string {
  const m = EDGE_PUNCTUATION.exec(token);
  if (!m?.groups || (!m.groups.lead && !m.groups.trail)) return token;
  return m.groups.lead + map(m.groups.core) + m.groups.trail;
}

/**
 * Plausibility of a token: valid syllables score by length, acronyms a little; invalid words,
 * extra word fragments and stray characters cost.
 */
function scoreToken(token: string): number {
  const words = (token.match(WORD_LETTERS) ?? []).flatMap((w) => w.split(CAMEL_BOUNDARY));
  let score = -3 * countSuspicious(token) - Math.max(0, words.length - 1);
  for (const word of words) {
    if (isVietnameseWord(word)) score += 1 + 0.5 * Math.min(word.length, 4);
    else if (ACRONYM.test(word)) score += 0.5;
    else score -= 1.5;
  }
  return score;
}

function scoreText(text: string): number {
  let score = 0;
  for (const token of text.normalize("NFC").split(/\s+/)) if (token) score += scoreToken(token);
  return score;
}

function countSuspicious(text: string): number {
  return (text.match(SUSPICIOUS_ALL)?.length ?? 0) + (text.match(INNER_QUOTE)?.length ?? 0);
}

function countInvalidWords(text: string): number {
  let n = 0;
  for (const word of text.normalize("NFC").match(WORD_LETTERS) ?? []) if (!isVietnameseWord(word) && !ACRONYM.test(word)) n++;
  return n;
}

/** Too few words to judge by share (a PDF run of one word or one letter): judge by characters. */
function isCleanRepair(input: string, output: string): boolean {
  if (countSuspicious(output) > 0) return false;
  if (countSuspicious(input) > 0) return true;
  return countInvalidWords(input) > 0 && countInvalidWords(output) === 0;
}
