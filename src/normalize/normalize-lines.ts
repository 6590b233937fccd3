import { cleanCharacters, HAS_COMBINING, isUntouched, repairEveryWord, repairStrayTones, repairTonedPairs } from "./normalize-text.js";

const FORM_FEED = "\f";
const LINE_FEED = "\n";
/** A combining mark left after NFC: its line takes the word-by-word repair (`repairToneMarks`). */
const COMBINING_MARKS = new RegExp(HAS_COMBINING.source, "gu");

/** The lines of a text, normalized (`normalizeLines`). */
export interface NormalizedLines {
  lines: string[];
  /**
   * No line holds anything `normalizeSegment` would still change (`mayNeedNormalizing` is false
   * for each, and for any join of them with spaces): the cleaning removed every character it
   * looks for and tabs became spaces, so only a combining mark could remain: on a line that
   * held one after NFC and kept it through the word repair (the pair repair composes what it
   * moves).
   */
  settled: boolean;
}

/**
 * How much text one pass of the steps covers: whole lines, about this many code units at a time
 * (16 KB). Each step makes a new string of what it reads; over a piece this size those strings
 * live in the young generation and in the processor's cache, where a step over a whole text of
 * megabytes makes strings of megabytes, each in fresh memory the system must map and zero
 * (docs/performance.md, sixteenth pass: ~3.6 ms per MB on the bench machine).
 */
const PIECE_CODE_UNITS = 8192;

/**
 * `normalizeSegment` of every line of a text, form feeds read as spaces: `lines[i]` is what
 * `normalizeSegment` gives for line i. Done on many lines at once: one pass of each step over
 * a piece of whole lines instead of eight regex scans, a normalization and a replacement per
 * line. Every step is line-local (none reaches across a line feed), so the pieces give the lines
 * the whole text would; only a line still holding a combining mark after NFC (rare) takes
 * another branch, and is redone alone.
 */
export function normalizeLines(text: string): NormalizedLines {
  if (text.length <= PIECE_CODE_UNITS) return normalizePiece(text);
  const lines: string[] = [];
  let settled = true;
  for (let start = 0; ; ) {
    const cut = start + PIECE_CODE_UNITS >= text.length ? -1 : text.indexOf(LINE_FEED, start + PIECE_CODE_UNITS);
    const piece = normalizePiece(text.slice(start, cut === -1 ? text.length : cut));
    for (const line of piece.lines) lines.push(line);
    settled &&= piece.settled;
    if (cut === -1) return { lines, settled };
    start = cut + 1;
  }
}

/** `normalizeLines` of a piece of whole lines, in one pass of each step. */
function normalizePiece(text: string): NormalizedLines {
  const spaced = text.includes(FORM_FEED) ? text.replaceAll(FORM_FEED, " ") : text;
  // Most pieces have nothing to clean, compose or reattach, and no mark: one pass tells.
  const untouched = isUntouched(spaced);
  const cleaned = untouched ? spaced : repairStrayTones(cleanCharacters(spaced));
  const lines = repairTonedPairs(cleaned).split(LINE_FEED);
  COMBINING_MARKS.lastIndex = 0;
  const marksLeft = !untouched && COMBINING_MARKS.test(cleaned) && redoMarkedLines(cleaned, lines);
  // One search of the piece first: most hold no tab, and then no line needs looking at.
  if (cleaned.includes("\t")) for (let i = 0; i < lines.length; i++) if (lines[i].includes("\t")) lines[i] = lines[i].replaceAll("\t", " ");
  return { lines, settled: !marksLeft };
}

/**
 * Lines of `cleaned` that hold a combining mark: repaired word by word, as `repairToneMarks`
 * does. True when a mark is left on one of them (a mark no letter takes).
 */
function redoMarkedLines(cleaned: string, lines: string[]): boolean {
  let left = false;
  let line = 0;
  let lineStart = 0;
  COMBINING_MARKS.lastIndex = 0;
  for (let m = COMBINING_MARKS.exec(cleaned); m !== null; m = COMBINING_MARKS.exec(cleaned)) {
    // Walk to the line of the mark; every line's length is read from `cleaned` itself.
    let lineEnd = cleaned.indexOf(LINE_FEED, lineStart);
    while (lineEnd !== -1 && lineEnd < m.index) {
      line++;
      lineStart = lineEnd + 1;
      lineEnd = cleaned.indexOf(LINE_FEED, lineStart);
    }
    const end = lineEnd === -1 ? cleaned.length : lineEnd;
    lines[line] = repairEveryWord(cleaned.slice(lineStart, end));
    left ||= HAS_COMBINING.test(lines[line]);
    COMBINING_MARKS.lastIndex = end;
  }
  return left;
}
