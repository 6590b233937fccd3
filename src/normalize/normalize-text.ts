import { composeSyllable, parseSyllable, tonePositions, TONE_MARKS } from "../lexicon/syllable.js";
import { toNfc } from "../text/to-nfc.js";
import { BoundedCache } from "../util/bounded-cache.js";

/** Characters that are whitespace in extracted text but not ordinary spaces. */
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters that extraction leaves behind: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** C0/C1 controls other than tab and line feed; the replacement character of broken decoders stays. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Icelandic eth typed for Vietnamese đ (common in Word documents). */
const ETH = /[\u00D0\u00F0]/g;
const MULTI_SPACE = / {2,}/g;
/** Any character of SPACE_LIKE, INVISIBLE, CONTROL or ETH. */
const NEEDS_CLEANING = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00D0\u00F0]/;
/** A word: letters with their combining marks. */
const WORD = /[\p{L}\p{M}]+/gu;
/** A tone mark left alone after a space, as PDF extraction does: "bi ̣bỏ". */
const STRAY_TONE = new RegExp(`(?<word>\\p{L}+) +(?<mark>[${TONE_MARKS}])`, "gu");
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
  // One scan decides whether the four replacements have anything to do (most text: nothing).
  const clean = !NEEDS_CLEANING.test(input);
  let s = toNfc(clean ? input : input.replace(CONTROL, "").replace(INVISIBLE, "").replace(SPACE_LIKE, " "));
  // NFC never makes an eth (U+00D0 and U+00F0 decompose to nothing), so clean input has none.
  if (!clean) s = s.replace(ETH, (c) => (c === "\u00D0" ? "\u0110" : "\u0111"));
  if (MAY_NEED_REPAIR.test(s)) s = repairToneMarks(s);
  return s.replace(/[\t\n]/g, " ");
}

/** Moves tone marks that sit on the wrong letter of a syllable to the right vowel. */
export function repairToneMarks(s: string): string {
  // Marks left alone after NFC are rare: only then is the (slow) stray-mark pattern run.
  let out = HAS_TONE_MARK.test(s)
    ? s.replace(STRAY_TONE, (whole, word: string, mark: string) => {
        const fixed = attachTone(word, mark);
        return fixed === null ? whole : `${fixed} `;
      })
    : s;
  if (HAS_COMBINING.test(out)) {
    // Marks that NFC could not attach (a tone on a consonant): look at every word.
    return out.replace(WORD, repairWordCached).normalize("NFC");
  }
  return repairTonedPairs(out);
}

const HAS_COMBINING = /[\u0300-\u036F]/u;
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
const TONED_AFTER_VOWEL = new RegExp(`[${VOWEL_CLASS}][${TONED_VOWELS}]`, "gu");
const WORD_CHAR = /[\p{L}\p{M}]/u;
/** WORD_CHAR per UTF-16 code unit (0 unknown, 1 no, 2 yes), learnt on first sight: no one-letter string per test. */
const WORD_UNIT = new Uint8Array(0x10000);

function isWordUnit(code: number): boolean {
  if (WORD_UNIT[code] === 0) WORD_UNIT[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
  return WORD_UNIT[code] === 2;
}

function repairTonedPairs(text: string): string {
  TONED_AFTER_VOWEL.lastIndex = 0;
  let out = "";
  let copied = 0;
  for (let m = TONED_AFTER_VOWEL.exec(text); m !== null; m = TONED_AFTER_VOWEL.exec(text)) {
    let start = m.index;
    let end = m.index + 2;
    while (start > 0 && isWordUnit(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isWordUnit(text.charCodeAt(end))) end++;
    if (start < copied) continue;
    const word = text.slice(start, end);
    const fixed = repairWordCached(word);
    TONED_AFTER_VOWEL.lastIndex = end;
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
