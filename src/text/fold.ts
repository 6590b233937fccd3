import { isLetterOrMarkUnit } from "../lexicon/letters.js";
import { composeSyllable, parseSyllable, tonePositions } from "../lexicon/syllable.js";
import { BoundedCache } from "../util/bounded-cache.js";

/**
 * An "o" or "u" followed by a toned a/e/y: the only place where the new tone placement
 * ("hoà", "khoẻ", "thuỷ") differs from the classic one ("hòa", "khỏe", "thủy"). A pattern, not
 * the two-table scan the toned-pair repair uses: its first class is four letters, which V8's
 * scan skips past three times as fast (4–5 vs 14 ms over the 8 MB bench text); a vowel first, as
 * the repair's pairs have, makes the pattern the slower one (45 vs 20 ms). No `u` flag: every
 * character is one BMP code unit.
 */
const TONE_PAIR = /[oOuU][\u00E0\u00E1\u1EA3\u00E3\u1EA1\u00E8\u00E9\u1EBB\u1EBD\u1EB9\u1EF3\u00FD\u1EF7\u1EF9\u1EF5\u00C0\u00C1\u1EA2\u00C3\u1EA0\u00C8\u00C9\u1EBA\u1EBC\u1EB8\u1EF2\u00DD\u1EF6\u1EF8\u1EF4]/g;

/** Longest word looked at backwards from a pair (a syllable is at most 7 letters). */
const MAX_WORD = 16;

/**
 * Puts every tone mark in its classic place ("hoà" → "hòa", "uỷ" → "ủy") without changing the
 * length of the text, so that a match found in the result has the same offsets in the input.
 * Matching code runs its (case-insensitive, `iu`) patterns, written in classic spelling, on this.
 * Only open oa/oe/uy syllables can differ, so only those words are looked at: the rest of the
 * text is copied as is, at memory speed.
 */
export function foldTones(text: string): string {
  return sliceFolded(foldText(text), 0, text.length);
}

/**
 * `foldTones(text)` kept as the words it changes, not as a second copy of the text: a document
 * has a few such words in thousands, and a copy of a text of megabytes is as many megabytes of
 * fresh memory (docs/performance.md, sixteenth pass). `sliceFolded` reads it.
 */
export interface FoldedText {
  readonly text: string;
  /** Where each changed word starts, ascending; `words[i]` is its folded spelling (same length). */
  readonly starts: readonly number[];
  readonly words: readonly string[];
}

/** The words `foldTones` changes in `text`, found by one scan. */
export function foldText(text: string): FoldedText {
  const starts: number[] = [];
  const words: string[] = [];
  // The end of the last changed word: words do not overlap.
  let changedUntil = 0;
  TONE_PAIR.lastIndex = 0;
  while (TONE_PAIR.test(text)) {
    // The pair is the two code units before lastIndex; the next search starts after it.
    const end = TONE_PAIR.lastIndex;
    const k = end - 2;
    // Only at the end of a word (an open syllable), and not after "q" ("quá" is classic already).
    if (end < text.length && isLetterOrMarkUnit(text.charCodeAt(end))) continue;
    const before = k > 0 ? text[k - 1] : "";
    if (before === "q" || before === "Q") continue;
    let start = k;
    while (start > 0 && end - start < MAX_WORD && isLetterOrMarkUnit(text.charCodeAt(start - 1))) start--;
    if (start < changedUntil) continue;
    const word = text.slice(start, end);
    const folded = foldWord(word);
    if (folded === word) continue;
    starts.push(start);
    words.push(folded);
    changedUntil = end;
  }
  return { text, starts, words };
}

/** `foldTones(folded.text).slice(start, end)`, built from the slice of the text and the changed words in it. */
export function sliceFolded(folded: FoldedText, start: number, end: number): string {
  const { text, starts, words } = folded;
  // The first changed word that ends after `start` (words do not overlap, so ends ascend too).
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] + words[mid].length <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo === starts.length || starts[lo] >= end) return text.slice(start, end);
  let out = "";
  let copied = start;
  for (let i = lo; i < starts.length && starts[i] < end; i++) {
    const from = Math.max(starts[i], start);
    const to = Math.min(starts[i] + words[i].length, end);
    out += text.slice(copied, from) + words[i].slice(from - starts[i], to - starts[i]);
    copied = to;
  }
  return out + text.slice(copied, end);
}

/**
 * `foldTones(folded.text.slice(start, end))`: the slice of the whole text's fold when the slice
 * starts and ends between words (the fold looks only within words, and keeps every offset), else
 * folded afresh. Lets a document be folded once for all of its paragraphs.
 */
export function foldSlice(folded: FoldedText, start: number, end: number): string {
  const { text } = folded;
  const between = (start === 0 || !isLetterOrMarkUnit(text.charCodeAt(start - 1))) && (end >= text.length || !isLetterOrMarkUnit(text.charCodeAt(end)));
  return between ? sliceFolded(folded, start, end) : foldTones(text.slice(start, end));
}

/** Folded spellings of the words seen so far: the same few words ("uỷ", "hoá") recur. */
const WORD_CACHE = new BoundedCache<string, string>(4096);

function foldWord(word: string): string {
  return WORD_CACHE.getOrCompute(word, foldSyllable);
}

/** One word with its tone moved from the modern to the classic place; other words unchanged. */
function foldSyllable(word: string): string {
  const syl = parseSyllable(word);
  if (!syl || syl.tone === null) return word;
  const { classic, modern } = tonePositions(syl);
  if (syl.tonePos === classic || syl.tonePos !== modern) return word;
  const folded = composeSyllable(syl.letters, syl.tone, classic);
  return folded.length === word.length ? folded : word;
}

/** Case- and tone-placement-insensitive equality of two strings (NFC first). */
export function sameWords(a: string, b: string): boolean {
  return foldKey(a) === foldKey(b);
}

/** A comparison key: NFC, classic tone placement, lower case, single spaces. */
export function foldKey(text: string): string {
  return foldTones(text.normalize("NFC")).toLowerCase().replace(/\s+/g, " ").trim();
}
