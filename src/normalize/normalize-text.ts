import { composeSyllable, parseSyllable, tonePositions, TONE_MARKS } from "../lexicon/syllable.js";
import { LATIN_RANGES, toNfc } from "../text/to-nfc.js";
import { buildUnitTable, findUnitPair } from "../text/unit-table.js";
import { BoundedCache } from "../util/bounded-cache.js";
import { isLetterOrMarkUnit, LETTER_CLASS, MARK_CLASS } from "../lexicon/letters.js";

/** Characters that are whitespace in extracted text but not ordinary spaces. */
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Icelandic eth typed for Vietnamese đ (common in Word documents). */
const ETH = /[\u00D0\u00F0]/g;
/** Two spaces or more. */
export const MULTI_SPACE = / {2,}/g;
/**
 * Any character of SPACE_LIKE or ETH, or one that is dropped: invisible characters extraction
 * leaves behind (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) and C0/C1 controls other than
 * tab and line feed (the replacement character of broken decoders stays).
 */
const NEEDS_CLEANING = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00D0\u00F0]/;
/** What normalizeSegment may still change in text made of its own output: see `mayNeedNormalizing`. */
const UNSETTLED = new RegExp(`${NEEDS_CLEANING.source}|[\\u0300-\\u036F\\t\\n]`, "u");
/** A word: letters with their combining marks. */
const WORD = new RegExp(String.raw`[${LETTER_CLASS}${MARK_CLASS}]+`, "gu");
/**
 * A tone mark left alone after a space, as PDF extraction does: "bi ̣bỏ". The word is matched
 * from its first letter only: tried inside a run of letters, the pattern would read the rest of
 * the run again at each of them (a run of 40,000 letters took 8 s).
 */
const STRAY_TONE = new RegExp(`(?<![${LETTER_CLASS}])(?<word>[${LETTER_CLASS}]+) +(?<mark>[${TONE_MARKS}])`, "gu");
/** Quick test: does the text contain a toned vowel or a combining mark at all? */
const MAY_NEED_REPAIR = /[\u0300-\u036F\u00C0-\u00C3\u00C8-\u00CA\u00CC\u00CD\u00D2-\u00D5\u00D9\u00DA\u00DD\u00E0-\u00E3\u00E8-\u00EA\u00EC\u00ED\u00F2-\u00F5\u00F9\u00FA\u00FD\u0128\u0129\u0168\u0169\u1EA0-\u1EF9]/u;

/**
 * Normalizes one block of text: NFC, spaces, invisible characters, and tone marks that
 * extraction attached to the wrong letter ("nghiêp̣" → "nghiệp", "laị" → "lại").
 * Valid spellings are never rewritten: "hoà" and "hòa" both stay as printed.
 * Idempotent: normalizeText(normalizeText(s)) === normalizeText(s).
 */
export function normalizeText(input: string): string {
  return normalizeSegment(input).replace(MULTI_SPACE, " ").trim();
}

/** `normalizeText` without collapsing spaces or trimming: for pieces of a block that carry marks. */
export function normalizeSegment(input: string): string {
  let s = cleanCharacters(input);
  if (MAY_NEED_REPAIR.test(s)) s = repairToneMarks(s);
  return s.replace(/[\t\n]/g, " ");
}

/**
 * False when `text`, made by joining lines that `normalizeSegment` already gave (with a space or
 * nothing between them), is certain to come out of it unchanged: no character to clean, no
 * combining mark for NFC or the word repair, no tab. (Words never cross the joins, and the
 * repair of a repaired word changes nothing.)
 */
export function mayNeedNormalizing(text: string): boolean {
  return UNSETTLED.test(text);
}

/**
 * A code unit that cleaning, NFC or the stray-mark repair acts on: one NEEDS_CLEANING lists, or
 * one outside LATIN_RANGES (where every combining mark is).
 */
const ACTED_ON = new RegExp(`${NEEDS_CLEANING.source}|[^${LATIN_RANGES}]`);

/**
 * True when `cleanCharacters` and `repairStrayTones` give `text` back as it is, and no combining
 * mark is in it: none of its code units is one they act on. One scan of one pattern, where the
 * three answers took three scans and a fourth for marks (half the time on the bench text's
 * pieces; a loop over a table learnt per code unit runs slower than either).
 */
export function isUntouched(text: string): boolean {
  return !ACTED_ON.test(text);
}

/**
 * The character-by-character part of normalization: controls and invisible characters out,
 * odd spaces to spaces, NFC, eth to đ. Nothing here reaches across a line feed, so a whole text
 * gives the same lines as each line alone (`normalizeLines` relies on it).
 */
export function cleanCharacters(input: string): string {
  // One scan decides whether the replacements have anything to do (most text: nothing); when
  // they do, one pass makes all four. (Eth is neither made nor composed by NFC, so it can be
  // replaced before it.)
  return toNfc(NEEDS_CLEANING.test(input) ? input.replace(NEEDS_CLEANING_ALL, replaceUnclean) : input);
}

const NEEDS_CLEANING_ALL = new RegExp(NEEDS_CLEANING.source, "g");
const SPACE_LIKE_ONE = new RegExp(SPACE_LIKE.source);
const ETH_ONE = new RegExp(ETH.source);

/** What one character of NEEDS_CLEANING becomes: đ for an eth, a space for a space, else nothing. */
function replaceUnclean(c: string): string {
  if (ETH_ONE.test(c)) return c === "\u00D0" ? "\u0110" : "\u0111";
  return SPACE_LIKE_ONE.test(c) ? " " : "";
}

/** Moves tone marks that sit on the wrong letter of a syllable to the right vowel. */
export function repairToneMarks(s: string): string {
  const out = repairStrayTones(s);
  return HAS_COMBINING.test(out) ? repairEveryWord(out) : repairTonedPairs(out);
}

/** A tone mark left alone after a space goes back onto the word before it. Never crosses a line feed. */
export function repairStrayTones(s: string): string {
  // Marks left alone after NFC are rare: only then is the (slow) stray-mark pattern run.
  return HAS_TONE_MARK.test(s)
    ? s.replace(STRAY_TONE, (whole, word: string, mark: string) => {
        const fixed = attachTone(word, mark);
        return fixed === null ? whole : `${fixed} `;
      })
    : s;
}

/** Marks that NFC could not attach (a tone on a consonant): every word is looked at. */
export function repairEveryWord(s: string): string {
  return s.replace(WORD, repairWordCached).normalize("NFC");
}

/** A combining mark: after NFC, one that could not be attached to its letter. */
export const HAS_COMBINING = /[\u0300-\u036F]/u;
const VOWEL_CLASS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
/** Every precomposed vowel that carries a tone mark (à á ả ã ạ … ỹ), upper and lower case. */
const TONED_VOWELS = (() => {
  let chars = "";
  for (const base of [...VOWEL_CLASS]) for (const mark of TONE_MARKS) chars += (base + mark).normalize("NFC");
  return chars;
})();
/**
 * A toned vowel right after another vowel: the only place a precomposed tone can sit on the
 * wrong letter of a syllable ("laị", "hôị"). Only the words around such pairs are parsed.
 */
const VOWEL_UNIT = buildUnitTable(VOWEL_CLASS);
const TONED_UNIT = buildUnitTable(TONED_VOWELS);

/**
 * Repairs the words around each toned vowel that follows a vowel; the rest of the text is
 * returned as it is. Word by word, so never across a line feed.
 */
export function repairTonedPairs(text: string): string {
  let out = "";
  let copied = 0;
  // A scan of code units against two tables: a regex for the pair costs more on long texts.
  for (let k = findUnitPair(text, 0, VOWEL_UNIT, TONED_UNIT); k !== -1; ) {
    let start = k;
    let end = k + 2;
    while (start > 0 && isLetterOrMarkUnit(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isLetterOrMarkUnit(text.charCodeAt(end))) end++;
    if (start < copied) {
      k = findUnitPair(text, k + 2, VOWEL_UNIT, TONED_UNIT);
      continue;
    }
    const word = text.slice(start, end);
    const fixed = repairWordCached(word);
    k = findUnitPair(text, end, VOWEL_UNIT, TONED_UNIT);
    if (fixed === word) continue;
    out += text.slice(copied, start) + fixed;
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const HAS_TONE_MARK = new RegExp(`[${TONE_MARKS}]`, "u");
/** Repaired spellings of the words seen so far: a text has a few thousand distinct syllables. */
const REPAIR_CACHE = new BoundedCache<string, string>(20_000);

function repairWordCached(word: string): string {
  return REPAIR_CACHE.getOrCompute(word, repairWord);
}

function attachTone(word: string, mark: string): string | null {
  const syl = parseSyllable(word);
  if (!syl || syl.tone !== null) return null;
  const { classic } = tonePositions(syl);
  return composeSyllable(syl.letters, mark, classic);
}

function repairWord(word: string): string {
  const syl = parseSyllable(word);
  if (!syl || syl.tone === null) return word;
  const { classic, modern } = tonePositions(syl);
  if (syl.tonePos === classic || syl.tonePos === modern) return word;
  return composeSyllable(syl.letters, syl.tone, classic);
}
