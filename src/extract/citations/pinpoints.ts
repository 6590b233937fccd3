/**
 * Pinpoints (điểm / khoản / Điều) printed before a citation: "điểm a khoản 1, điểm a khoản 2,
 * Điều 39 Nghị định số 91/2017/NĐ-CP". Vietnamese cites from the smallest unit up, so a
 * chain is read left to right and a new pinpoint starts whenever the unit gets smaller again.
 */
import type { Pinpoint } from "../../schema/citation.js";
import { LABEL_SPLIT, PINPOINT, PINPOINT_GAP, PINPOINT_TO_CITATION_GAP, PINPOINT_WORD } from "./patterns.js";

type Kind = "point" | "clause" | "article";
const RANK: Record<Kind, number> = { point: 0, clause: 1, article: 2 };

interface Token {
  kind: Kind;
  labels: string[];
  start: number;
  end: number;
}

export interface PinpointMatch {
  pinpoints: Pinpoint[];
  /** Where the chain starts in the text (the citation's span is widened to it). */
  start: number;
}

function kindOf(word: string): Kind {
  const w = word.toLowerCase();
  if (w === "điểm") return "point";
  if (w === "khoản") return "clause";
  return "article";
}

/**
 * Finds the pinpoint chain that ends just before `end` (only spaces, commas or "của"/"tại"
 * between), looking no further back than `from`. Returns null when there is none.
 */
export function readPinpointsBefore(folded: string, from: number, end: number): PinpointMatch | null {
  if (end - from < 7) return null;
  const window = folded.slice(from, end);
  if (!PINPOINT_WORD.test(window)) return null;
  const tokens: Token[] = [];
  PINPOINT.lastIndex = 0;
  for (let m = PINPOINT.exec(window); m !== null; m = PINPOINT.exec(window)) {
    const g = m.groups as { kind: string; labels: string };
    tokens.push({
      kind: kindOf(g.kind),
      labels: g.labels.split(LABEL_SPLIT).filter((l) => l.length > 0),
      start: from + m.index,
      end: from + m.index + m[0].length,
    });
  }
  if (tokens.length === 0) return null;
  // Keep the chain that reaches the citation, walking back while only separators lie between.
  let last = tokens.length - 1;
  if (!PINPOINT_TO_CITATION_GAP.test(folded.slice(tokens[last].end, end))) return null;
  let first = last;
  while (first > 0 && PINPOINT_GAP.test(folded.slice(tokens[first - 1].end, tokens[first].start))) first--;
  const chain = tokens.slice(first, last + 1);
  return { pinpoints: buildPinpoints(chain), start: chain[0].start };
}

/**
 * Groups a chain into pinpoints. Each label of a word is its own pinpoint ("khoản 1, 2" → two);
 * a pinpoint missing a larger unit takes it from the next pinpoint that has it
 * ("điểm a khoản 1, điểm a khoản 2, Điều 39" → both in Điều 39).
 */
function buildPinpoints(chain: Token[]): Pinpoint[] {
  const groups: Array<Partial<Record<Kind, string>>> = [];
  let current: Partial<Record<Kind, string>> | null = null;
  let lastRank = -1;
  for (const token of chain) {
    token.labels.forEach((label, i) => {
      const rank = RANK[token.kind];
      if (current === null || i > 0 || rank <= lastRank) {
        current = {};
        groups.push(current);
      }
      current[token.kind] = label;
      lastRank = rank;
    });
  }
  // Share larger units backwards: a group takes what the next group has above its own top rank.
  for (let i = groups.length - 2; i >= 0; i--) {
    const g = groups[i];
    const next = groups[i + 1];
    const top = Math.max(...(Object.keys(g) as Kind[]).map((k) => RANK[k]));
    for (const kind of ["clause", "article"] as const) {
      if (RANK[kind] > top && g[kind] === undefined && next[kind] !== undefined) g[kind] = next[kind];
    }
  }
  return groups.map((g) => {
    const p: Pinpoint = {};
    if (g.article !== undefined) p.article = g.article;
    if (g.clause !== undefined) p.clause = g.clause;
    if (g.point !== undefined) p.point = g.point;
    return p;
  });
}
