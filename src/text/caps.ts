/**
 * True when a line is written in capitals (a header or heading line): over 85% of its letters
 * (at least two) are capitals. One pass over the code units, leaving as soon as too many lower
 * case letters were seen, since most lines are ordinary sentences.
 */
export function isAllCaps(text: string): boolean {
  let letters = 0;
  let lower = 0;
  const limit = text.length * 0.15;
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
    if (lower > limit) return false;
  }
  return letters >= 2 && (letters - lower) / letters > 0.85;
}
