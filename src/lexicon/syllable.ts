/**
 * Vietnamese syllable model (âm tiết): onset, vowel nucleus, coda and tone. Used to repair
 * misplaced tone marks, to fold old/new tone placement for matching, and to measure how
 * Vietnamese a text layer looks.
 */

/** Combining tone marks (dấu thanh): huyền, sắc, ngã, hỏi, nặng. */
export const TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
const TONE_SET = new Set(TONE_MARKS);
/** Combining vowel-quality marks: circumflex, breve, horn. */
const QUALITY_SET = new Set("\u0302\u0306\u031B");
/** The vowels those marks make in Vietnamese: â ê ô, ă, ơ ư. */
const QUALITY_VOWELS = new Set(["a\u0302", "e\u0302", "o\u0302", "a\u0306", "o\u031B", "u\u031B"]);

const VOWELS = new Set("aeiouyAEIOUY");
const ONSETS = new Set([
  "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
  "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
]);
const CODAS = new Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);

export interface Syllable {
  /** Decomposed letters without tone marks (NFD, quality marks kept). */
  letters: string[];
  /** Index in `letters` of the first and last nucleus vowel (after a `qu`/`gi` onset). */
  nucleusStart: number;
  nucleusEnd: number;
  coda: string;
  tone: string | null;
  /** Index in `letters` carrying the tone, or -1. */
  tonePos: number;
}

function isBaseVowel(ch: string): boolean {
  return VOWELS.has(ch);
}

/**
 * Parses one word (NFC or NFD) as a Vietnamese syllable, or returns null when it cannot be one
 * (two vowel groups, an impossible onset or coda, more than one tone, non-letters).
 */
export function parseSyllable(word: string): Syllable | null {
  const nfd = word.normalize("NFD");
  const letters: string[] = [];
  let tone: string | null = null;
  let tonePos = -1;
  for (const ch of nfd) {
    if (TONE_SET.has(ch)) {
      if (tone !== null || letters.length === 0) return null;
      tone = ch;
      tonePos = letters.length - 1;
    } else if (QUALITY_SET.has(ch)) {
      if (letters.length === 0) return null;
      letters[letters.length - 1] += ch;
      if (!QUALITY_VOWELS.has(letters[letters.length - 1].toLowerCase())) return null;
    } else {
      letters.push(ch);
    }
  }
  if (letters.length === 0 || letters.length > 8) return null;
  const lower = letters.map((l) => l.toLowerCase());
  // Onset: leading consonants.
  let i = 0;
  while (i < lower.length && !isBaseVowel(lower[i][0])) i++;
  let onset = lower.slice(0, i).join("");
  if (i === lower.length) return null;
  // "qu" and "gi" take their vowel into the onset when another vowel follows.
  if (onset === "q" && lower[i] === "u" && i + 1 < lower.length && isBaseVowel(lower[i + 1][0])) {
    onset = "qu";
    i++;
  } else if (onset === "g" && lower[i] === "i" && i + 1 < lower.length && isBaseVowel(lower[i + 1][0])) {
    onset = "gi";
    i++;
  }
  if (!ONSETS.has(onset)) return null;
  const nucleusStart = i;
  while (i < lower.length && isBaseVowel(lower[i][0])) i++;
  const nucleusEnd = i - 1;
  if (nucleusEnd - nucleusStart > 2) return null;
  const coda = lower.slice(i).join("");
  if (!CODAS.has(coda)) return null;
  if (tonePos !== -1 && tonePos < nucleusStart - (onset === "qu" || onset === "gi" ? 1 : 0)) return null;
  return { letters, nucleusStart, nucleusEnd, coda, tone, tonePos };
}

/**
 * Where the tone goes in the classic style used by most state documents ("hòa", "ủy", "khỏe"),
 * and where the new style puts it ("hoà", "uỷ", "khoẻ"). Both are valid spellings.
 */
export function tonePositions(s: Syllable): { classic: number; modern: number } {
  const { letters, nucleusStart: a, nucleusEnd: b, coda } = s;
  // A vowel with a quality mark takes the tone (ơ of ươ, ê of iê/yê, ô of uô).
  for (let k = b; k >= a; k--) {
    if (letters[k].length > 1) return { classic: k, modern: k };
  }
  const n = b - a + 1;
  if (n === 1) return { classic: a, modern: a };
  if (coda !== "") return { classic: b, modern: b };
  if (n === 3) return { classic: a + 1, modern: a + 1 };
  const pair = (letters[a] + letters[b]).toLowerCase();
  if (pair === "oa" || pair === "oe" || pair === "uy") return { classic: a, modern: b };
  return { classic: a, modern: a };
}

/** Rebuilds an NFC word from letters with the tone on `pos`. */
export function composeSyllable(letters: string[], tone: string | null, pos: number): string {
  let out = "";
  for (let k = 0; k < letters.length; k++) {
    out += letters[k];
    if (tone !== null && k === pos) out += tone;
  }
  return out.normalize("NFC");
}

/** True when the word is a well-formed Vietnamese syllable with its tone on a valid vowel. */
export function isVietnameseSyllable(word: string): boolean {
  const s = parseSyllable(word);
  if (!s) return false;
  if (s.tonePos === -1) return true;
  const { classic, modern } = tonePositions(s);
  return s.tonePos === classic || s.tonePos === modern;
}
