import { cleanCharacters, HAS_COMBINING, repairEveryWord, repairStrayTones, repairTonedPairs } from "./normalize-text.js";

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
 * `normalizeSegment` of every line of a text, form feeds read as spaces: `lines[i]` is what
 * `normalizeSegment` gives for line i. Done on the whole text at once: one pass of each step
 * instead of eight regex scans, a normalization and a replacement per line. Every step is
 * line-local (none reaches across a line feed); only a line still holding a combining mark
 * after NFC (rare) takes another branch, and is redone alone.
 */
export function normalizeLines(text: string): NormalizedLines {
  const cleaned = repairStrayTones(cleanCharacters(text.includes(FORM_FEED) ? text.replaceAll(FORM_FEED, " ") : text));
  const lines = repairTonedPairs(cleaned).split(LINE_FEED);
  COMBINING_MARKS.lastIndex = 0;
  const marksLeft = COMBINING_MARKS.test(cleaned) && redoMarkedLines(cleaned, lines);
  for (let i = 0; i < lines.length; i++) if (lines[i].includes("\t")) lines[i] = lines[i].replaceAll("\t", " ");
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
