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

/** One pass over the code units; null as soon as more than `maxLower` lower-case letters were seen. */
function scanCase(text: string, maxLower: number): CaseCounts | null {
  let letters = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) lower++;
      else if (!(c >= 0x41 && c <= 0x5a)) continue;
    } else {
      const ch = text[i];
      const up = ch.toUpperCase();
      const down = ch.toLowerCase();
      if (up === down) continue; // not a cased letter (marks, digits, punctuation, CJK)
      if (ch === down) lower++;
    }
    letters++;
    if (lower > maxLower) return null;
  }
  return { letters, lower };
}
