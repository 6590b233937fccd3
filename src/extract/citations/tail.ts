/**
 * What follows a citation's symbol or name: ngày ban hành, "của <cơ quan ban hành>", the khóa of
 * that body, or only "năm <year>" for laws. They come in either order ("… ngày 29/12/2025 của
 * Tỉnh ủy", "… của Tỉnh ủy Lào Cai ngày 29/12/2025") and each at most once. Only what directly
 * follows is read, so a date always belongs to the citation it follows, never to a later one.
 */
import { readDateAt, type DateMatch } from "../../lexicon/dates.js";
import { readIssuerAt, readTermAt, type PhraseMatch } from "./issuer.js";
import { BARE_YEAR_AT, YEAR_AT } from "../../lexicon/dates.js";
import { ISSUER_INTRO_AT, ONE_OR_TWO_SPACES, TAIL_SEPARATOR } from "./patterns.js";

export interface Tail {
  date: DateMatch | null;
  issuer: PhraseMatch | null;
  term: PhraseMatch | null;
  /** "năm 2015" after a name, when no full date is printed. */
  year: number | null;
  /** End of the last part read (the citation's span ends here); `pos` when nothing follows. */
  end: number;
}

export function readTail(
  text: string,
  folded: string,
  pos: number,
  limit: number,
  options: { bareYear?: boolean } = {},
): Tail {
  const tail: Tail = { date: null, issuer: null, term: null, year: null, end: pos };
  let cur = pos;
  for (let step = 0; step < 5 && cur < limit; step++) {
    TAIL_SEPARATOR.lastIndex = cur;
    const sep = TAIL_SEPARATOR.exec(folded);
    const at = cur + (sep ? sep[0].length : 0);
    if (at >= limit) break;
    if (tail.date === null) {
      const date = readDateAt(folded, at);
      if (date && date.end <= limit) {
        tail.date = date;
        cur = tail.end = date.end;
        continue;
      }
    }
    if (tail.issuer === null) {
      ISSUER_INTRO_AT.lastIndex = at;
      const intro = ISSUER_INTRO_AT.exec(folded);
      if (intro) {
        const issuer = readIssuerAt(text, folded, at + intro[0].length, limit);
        if (issuer) {
          tail.issuer = issuer;
          cur = tail.end = issuer.end;
          continue;
        }
      }
    }
    if (tail.term === null) {
      const term = readTermAt(text, folded, at);
      if (term && term.end <= limit) {
        tail.term = term;
        cur = tail.end = term.end;
        continue;
      }
    }
    if (tail.date === null && tail.year === null) {
      YEAR_AT.lastIndex = at;
      let y = YEAR_AT.exec(folded);
      if (!y && options.bareYear && at > cur && ONE_OR_TWO_SPACES.test(folded.slice(cur, at))) {
        BARE_YEAR_AT.lastIndex = at;
        y = BARE_YEAR_AT.exec(folded);
      }
      if (y && y.groups && at + y[0].length <= limit) {
        tail.year = Number(y.groups.year);
        cur = tail.end = at + y[0].length;
        continue;
      }
    }
    break;
  }
  return tail;
}
