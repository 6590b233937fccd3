/**
 * Loại quan hệ: the kind of a citation, read from the words of its clause. The cue nearest to
 * the citation wins ("Báo cáo kết quả thực hiện Kế hoạch số …" is read at "thực hiện", then
 * lifted to reports_or_answers because the clause, or the document, is a report).
 */
import {
  FOREIGN_ATTACHMENT_WORDS,
  RELATION_CUES,
  STRONG_KINDS,
  WEAK_CUES,
  type RelationKindName,
} from "../lexicon/relation-words.js";
import type { Citation } from "../schema/citation.js";
import type { Span } from "../schema/span.js";
import { foldTones } from "../text/fold.js";
import type { LinkableRecord } from "./linkable-record.js";

/** How far back and forward a clause is read, at most. */
const WINDOW_BEFORE = 200;
const WINDOW_AFTER = 120;
/**
 * Where a clause ends: ";", ":", "!", "?", a full stop before a space (not "1.2", not "BC-X.LĐ"),
 * or a line break unless the next line goes on in lower case (a wrapped line of a PDF).
 */
const CLAUSE_BREAK = /(?<mark>[;:!?]|\.(?=\s|$)|[\r\n](?![ \t]*[\p{Ll}\d]))/gu;
/** A clause that opens with a cue, after a list marker ("- ", "a) ", "2. "): that cue governs the clause. */
const CLAUSE_LEAD = /^[\s\-–*+•]*(?:[\p{L}\d]{1,3}[.)]\s+)?/u;
/** A clause that is only "(Ban hành) kèm theo …": the annex line under an attachment's title. */
const ATTACHMENT_LINE_LEAD = /^\s*\(?\s*(?:ban hành\s*)?$/u;
/** A letter or digit: cues must stand as whole words. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

export interface RelationReading {
  kind: RelationKindName;
  /** The cue as listed in the lexicon; null when none was read. */
  cue: string | null;
  /** Where the evidence starts: the cue, or the citation itself. */
  start: number;
}

const BEFORE_CUES = RELATION_CUES.filter((c) => !c.after).map((c) => ({ ...c, folded: foldSameLength(c.words) }));
const AFTER_CUES = RELATION_CUES.filter((c) => c.after).map((c) => ({ ...c, words: foldSameLength(c.words) }));
const REPORT_CUE = "báo cáo";

/** Lower case, classic tone placement, same length as the input (offsets survive). */
function foldSameLength(text: string): string {
  const folded = foldTones(text).toLowerCase();
  return folded.length === text.length ? folded : text.toLowerCase();
}

function isWordAt(text: string, start: number, end: number): boolean {
  return (start === 0 || !WORD_CHAR.test(text[start - 1])) && (end >= text.length || !WORD_CHAR.test(text[end]));
}

/** Start of the clause that holds `end`: after the last clause break within the window. */
function clauseStart(text: string, end: number): number {
  const from = Math.max(0, end - WINDOW_BEFORE);
  let start = from;
  CLAUSE_BREAK.lastIndex = 0;
  const window = text.slice(from, end);
  for (let m = CLAUSE_BREAK.exec(window); m !== null; m = CLAUSE_BREAK.exec(window)) {
    // A line wrapped right before the citation ("… Điều 15\nNghị định này") is not a clause end.
    if (m.groups?.mark === "\n" && window.slice(m.index + 1).trim() === "") continue;
    start = from + m.index + 1;
  }
  return start;
}

function clauseEnd(text: string, start: number): number {
  const window = text.slice(start, start + WINDOW_AFTER);
  CLAUSE_BREAK.lastIndex = 0;
  const m = CLAUSE_BREAK.exec(window);
  return m ? start + m.index : start + window.length;
}

/** True when [at, at+len) lies inside the span of a citation other than the one read. */
function insideOtherCitation(spans: readonly Span[], self: Span, at: number, end: number): boolean {
  return spans.some((s) => !(s.start === self.start && s.end === self.end) && s.start <= at && end <= s.end);
}

function lastCue(
  folded: string,
  from: number,
  to: number,
  spans: readonly Span[],
  self: Span,
): { kind: RelationKindName; words: string; at: number } | null {
  let best: { kind: RelationKindName; words: string; at: number } | null = null;
  for (const cue of BEFORE_CUES) {
    let at = folded.lastIndexOf(cue.folded, to - cue.folded.length);
    while (at >= from) {
      const end = at + cue.folded.length;
      if (isWordAt(folded, at, end) && !insideOtherCitation(spans, self, at, end)) break;
      at = folded.lastIndexOf(cue.folded, at - 1);
    }
    if (at < from) continue;
    const end = at + cue.words.length;
    const bestEnd = best ? best.at + best.words.length : -1;
    if (end > bestEnd || (end === bestEnd && best !== null && cue.words.length > best.words.length)) {
      best = { kind: cue.kind, words: cue.words, at };
    }
  }
  return best;
}

/**
 * The relation of `record` to the document `citation` names. `spans` are the spans of all the
 * record's citations sorted by start, so that a type word inside another citation ("… tại Báo cáo số 01/BC …")
 * is not read as a cue.
 */
export function classifyRelation(record: LinkableRecord, citation: Citation, spans: readonly Span[]): RelationReading {
  const text = record.text;
  const { start, end } = citation.span;
  if (citation.legalBasis) return { kind: "legal_basis", cue: "căn cứ", start: clauseStart(text, start) };
  const from = clauseStart(text, start);
  const after = clauseEnd(text, end);
  const folded = foldSameLength(text.slice(from, after));
  const offset = from;
  const tail = folded.slice(end - offset);
  let fallback: RelationReading | null = null;
  for (const cue of AFTER_CUES) {
    const at = tail.indexOf(cue.words);
    if (at < 0 || !isWordAt(tail, at, at + cue.words.length)) continue;
    if (STRONG_KINDS.includes(cue.kind)) return { kind: cue.kind, cue: cue.words, start };
    fallback ??= { kind: cue.kind, cue: cue.words, start };
  }
  const local = nearbySpans(spans, from, start).map((s) => ({ start: s.start - offset, end: s.end - offset }));
  let found = lastCue(folded, 0, start - offset, local, { start: start - offset, end: end - offset });
  if (!found) return fallback ?? { kind: "other", cue: null, start };
  // A cue opening the clause outranks a weak one that only qualifies a list item.
  const lead = CLAUSE_LEAD.exec(folded)?.[0].length ?? 0;
  const opening = lastCue(folded, 0, Math.min(start - offset, lead + 40), local, { start: start - offset, end: end - offset });
  if (opening && opening.at <= lead && opening.at !== found.at && WEAK_CUES.includes(found.words)) found = opening;
  if (found.kind === "attached_to") {
    // Whose attachment: "Mẫu số 16 Phụ lục II ban hành kèm theo Nghị định …" is the form's, not this document's.
    const before = folded.slice(0, found.at);
    const between = folded.slice(found.at + found.words.length, start - offset);
    const ownLine = ATTACHMENT_LINE_LEAD.test(before);
    // Following a form or annex of the cited document ("theo Mẫu số 14 … kèm theo Nghị định …") is relying on it.
    if (!ownLine && FOREIGN_ATTACHMENT_WORDS.some((w) => before.includes(w) || between.includes(w))) {
      return { kind: "legal_basis", cue: found.words, start: offset + found.at };
    }
  }
  let kind = found.kind;
  const isReport = record.type.code === "BC";
  if (kind === "implements" && (isReport || hasWord(folded.slice(0, found.at), REPORT_CUE))) kind = "reports_or_answers";
  return { kind, cue: found.words, start: offset + found.at };
}

/** Spans (sorted by start) that may hold a cue between `from` and `to`: a binary search, then a short walk. */
function nearbySpans(spans: readonly Span[], from: number, to: number): Span[] {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < from - WINDOW_BEFORE) lo = mid + 1;
    else hi = mid;
  }
  const out: Span[] = [];
  for (let i = lo; i < spans.length && spans[i].start < to; i++) if (spans[i].end > from) out.push(spans[i]);
  return out;
}

function hasWord(text: string, words: string): boolean {
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (isWordAt(text, at, at + words.length)) return true;
  }
  return false;
}
