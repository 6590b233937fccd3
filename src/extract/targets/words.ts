/**
 * Word-level helpers: reading the few words before a figure, and folding words for lookups.
 *
 * Only the few words around each figure are compared with word lists, and they repeat endlessly
 * ("đạt", "trên", "năm"): each distinct word is folded once (`foldTones`) and memoised, instead
 * of folding every unit.
 */
import { isLetterCode } from "../../lexicon/letters.js";
import { foldTones } from "../../text/fold.js";
import { BoundedCache } from "../../util/bounded-cache.js";



const FOLD_MEMO = new BoundedCache<string, string>(50_000);

/** Lower case, classic tone placement ("Khoá" → "khóa"), memoised. */
export function foldWord(word: string): string {
  return FOLD_MEMO.getOrCompute(word, (w) => foldTones(w.normalize("NFC")).toLowerCase());
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
