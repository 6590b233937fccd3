import type { SectionKind } from "../schema/section.js";
import { MARKER_APPENDIX, MARKER_ARTICLE, MARKER_BULLET, MARKER_CHAPTER, MARKER_DECIMAL, MARKER_LETTER, MARKER_NUMBER, MARKER_PART, MARKER_ROMAN, MARKER_SECTION, MARKER_SUBSECTION } from "../lexicon/section-markers.js";
import { VIETNAMESE_ALPHABET } from "../lexicon/letters.js";

export interface Marker {
  kind: SectionKind;
  /** The marker as printed, trailing punctuation dropped: "Phần thứ nhất", "I", "1.2", "đ", "-". */
  label: string;
  /** Offset in the block text where the text after the marker starts. */
  restOffset: number;
  rest: string;
  /** Nesting rank: a marker closes every open section of equal or greater rank. */
  rank: number;
}

/** Ranks of marker kinds, outermost first; clause and point take the number and letter ranks. */
export const RANK: Record<SectionKind, number> = {
  attachment: -2,
  appendix: -1,
  part: 0,
  chapter: 1,
  section: 2,
  subsection: 3,
  article: 4,
  roman: 5,
  number: 6,
  clause: 6,
  decimal: 7,
  letter: 8,
  point: 8,
  bullet: 9,
};

const ORDER: Array<[SectionKind, RegExp, boolean]> = [
  // [kind, pattern, runs on folded text (keywords) or on the text as printed]
  ["appendix", MARKER_APPENDIX, true],
  ["part", MARKER_PART, true],
  ["chapter", MARKER_CHAPTER, true],
  ["subsection", MARKER_SUBSECTION, true],
  ["section", MARKER_SECTION, true],
  ["article", MARKER_ARTICLE, true],
  ["decimal", MARKER_DECIMAL, false],
  ["roman", MARKER_ROMAN, false],
  ["number", MARKER_NUMBER, false],
  ["letter", MARKER_LETTER, false],
  ["bullet", MARKER_BULLET, false],
];

/** The section marker a block opens with, or null. */
export function markerOf(text: string, folded: string): Marker | null {
  for (const [kind, pattern, onFolded] of ORDER) {
    const m = pattern.exec(onFolded ? folded : text);
    if (!m?.groups) continue;
    const label = text.slice(0, m.groups.label.length);
    const rest = m.groups.rest ?? "";
    const restOffset = text.length - rest.length;
    if (kind === "roman" && !isRoman(label)) continue;
    // "Phụ lục" opens an appendix only as a heading line, not in a sentence ("Phụ lục kèm theo …").
    if (kind === "appendix" && (text.length > 160 || /[.;,]$/u.test(text))) continue;
    if (kind === "number" && /^\d{4}$/u.test(label)) continue;
    let rank = RANK[kind];
    // "+" items sit under "-" items.
    if (kind === "bullet" && label === "+") rank += 0.5;
    return { kind, label: kind === "appendix" || kind === "part" || kind === "chapter" || kind === "article" ? normalizeSpaces(label) : label, restOffset, rest: text.slice(restOffset), rank };
  }
  return null;
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/u;
function isRoman(label: string): boolean {
  return label.length > 0 && ROMAN.test(label);
}

function normalizeSpaces(s: string): string {
  return s.replace(/\s+/gu, " ");
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const WORD_ORDINALS: Record<string, number> = {
  nhất: 1, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10,
};

/** The ordinal a label stands for ("III" → 3, "đ" → 6, "1.2" → 2), for gap detection. */
export function ordinalOf(kind: SectionKind, label: string): number | null {
  const last = label.split(/\s+/u).pop() ?? label;
  switch (kind) {
    case "roman":
      return romanValue(label);
    case "number":
    case "clause":
      return Number(label);
    case "decimal":
      return Number(label.split(".").pop());
    case "letter":
    case "point": {
      const i = VIETNAMESE_ALPHABET.indexOf(label.toLowerCase());
      return i === -1 ? null : i + 1;
    }
    case "appendix":
    case "part":
    case "chapter":
    case "section":
    case "subsection":
    case "article": {
      if (/^\d+/u.test(last)) return Number.parseInt(last, 10);
      if (/^[IVXLC]+$/u.test(last)) return romanValue(last);
      return WORD_ORDINALS[last.toLowerCase()] ?? null;
    }
    default:
      return null;
  }
}

function romanValue(s: string): number | null {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    if (v === undefined) return null;
    const next = ROMAN_VALUES[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * Does `letter` come right after `previous`? Documents letter their điểm in the Vietnamese
 * alphabet (d, đ, e, g) or in the Latin one (d, e, f, g); either order is no gap.
 */
export function followsLetter(previous: string, letter: string): boolean {
  const a = previous.toLowerCase();
  const b = letter.toLowerCase();
  if (nextLetter(a) === b) return true;
  const isAscii = (x: string): boolean => x.length === 1 && x >= "a" && x <= "z";
  return isAscii(a) && isAscii(b) && b.charCodeAt(0) === a.charCodeAt(0) + 1;
}

/** The letter that follows in the Vietnamese alphabet: d → đ, đ → e, g → h (no f, j, w, z). */
export function nextLetter(letter: string): string | null {
  const i = VIETNAMESE_ALPHABET.indexOf(letter.toLowerCase());
  return i === -1 || i + 1 >= VIETNAMESE_ALPHABET.length ? null : VIETNAMESE_ALPHABET[i + 1];
}
