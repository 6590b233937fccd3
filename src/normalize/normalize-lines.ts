import { cleanCharacters, HAS_COMBINING, repairEveryWord, repairStrayTones, repairTonedPairs } from "./normalize-text.js";

const FORM_FEED = "\f";
const LINE_FEED = "\n";
/** A combining mark left after NFC: its line takes the word-by-word repair (`repairToneMarks`). */
const COMBINING_MARKS = new RegExp(HAS_COMBINING.source, "gu");

/**
 * `normalizeSegment` of every line of a text, form feeds read as spaces: element i is what
 * `normalizeSegment` gives for line i. Done on the whole text at once: one pass of each step
 * instead of eight regex scans, a normalization and a replacement per line. Every step is
 * line-local (none reaches across a line feed); only a line still holding a combining mark
 * after NFC (rare) takes another branch, and is redone alone.
 */
export function normalizeLines(text: string): string[] {
  const cleaned = repairStrayTones(cleanCharacters(text.includes(FORM_FEED) ? text.replaceAll(FORM_FEED, " ") : text));
  const lines = repairTonedPairs(cleaned).split(LINE_FEED);
  COMBINING_MARKS.lastIndex = 0;
  if (COMBINING_MARKS.test(cleaned)) redoMarkedLines(cleaned, lines);
  for (let i = 0; i < lines.length; i++) if (lines[i].includes("\t")) lines[i] = lines[i].replaceAll("\t", " ");
  return lines;
}

/** Lines of `cleaned` that hold a combining mark: repaired word by word, as `repairToneMarks` does. */
function redoMarkedLines(cleaned: string, lines: string[]): void {
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
    COMBINING_MARKS.lastIndex = end;
  }
}
