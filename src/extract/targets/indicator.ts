/**
 * Chỉ số đo (indicator): the thing a figure measures, cleaned from the words around it.
 *
 * The indicator is built from three pieces of the clause:
 * - the prefix, from the clause start (or the split point after the previous figure) to the
 *   figure's comparator/verb/direction words: "Tốc độ tăng trưởng (GRDP) của tỉnh";
 * - for counted nouns, the noun itself ("Phấn đấu thành lập mới 310 doanh nghiệp" →
 *   "thành lập mới doanh nghiệp"), unless the prefix already names it ("Số giường bệnh …");
 * - the tail after the figure up to the next figure, bracket or punctuation, when it is more
 *   than a date ("Trên 55% lao động qua đào tạo" → "lao động qua đào tạo").
 * Cleaning drops list markers ("- ", "a) "), lead-ins ("Phấn đấu", "trong đó"), trailing value
 * verbs ("đạt"), and keeps what is after a colon ("Về thu, chi ngân sách nhà nước: dự toán thu
 * …" → "dự toán thu …"). Parenthesised qualifiers stay: "(có tính cây cao su)".
 */
import { INDICATOR_HEADS, INDICATOR_LEAD_JUNK, INDICATOR_TRAIL_JUNK } from "../../lexicon/target-words.js";
import { LEAD_IN, LEADING_MARKER, MARKUP, SPACE_TOKEN, TAIL_STOP, TIME_ONLY_TAIL, TRAILING_CLAUSE_PUNCT, WHITESPACE_RUN } from "./patterns.js";
import { isLetterCode } from "../../lexicon/letters.js";
import { foldWord } from "./words.js";

/** Phrases indexed by their first word: one lookup per position instead of one per phrase. */
function byFirstWord(phrases: readonly string[]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const p of phrases) {
    const words = p.split(" ");
    const list = map.get(words[0]) ?? [];
    list.push(words);
    list.sort((a, b) => b.length - a.length);
    map.set(words[0], list);
  }
  return map;
}
const LEAD_JUNK = byFirstWord(INDICATOR_LEAD_JUNK);
const HEADS = byFirstWord(INDICATOR_HEADS);
const TRAIL_JUNK = new Set(INDICATOR_TRAIL_JUNK);
const TAIL_WORDS = 15;
/** A prose prefix longer than this is cut at its last comma: the figure belongs to the last part. */
const LONG_PREFIX_WORDS = 20;
/** Characters dropped from the end of a tail's span. */
const TAIL_END_CHARS = new Set(" \t\n\r\u00a0,;.");
/** Characters trimmed from both ends of an indicator piece. */
const EDGE_CHARS = new Set(" \t\n\r\u00a0,;:.-–—");

/** Trims spaces and clause punctuation from both ends; a loop, so long runs stay linear. */
function trimEdges(s: string, chars: ReadonlySet<string> = EDGE_CHARS): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.has(s.charAt(a))) a++;
  while (b > a && chars.has(s.charAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isLetterCode(s.charCodeAt(i))) return true;
  return false;
}

/** True when `s` holds markup, a line break, a tab or two spaces in a row: only then is a regex pass needed. */
function untidy(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3c || c === 0x2a || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0) return true;
    if (c === 0x20 && s.charCodeAt(i + 1) === 0x20) return true;
  }
  return false;
}

function tidy(s: string): string {
  if (!untidy(s)) return s.trim();
  const plain = s.includes("<") || s.includes("*") ? s.replace(MARKUP, " ") : s;
  return plain.replace(WHITESPACE_RUN, " ").trim();
}

/** Length (in words) of the phrase of `index` that `words` open at `at`, or 0. */
function phraseAt(index: Map<string, string[][]>, words: readonly string[], at: number): number {
  const candidates = index.get(foldWord(words[at]));
  if (!candidates) return 0;
  for (const phrase of candidates) {
    if (phrase.length > words.length - at) continue;
    let ok = true;
    for (let i = 1; i < phrase.length && ok; i++) ok = foldWord(words[at + i]) === phrase[i];
    if (ok) return phrase.length;
  }
  return 0;
}

function dropLeadJunk(s: string, lead = true): string {
  const words = s.split(" ");
  let from = 0;
  while (words[from] === "") from++;
  if (lead) {
    let n = 0;
    while (from < words.length && (n = phraseAt(LEAD_JUNK, words, from)) > 0) from += n;
  }
  let to = words.length;
  while (to > from && (words[to - 1] === "" || TRAIL_JUNK.has(foldWord(words[to - 1].replace(TRAILING_CLAUSE_PUNCT, ""))))) to--;
  const out = from === 0 && to === words.length ? s : words.slice(from, to).join(" ");
  return trimEdges(out);
}

function startsWithHead(s: string): boolean {
  return phraseAt(HEADS, s.split(" ", 3), 0) > 0;
}

/** Number of space-separated words, without allocating. */
function wordCount(s: string): number {
  let n = s.length > 0 ? 1 : 0;
  for (let i = s.indexOf(" "); i >= 0; i = s.indexOf(" ", i + 1)) n++;
  return n;
}

/** Position of the last top-level comma (followed by an indicator head when `head`), or -1. */
function lastComma(s: string, head: boolean): number {
  let depth = 0;
  let found = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (c === "," && depth === 0 && (!head || startsWithHead(s.slice(i + 1, i + 48).trimStart()))) found = i;
  }
  return found;
}

/**
 * Cleans the text before a figure. `opensItem`: nothing (no comparator, verb …) stands between
 * the text and the figure, so a comma right before it starts a new item ("…, 100% trạm y tế").
 */
export function cleanPrefix(raw: string, opensItem = false): string {
  let s = tidy(raw).replace(LEADING_MARKER, "");
  const colon = s.lastIndexOf(":");
  if (colon >= 0) {
    const after = s.slice(colon + 1).trim();
    s = hasLetter(dropLeadJunk(after)) ? after : s.slice(0, colon);
  }
  // "…, 100% trạm y tế": a figure right after a comma opens a new item; the prefix is another one's.
  if (opensItem && s.trimEnd().endsWith(",")) return "";
  let leadIn = -1;
  LEAD_IN.lastIndex = 0;
  for (let m = LEAD_IN.exec(s); m !== null; m = LEAD_IN.exec(s)) {
    if (m.index === 0 || !isLetterCode(s.charCodeAt(m.index - 1))) leadIn = m.index + m[0].length;
  }
  if (leadIn >= 0) s = s.slice(leadIn);
  let comma = lastComma(s, true);
  if (comma < 0 && wordCount(s) > LONG_PREFIX_WORDS) comma = lastComma(s, false);
  if (comma >= 0) s = s.slice(comma + 1);
  s = dropLeadJunk(s.trim().replace(LEADING_MARKER, ""));
  return TIME_ONLY_TAIL.test(s) ? "" : s;
}

/**
 * Cuts the text after a figure at the first bracket, quote, colon or markup, keeps at most
 * `TAIL_WORDS` words, and drops it when it only dates the figure ("năm 2022"). Returns the cleaned
 * tail and how many characters of `raw` it covers (for the clause span).
 */
export function cleanTail(raw: string, prefixNamed = false): { tail: string; length: number } {
  let cut = raw.search(TAIL_STOP);
  // When the prefix already names the indicator, a comma after the figure starts another item.
  if (prefixNamed) {
    const comma = raw.indexOf(",");
    if (comma >= 0 && (cut < 0 || comma < cut)) cut = comma;
  }
  let piece = cut >= 0 ? raw.slice(0, cut) : raw;
  if (piece.length > TAIL_WORDS * 3 && wordCount(piece.trim().replace(WHITESPACE_RUN, " ")) > TAIL_WORDS) {
    const words = piece.split(SPACE_TOKEN);
    let count = 0;
    let length = 0;
    for (const w of words) {
      if (w.trim()) count++;
      if (count > TAIL_WORDS) break;
      length += w.length;
    }
    piece = piece.slice(0, length);
  }
  // A tail keeps its first word ("04 chỉ tiêu còn lại"): lead-ins only open prefixes.
  const tail = dropLeadJunk(tidy(piece), false);
  if (!tail || TIME_ONLY_TAIL.test(tail) || !hasLetter(tail)) return { tail: "", length: 0 };
  let end = piece.length;
  while (end > 0 && TAIL_END_CHARS.has(piece.charAt(end - 1))) end--;
  return { tail, length: end };
}

/** Joins prefix, counted noun and tail into the indicator. */
export function joinIndicator(prefix: string, noun: string | null, tail: string): string {
  let out = prefix;
  // Case-insensitive containment is enough here: a noun and the prefix that names it come from the same text.
  if (noun && !prefix.toLowerCase().includes(noun.toLowerCase())) out = out ? `${out} ${noun}` : noun;
  if (tail) out = out ? `${out} ${tail}` : tail;
  return out;
}

/** Length of the list marker and spaces at the start of a raw clause (for the clause span). */
export function leadingMarkerLength(raw: string): number {
  const spaces = raw.length - raw.trimStart().length;
  const m = LEADING_MARKER.exec(raw.slice(spaces));
  return spaces + (m ? m[0].length : 0);
}
