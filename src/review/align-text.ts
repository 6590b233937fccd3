/**
 * Aligns a block of the record's text to the characters read from a PDF page. The record's text
 * is normalized (NFC, tone marks repaired, lines joined, footnotes and furniture moved) and a
 * page's text items come in content-stream order (two-column headers interleave), so the two
 * are matched ignoring whitespace and case, resynchronising on the next few characters whenever
 * they disagree instead of assuming one order.
 */

/** Characters compared: whitespace dropped, lower-cased, NFC. */
export interface Folded {
  chars: string;
  /** For each char of `chars`, its index in the source string. */
  origin: number[];
}

/** Folds a string for comparison, remembering where each kept character came from. */
export function foldForAlignment(text: string): Folded {
  let chars = "";
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/\s/u.test(c)) continue;
    const lower = c.toLowerCase();
    chars += lower.length === 1 ? lower : c; // one char per char, or the origins drift
    origin.push(i);
  }
  return { chars, origin };
}

/**
 * How many characters must agree to resynchronise after a mismatch: six first; four when six
 * find nothing (a number stamped apart from its line: "Số: 1696" + "/QĐ-UBND").
 */
const ANCHORS = [6, 4];

/**
 * For each char of `block`, the index of the matching char of `page` (or -1). `hint` is where
 * the search starts: after the previous block, which is usually where this one begins. Text
 * before the search point is looked at only `back` characters back (a page or so when `page`
 * is a whole document's text: a later block's words are not looked for pages earlier).
 */
export function alignBlock(block: string, page: string, hint = 0, back = Infinity): number[] {
  const match = new Array<number>(block.length).fill(-1);
  let cursor = -1;
  let i = 0;
  while (i < block.length) {
    if (cursor >= 0 && cursor < page.length && page[cursor] === block[i]) {
      match[i++] = cursor++;
      continue;
    }
    const found = findAnchor(block, i, page, cursor >= 0 ? cursor : hint, back);
    if (found < 0) {
      i++; // a character the page does not have (a repaired tone mark, a joined hyphen)
      continue;
    }
    cursor = found;
  }
  return match;
}

/** Where block[i…i+n) next occurs in the page for the longest anchor n that occurs: after `from` first, else from `back` before it. */
function findAnchor(block: string, i: number, page: string, from: number, back: number): number {
  for (const anchor of ANCHORS) {
    const size = Math.min(anchor, block.length - i);
    if (size < Math.min(3, block.length)) return -1;
    const needle = block.slice(i, i + size);
    const after = page.indexOf(needle, from);
    const found = after >= 0 ? after : page.indexOf(needle, Math.max(0, from - back));
    if (found >= 0) return found;
  }
  return -1;
}
