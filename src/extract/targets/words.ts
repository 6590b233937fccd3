/**
 * Word-level helpers: reading the few words before a figure, and folding words for lookups.
 *
 * Only the few words around each figure are compared with word lists, and they repeat endlessly
 * ("đạt", "trên", "năm"): each distinct word is folded once (`foldTones`) and memoised, instead
 * of folding every unit.
 */
import { foldTones } from "../../normalize/fold.js";

const FOLD_MEMO = new Map<string, string>();
const FOLD_MEMO_LIMIT = 50_000;

/** Lower case, classic tone placement ("Khoá" → "khóa"), memoised. */
export function foldWord(word: string): string {
  let folded = FOLD_MEMO.get(word);
  if (folded === undefined) {
    folded = foldTones(word.normalize("NFC")).toLowerCase();
    if (FOLD_MEMO.size >= FOLD_MEMO_LIMIT) FOLD_MEMO.clear();
    FOLD_MEMO.set(word, folded);
  }
  return folded;
}

/**
 * Is this UTF-16 code unit part of a Vietnamese word? ASCII letters, Latin-1/Extended letters,
 * combining marks and the Vietnamese block. A hand-written test, because a `\p{L}` regex per
 * character would dominate the cost of walking back from every number.
 */
export function isLetterCode(c: number): boolean {
  if (c < 0x41) return false;
  if (c <= 0x5a) return true;
  if (c < 0x61) return false;
  if (c <= 0x7a) return true;
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c <= 0x24f) return true;
  if (c >= 0x300 && c <= 0x36f) return true;
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  return false;
}

/** Whitespace as extraction leaves it: space, tab, line breaks, no-break space. */
export function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x0c || c === 0x0b;
}

/**
 * The words before a position, nearest first, read only as far as the caller asks: most walks
 * stop at the first word, and folding words costs more than finding them.
 */
export class WordsBefore {
  private readonly words: WordBefore[] = [];
  private at: number;
  private done = false;

  constructor(
    private readonly s: string,
    pos: number,
    private readonly floor: number,
    private readonly max: number,
  ) {
    this.at = pos;
  }

  /** The i-th word before the position (0 = nearest), or undefined past punctuation or `max`. */
  get(i: number): WordBefore | undefined {
    while (i >= this.words.length && !this.done) this.readOne();
    return this.words[i];
  }

  private readOne(): void {
    const s = this.s;
    let i = this.at;
    while (i > this.floor && isSpaceCode(s.charCodeAt(i - 1))) i--;
    if (this.words.length >= this.max || i <= this.floor || !isLetterCode(s.charCodeAt(i - 1))) {
      this.done = true;
      return;
    }
    const end = i;
    while (i > this.floor && isLetterCode(s.charCodeAt(i - 1))) i--;
    const word = s.slice(i, end);
    const first = word.charAt(0);
    this.words.push({ start: i, end, key: foldWord(word), capital: first !== first.toLowerCase() });
    this.at = i;
  }
}

export interface WordBefore {
  start: number;
  end: number;
  /** Folded form for lookups. */
  key: string;
  /** First letter is upper case (a name like "Bảo Hưng 2", not a counted thing). */
  capital: boolean;
}

/** Position of the first non-space character before `pos` (exclusive), or -1 at `floor`. */
export function prevNonSpace(s: string, pos: number, floor: number): number {
  let i = pos - 1;
  while (i >= floor && isSpaceCode(s.charCodeAt(i))) i--;
  return i >= floor ? i : -1;
}
