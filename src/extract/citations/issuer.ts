/**
 * Cơ quan ban hành (issuer) printed after "của", and the khóa (term) of a Party or elected body.
 *
 * An issuer is a proper name: it starts with a capital ("Bộ Chính trị", "Ủy ban nhân dân tỉnh",
 * "HĐND tỉnh"), may contain lowercase words ("nhân dân", "Thường vụ"), "và" between capitalised
 * names ("Bộ Nông nghiệp và Môi trường") and " - " ("Sở Giao thông vận tải - Xây dựng").
 * It ends where the sentence goes on: "về", "về việc", "quy định", a comma, a semicolon, a
 * parenthesis, a date, or the next citation.
 */
import { CAPITALS_ABBREVIATION, CITATION_AHEAD, SPACES, TERM_AT, TYPE_AT, WHITESPACE, WORD_AT, WORD_CHAR } from "./patterns.js";
import { BODY_NAMES_WITH_VERBS, ISSUER_STOP_WORDS, ISSUER_STOP_BIGRAMS, TITLE_OPENING_VERBS } from "../../lexicon/stop-words.js";

const MAX_WORDS = 14;

export interface PhraseMatch {
  /** The text as printed, whitespace collapsed. */
  value: string;
  start: number;
  end: number;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True when a document type word starts at `pos` ("Dự án", "Kế hoạch"). */
function typeWordAt(folded: string, pos: number): boolean {
  TYPE_AT.lastIndex = pos;
  return TYPE_AT.test(folded);
}

/** True when a type word followed by a number starts at `pos`: the next citation, not a name. */
export function citationStartsAt(folded: string, pos: number): boolean {
  TYPE_AT.lastIndex = pos;
  const t = TYPE_AT.exec(folded);
  if (!t) return false;
  CITATION_AHEAD.lastIndex = pos + t[0].length;
  return CITATION_AHEAD.test(folded);
}

/**
 * Reads an issuer starting at `pos` (just after "của "), or null when what follows is not a
 * proper name ("của các cơ quan", "của một số đơn vị").
 */
export function readIssuerAt(text: string, folded: string, pos: number, limit: number): PhraseMatch | null {
  let i = pos;
  let end = -1;
  let words = 0;
  let previous = "";
  while (words < MAX_WORDS && i < limit) {
    WORD_AT.lastIndex = i;
    const m = WORD_AT.exec(folded);
    if (!m) break;
    const word = m[0];
    const lower = word.toLowerCase();
    if (words === 0 && !isUpper(word[0])) return null;
    if (words > 0 && !isUpper(word[0])) {
      if (lower === "và") {
        // "Bộ Nông nghiệp và Môi trường" goes on; "và các sở", "và Quyết định số …" do not.
        const next = nextWordAt(folded, i + word.length);
        // "… và Dự án phòng ngừa …": a type word after "và" opens another document, not a name.
        if (!next || !isUpper(next.word[0]) || citationStartsAt(folded, next.start) || typeWordAt(folded, next.start)) break;
      } else if (ISSUER_STOP_WORDS.has(lower)) {
        break;
      } else {
        const next = nextWordAt(folded, i + word.length);
        const bigram = next ? `${lower} ${next.word.toLowerCase()}` : "";
        if (next && ISSUER_STOP_BIGRAMS.has(bigram) && !BODY_NAMES_WITH_VERBS.has(`${previous.toLowerCase()} ${bigram}`)) break;
      }
    }
    if (words > 0 && isUpper(word[0]) && citationStartsAt(folded, i)) break;
    if (words > 0 && isUpper(word[0])) {
      // "… của Thủ tướng Chính phủ Ban hành tiêu chí …": a verb that opens the cited title.
      const next = nextWordAt(folded, i + word.length);
      if (next && !isUpper(next.word[0]) && TITLE_OPENING_VERBS.has(`${lower} ${next.word.toLowerCase()}`)) break;
    }
    words++;
    previous = word;
    end = i + word.length;
    i = skipInnerSeparator(folded, end);
    if (i < 0) break;
  }
  if (end < 0) return null;
  return { value: text.slice(pos, end).replace(SPACES, " "), start: pos, end };
}

/**
 * After a word of a name: the start of the next word when only a space (or one line break),
 * " - " before a capital, or the dot of "TP." lies between; -1 when the name stops here.
 */
function skipInnerSeparator(folded: string, pos: number): number {
  let i = pos;
  let spaces = 0;
  let newlines = 0;
  while (i < folded.length && spaces < 16) {
    const c = folded[i];
    if (c === " " || c === "\t" || c === "\u00A0") spaces++;
    else if (c === "\n") {
      if (++newlines > 1) return -1;
      spaces++;
    } else break;
    i++;
  }
  const c = folded[i];
  if (c === undefined) return -1;
  if (spaces > 0 && WORD_CHAR.test(c)) return i;
  if (c === "-" || c === "\u2013") {
    // "Sở Giao thông vận tải - Xây dựng", "tỉnh Bà Rịa-Vũng Tàu": a dash between two capitalised parts.
    let j = i + 1;
    while (folded[j] === " ") j++;
    const spacedEvenly = (spaces > 0) === (j > i + 1);
    if (spacedEvenly && j - i < 4 && folded[j] !== undefined && isUpper(folded[j])) return j;
    return -1;
  }
  if (c === "." && spaces === 0) {
    // "TP. Hồ Chí Minh": a dotted abbreviation of at most three capitals.
    const before = folded.slice(Math.max(0, pos - 3), pos);
    if (CAPITALS_ABBREVIATION.test(before.trim()) && folded[i + 1] === " " && isUpper(folded[i + 2] ?? "")) return i + 2;
  }
  return -1;
}

/** The next word after spaces (at most one line break), or null. */
export function nextWordAt(folded: string, pos: number): { word: string; start: number } | null {
  let i = pos;
  let n = 0;
  while (i < folded.length && n < 16 && WHITESPACE.test(folded[i])) {
    i++;
    n++;
  }
  if (i === pos) return null;
  WORD_AT.lastIndex = i;
  const m = WORD_AT.exec(folded);
  return m ? { word: m[0], start: i } : null;
}

/** "khóa XI", "(khóa XI)", "nhiệm kỳ 2020" at `pos`: the term without parentheses. */
export function readTermAt(text: string, folded: string, pos: number): PhraseMatch | null {
  TERM_AT.lastIndex = pos;
  const m = TERM_AT.exec(folded);
  if (!m || !m.groups) return null;
  const g = m.groups;
  // A lone "(" without its ")" is not part of the term.
  if (g.open !== undefined && g.close === undefined) return null;
  const termStart = pos + (g.open?.length ?? 0);
  const termEnd = termStart + g.term.length;
  return { value: text.slice(termStart, termEnd).replace(SPACES, " "), start: pos, end: pos + m[0].length };
}
