/**
 * True when a line is written in capitals (a header or heading line): over 85% of its letters
 * (at least two) are capitals. One pass over the code units, leaving as soon as too many lower
 * case letters were seen, since most lines are ordinary sentences.
 */
export function isAllCaps(text: string): boolean {
  const counts = scanCase(text, text.length * 0.15);
  return counts !== null && capsOfCounts(counts);
}

/** Letters and lower-case letters of a text: counts add up, so a growing paragraph is counted once per line. */
export interface CaseCounts {
  letters: number;
  lower: number;
}

/** The test of isAllCaps on counts. */
export function capsOfCounts(counts: CaseCounts): boolean {
  return counts.letters >= 2 && (counts.letters - counts.lower) / counts.letters > 0.85;
}

export function countCase(text: string): CaseCounts {
  return scanCase(text, Infinity)!;
}

/**
 * One pass over the code units; null as soon as more than `maxLower` lower-case letters were
 * seen. Branch-free per unit (the case kinds are numbered so that `kind >> 1` is 1 for a
 * letter): Vietnamese text alternates cased and uncased units unpredictably, and the branchy
 * loop ran at half this speed.
 */
function scanCase(text: string, maxLower: number): CaseCounts | null {
  let letters = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let kind = CASE_OF_UNIT[code];
    if (kind === UNKNOWN) kind = learnCase(code);
    letters += kind >> 1;
    lower += kind === LOWER ? 1 : 0;
    if (lower > maxLower) return null;
  }
  return { letters, lower };
}

// Numbered so that `kind >> 1` is 1 for a letter and 0 otherwise (scanCase adds it up).
const UNKNOWN = 0;
const UNCASED = 1;
const LOWER = 2;
const UPPER = 3;
/**
 * The case of each UTF-16 code unit, learnt on first sight: toUpperCase/toLowerCase on a
 * one-character string allocate two strings, and Vietnamese text has a non-ASCII letter in
 * every few (a sixth of the text pipeline's time went there).
 */
const CASE_OF_UNIT = new Uint8Array(0x10000);

/** Learns the case of a code unit not seen yet (marks, digits, punctuation, CJK: uncased). */
function learnCase(code: number): number {
  const ch = String.fromCharCode(code);
  const down = ch.toLowerCase();
  const kind = ch.toUpperCase() === down ? UNCASED : ch === down ? LOWER : UPPER;
  CASE_OF_UNIT[code] = kind;
  return kind;
}
