/**
 * Finding trích dẫn (citations) inside one text unit.
 *
 * Three anchors start a citation, each found by a pattern that starts with a digit or a literal
 * word so the scan stays linear:
 * 1. a type cited by name (Luật, Bộ luật, Pháp lệnh, Hiến pháp, named Nghị quyết, Đề án):
 *    the name is read forward, then its symbol, date and issuer if printed;
 * 2. a số ký hiệu: the type word ("Quyết định số", misspelled "Chị thị", the code "QĐ số"),
 *    "số" of a list item, or nothing is read backwards from it, then date and issuer forwards;
 * 3. "này" after a type word: a self reference ("Quyết định này").
 * Pinpoints (điểm, khoản, Điều) are read backwards from any of them. A unit is matched on its
 * tone-folded copy (same offsets) and every output string is sliced from the original text.
 */
import type { Citation, Pinpoint } from "../../schema/citation.js";
import type { Warning } from "../../schema/span.js";
import type { WarningCode } from "../../schema/warning-codes.js";
import type { ExtractContext, TextUnit } from "../context.js";
import type { DateMatch } from "../../lexicon/dates.js";
import { readIssuerAt, type PhraseMatch } from "./issuer.js";
import { foldSlice, foldTones } from "../../text/fold.js";
import { CODE_BEFORE_SYMBOL, DIGIT, ENDS_WITH_SPACE, ISSUER_INTRO_PREFIX, LAST_WORD, LEADING_NOTE_MARK, LIST_HEADER, NAMED_TYPE, NUMBER_PART, PAREN_SO_AT, PREVIOUS_WORD, SELF_WORD, SENTENCE_OR_PARAGRAPH_BREAK, SO_AT, SO_BEFORE_SYMBOL, SPACES, TYPE_BEFORE_SELF, TYPE_BEFORE_SYMBOL, UNIT_PREFILTER_WORDS, WHITESPACE, WORD_CHAR } from "./patterns.js";
import { LETTER_OR_MARK } from "../../lexicon/letters.js";
import { ORG_HEAD } from "../../lexicon/issuer-words.js";
import { LEGAL_BASIS_LINE } from "../../lexicon/section-markers.js";
import { OWN_NUMBER_LINE, SYMBOL, SYMBOL_AT } from "../../lexicon/document-number.js";
import { readPinpointsBefore } from "./pinpoints.js";
import { canStandAlone, parseSymbol, type ParsedSymbol, type SymbolGroups } from "./symbol.js";
import { readTail, type Tail } from "./tail.js";
import { readTitle, type NameKind } from "./titles.js";
import { GENERIC_DOCUMENT_WORDS, documentTypeByCode, documentTypeByName, type DocumentType } from "../../lexicon/document-types.js";

export type InferredField = Citation["inferred"][number];

/** A citation found in one unit, with what the resolution step needs. */
export interface FoundCitation {
  citation: Citation;
  /** Index of the unit in `ctx.units`. */
  unit: number;
  /**
   * What introduced it: a type word, "số" alone (a list item), nothing (a symbol standing
   * alone), a name, or a self reference. Only introduced items share a list's date.
   */
  intro: "type" | "so" | "none" | "name" | "self";
  /** Its issuer came from a list header ("Tại các Quyết định của …:"), so the whole list shares it. */
  headerIssuer: boolean;
}

/** How far back to look for the type word, "số" or a list header before a symbol. */
const TYPE_WINDOW = 64;
const PINPOINT_WINDOW = 240;
const HEADER_WINDOW = 600;
const SELF_WINDOW = 48;

const GENERIC_KEYS = new Set(GENERIC_DOCUMENT_WORDS.map((w) => w.toLowerCase()));

/** One unit being scanned: local coordinates, offsets added when citations are built. */
interface Scan {
  ctx: ExtractContext;
  unit: TextUnit;
  unitIndex: number;
  text: string;
  folded: string;
  offset: number;
  legalBasis: boolean;
  /**
   * Local ranges already taken by a citation, one sorted array per pass: a pass claims in text
   * order, so claiming is an append (a single merged array would make it quadratic).
   */
  claims: Array<Array<[number, number]>>;
  found: FoundCitation[];
}

interface Draft {
  start: number;
  end: number;
  type: DocumentType | null;
  typeCorrection: Citation["typeCorrection"];
  number: string | null;
  symbol: string | null;
  year: number | null;
  date: string | null;
  issuer: string | null;
  issuerTerm: string | null;
  title: string | null;
  pinpoints: Pinpoint[];
  self: boolean;
  inferred: InferredField[];
}

/** Scans one unit and appends its citations (in text order) to `out`. Never throws on content. */
export function findCitationsInUnit(ctx: ExtractContext, unitIndex: number, out: FoundCitation[]): void {
  const unit = ctx.units[unitIndex];
  const start = Math.max(0, Math.min(unit.span.start, ctx.text.length));
  const end = Math.max(start, Math.min(unit.span.end, ctx.text.length));
  const text = ctx.text.slice(start, end);
  if (!mayCite(text)) return;
  const folded = ctx.folded === undefined ? foldTones(text) : foldSlice(ctx.folded, start, end);
  const scan: Scan = {
    ctx,
    unit,
    unitIndex,
    text,
    folded,
    offset: start,
    legalBasis: unit.role === "preamble" && LEGAL_BASIS_LINE.test(folded),
    claims: [],
    found: [],
  };
  for (const pass of [findNamed, findSymbols, findSelf]) {
    scan.claims.push([]);
    pass(scan);
  }
  scan.found.sort((a, b) => a.citation.span.start - b.citation.span.start);
  for (const f of scan.found) out.push(f);
}

// ---------------------------------------------------------------------------------------------
// Claimed ranges
// ---------------------------------------------------------------------------------------------

/** Index of the first range of `ranges` that ends after `pos`. */
function firstEndingAfter(ranges: Array<[number, number]>, pos: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isClaimed(scan: Scan, pos: number): boolean {
  return overlapsClaim(scan, pos, pos + 1);
}

function overlapsClaim(scan: Scan, start: number, end: number): boolean {
  for (const ranges of scan.claims) {
    const i = firstEndingAfter(ranges, start);
    if (i < ranges.length && ranges[i][0] < end) return true;
  }
  return false;
}

/** End of the last claimed range that ends at or before `pos` (0 when none). */
function claimedEndBefore(scan: Scan, pos: number): number {
  let best = 0;
  for (const ranges of scan.claims) {
    const i = firstEndingAfter(ranges, pos);
    if (i > 0) best = Math.max(best, ranges[i - 1][1]);
  }
  return best;
}

/** Start of the first claimed range at or after `pos` (the unit's end when none). */
function claimedStartAfter(scan: Scan, pos: number): number {
  let best = scan.text.length;
  for (const ranges of scan.claims) {
    const i = firstEndingAfter(ranges, pos);
    if (i < ranges.length) best = Math.min(best, Math.max(pos, ranges[i][0]));
  }
  return best;
}

function claim(scan: Scan, start: number, end: number): void {
  const current = scan.claims[scan.claims.length - 1];
  const i = firstEndingAfter(current, start);
  // Appends in the usual case (a pass goes in text order); stays correct otherwise.
  if (i === current.length) current.push([start, end]);
  else current.splice(i, 0, [start, end]);
}

// ---------------------------------------------------------------------------------------------
// Building a citation
// ---------------------------------------------------------------------------------------------

function emptyDraft(start: number, end: number): Draft {
  return {
    start,
    end,
    type: null,
    typeCorrection: null,
    number: null,
    symbol: null,
    year: null,
    date: null,
    issuer: null,
    issuerTerm: null,
    title: null,
    pinpoints: [],
    self: false,
    inferred: [],
  };
}

function warn(scan: Scan, code: WarningCode, message: string, start: number, end: number): void {
  const span: Warning["span"] = { start: scan.offset + start, end: scan.offset + end };
  if (scan.unit.span.page !== undefined) span.page = scan.unit.span.page;
  scan.ctx.warnings.push({ code, message, span });
}

/** Adds the pinpoints printed before `coreStart` and widens the draft to them. */
function addPinpoints(scan: Scan, d: Draft, coreStart: number): void {
  const from = Math.max(claimedEndBefore(scan, coreStart), coreStart - PINPOINT_WINDOW);
  const pins = readPinpointsBefore(scan.folded, from, coreStart);
  if (!pins) return;
  d.pinpoints = pins.pinpoints;
  d.start = Math.min(d.start, pins.start);
}

/** Applies what follows the citation (date, issuer, term, year) to the draft. */
function applyTail(scan: Scan, d: Draft, tail: Tail): void {
  if (tail.date) {
    if (tail.date.iso) d.date = tail.date.iso;
    else warnInvalidDate(scan, tail.date);
    d.year ??= tail.date.year;
  }
  if (tail.year !== null) d.year ??= tail.year;
  if (tail.issuer) d.issuer = tail.issuer.value;
  if (tail.term) d.issuerTerm = tail.term.value;
  d.end = Math.max(d.end, tail.end);
}

function warnInvalidDate(scan: Scan, date: DateMatch): void {
  warn(
    scan,
    "citation_date_invalid",
    `Cited document's date "${date.printed.replace(SPACES, " ")}" is not a calendar date; left empty.`,
    date.start,
    date.end,
  );
}

function commit(scan: Scan, d: Draft, intro: FoundCitation["intro"]): void {
  const start = scan.offset + d.start;
  const end = scan.offset + d.end;
  const span: Citation["span"] = { start, end };
  if (scan.unit.span.page !== undefined) span.page = scan.unit.span.page;
  const citation: Citation = {
    raw: scan.ctx.text.slice(start, end),
    span,
    sectionId: scan.unit.sectionId,
    footnote: scan.unit.footnote,
    type: d.type?.name ?? null,
    typeCorrection: d.typeCorrection,
    number: d.number,
    symbol: d.symbol,
    year: d.year,
    date: d.date,
    issuer: d.issuer,
    issuerTerm: d.issuerTerm,
    title: d.title,
    pinpoints: d.pinpoints,
    self: d.self,
    legalBasis: scan.legalBasis,
    inferred: d.inferred,
  };
  claim(scan, d.start, d.end);
  scan.found.push({ citation, unit: scan.unitIndex, intro, headerIssuer: d.inferred.includes("issuer") });
}

// ---------------------------------------------------------------------------------------------
// 1. Documents cited by name
// ---------------------------------------------------------------------------------------------

function nameKind(typeKey: string): NameKind {
  if (typeKey === "nghị quyết") return "resolution";
  if (typeKey === "đề án") return "project";
  return "law";
}

function findNamed(scan: Scan): void {
  const { text, folded } = scan;
  NAMED_TYPE.lastIndex = 0;
  for (let m = NAMED_TYPE.exec(folded); m !== null; m = NAMED_TYPE.exec(folded)) {
    const typeStart = m.index;
    const typeEnd = m.index + m[0].length;
    if (typeStart > 0 && isWordCharAt(folded, typeStart - 1)) continue;
    if (typeEnd < folded.length && isWordCharAt(folded, typeEnd)) continue;
    if (isClaimed(scan, typeStart)) continue;
    const key = m[0].toLowerCase().replace(SPACES, " ");
    // "pháp luật" (law in general), "PHÁP LUẬT": not a law's name.
    if (key === "luật" && previousWord(folded, typeStart) === "pháp") continue;
    const type = documentTypeByName(key, { fuzzy: false });
    if (!type) continue;
    const kind = nameKind(key);
    const title = readTitle(text, folded, typeStart, typeEnd, kind, key === "hiến pháp");
    if (!title) continue;
    const d = emptyDraft(typeStart, title.end);
    d.type = type;
    d.title = title.title;
    d.number = title.number;
    let cursor = title.end;
    // "Luật Điện lực số 61/2024/QH15", "Luật Đất đai (số 45/2013/QH13 ngày 29/11/2013)".
    const symbol = symbolAfterName(scan, cursor);
    if (symbol) {
      d.number = symbol.parsed.number;
      d.symbol = symbol.parsed.symbol;
      d.year = symbol.parsed.year;
      cursor = d.end = symbol.end;
    }
    const limit = claimedStartAfter(scan, cursor);
    applyTail(scan, d, readTail(text, folded, cursor, limit, { bareYear: kind === "law" }));
    if (symbol?.paren && text[d.end] === ")") d.end += 1;
    addPinpoints(scan, d, typeStart);
    commit(scan, d, "name");
    NAMED_TYPE.lastIndex = Math.max(NAMED_TYPE.lastIndex, d.end);
  }
}

function symbolAfterName(scan: Scan, pos: number): { parsed: ParsedSymbol; end: number; paren: boolean } | null {
  for (const [intro, paren] of [
    [SO_AT, false],
    [PAREN_SO_AT, true],
  ] as const) {
    intro.lastIndex = pos;
    const so = intro.exec(scan.folded);
    if (!so) continue;
    SYMBOL_AT.lastIndex = pos + so[0].length;
    const s = SYMBOL_AT.exec(scan.folded);
    if (!s) continue;
    const parsed = parseSymbol(s.groups as SymbolGroups);
    if (parsed) return { parsed, end: s.index + s[0].length, paren };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 2. Citations anchored on a số ký hiệu
// ---------------------------------------------------------------------------------------------

interface TypeBefore {
  /** Where the type word (or "số") starts. */
  start: number;
  type: DocumentType | null;
  generic: boolean;
  correction: Citation["typeCorrection"];
  hasSo: boolean;
  /** The type word was only a code ("QĐ số"). */
  fromCode: boolean;
}

function findSymbols(scan: Scan): void {
  const { text, folded } = scan;
  SYMBOL.lastIndex = 0;
  for (let m = SYMBOL.exec(folded); m !== null; m = SYMBOL.exec(folded)) {
    const symStart = m.index;
    const symEnd = m.index + m[0].length;
    if (!validStart(folded, symStart)) {
      // Not a symbol here ("QH14/…", "1234567/…"): resume right after the first character.
      SYMBOL.lastIndex = symStart + 1;
      continue;
    }
    if (overlapsClaim(scan, symStart, symEnd)) continue;
    if (isOwnNumber(folded, symStart)) continue;
    const before = typeBefore(scan, symStart);
    const parsed = parseSymbol(m.groups as SymbolGroups, before?.type ?? null);
    if (!parsed) continue;
    const hasIntro = before !== null && (before.hasSo || before.type !== null || before.generic);
    if (!hasIntro && !canStandAlone(parsed)) continue;
    if (parsed.missingSlash && !hasIntro) continue;

    const d = emptyDraft(before?.start ?? symStart, symEnd);
    d.number = parsed.number;
    d.symbol = parsed.symbol;
    d.year = parsed.year;
    d.typeCorrection = before?.correction ?? null;
    d.type = before?.type ?? null;

    if (!d.type && before?.hasSo && !before.generic) {
      const header = listHeaderBefore(scan, before.start);
      if (header) {
        d.type = header.type;
        d.inferred.push("type");
        if (header.issuer) {
          d.issuer = header.issuer;
          d.inferred.push("issuer");
        }
      }
    }
    if (!d.type && parsed.impliedType) {
      d.type = parsed.impliedType;
      d.inferred.push("type");
    }
    if (before?.type && parsed.typeCode && parsed.impliedType && parsed.impliedType.name !== before.type.name) {
      warn(
        scan,
        "citation_type_mismatch",
        `Cited as ${before.type.name} but its symbol ${parsed.symbol} is a ${parsed.impliedType.name}.`,
        d.start,
        symEnd,
      );
    }
    if (d.typeCorrection) {
      warn(
        scan,
        "citation_type_corrected",
        `Type word "${d.typeCorrection.printed}" read as ${d.typeCorrection.corrected}.`,
        d.start,
        symEnd,
      );
    }
    const limit = claimedStartAfter(scan, symEnd);
    const tail = readTail(text, folded, symEnd, limit);
    if (tail.issuer && d.inferred.includes("issuer")) {
      // Its own "của …" beats the list header's.
      d.inferred = d.inferred.filter((f) => f !== "issuer");
    }
    applyTail(scan, d, tail);
    addPinpoints(scan, d, d.start);
    commit(scan, d, before?.type || before?.generic ? "type" : before?.hasSo ? "so" : "none");
    SYMBOL.lastIndex = Math.max(SYMBOL.lastIndex, d.end);
  }
}

/** A symbol cannot start inside a word or a number; "số2093/QĐ-BYT" (no space) is allowed. */
function validStart(folded: string, pos: number): boolean {
  if (pos === 0) return true;
  const prev = folded[pos - 1];
  if (NUMBER_PART.test(prev)) return false;
  if (LETTER_OR_MARK.test(prev)) return folded.slice(Math.max(0, pos - 2), pos).toLowerCase() === "số";
  return true;
}

/** "Số: 1696 /QĐ-UBND" at the start of a line: the document's own number in its header. */
function isOwnNumber(folded: string, pos: number): boolean {
  // Search only the last 60 characters: a scan back to the line start would be quadratic on
  // a multi-megabyte line.
  const from = Math.max(0, pos - 60);
  const window = folded.slice(from, pos);
  const newline = window.lastIndexOf("\n");
  if (newline < 0 && from > 0) return false;
  return OWN_NUMBER_LINE.test(window.slice(newline + 1));
}

/** What introduces a symbol: a type word, its code, a misspelled type word, or "số". */
function typeBefore(scan: Scan, symStart: number): TypeBefore | null {
  const from = Math.max(claimedEndBefore(scan, symStart), symStart - TYPE_WINDOW);
  const window = scan.folded.slice(from, symStart);
  if (window.length === 0) return null;

  const t = TYPE_BEFORE_SYMBOL.exec(window);
  if (t && t.groups) {
    const word = t.groups.type.replace(SPACES, " ");
    const generic = GENERIC_KEYS.has(word.toLowerCase());
    return {
      start: from + t.index,
      type: generic ? null : documentTypeByName(word, { fuzzy: false }),
      generic,
      correction: null,
      hasSo: t.groups.so !== undefined,
      fromCode: false,
    };
  }
  const c = CODE_BEFORE_SYMBOL.exec(window);
  if (c && c.groups) {
    return {
      start: from + c.index,
      type: documentTypeByCode(c.groups.code),
      generic: false,
      correction: null,
      hasSo: true,
      fromCode: true,
    };
  }
  const so = SO_BEFORE_SYMBOL.exec(window);
  const beforeSo = so ? window.slice(0, so.index) : window;
  const fuzzy = fuzzyTypeAtEnd(scan, beforeSo, from);
  if (fuzzy) return { ...fuzzy, hasSo: so !== null, fromCode: false };
  if (so) {
    return { start: from + so.index, type: null, generic: false, correction: null, hasSo: true, fromCode: false };
  }
  return null;
}

/**
 * A misspelled type word just before "số" or the symbol ("Chị thị số 34-CT/TW"): the last one to
 * three words, compared by edit distance on their folded lowercase form. Only called where a
 * symbol follows, so prose is never rewritten.
 */
function fuzzyTypeAtEnd(
  scan: Scan,
  window: string,
  from: number,
): Omit<TypeBefore, "hasSo" | "fromCode"> | null {
  const words: Array<{ word: string; start: number }> = [];
  let rest = window;
  for (let k = 0; k < 3; k++) {
    const m = LAST_WORD.exec(rest);
    if (!m || !m.groups) break;
    words.unshift({ word: m.groups.word, start: m.index });
    rest = rest.slice(0, m.index);
    if (!ENDS_WITH_SPACE.test(rest) && rest.length > 0) break;
  }
  for (const n of [2, 3]) {
    if (words.length < n) continue;
    const first = words[words.length - n];
    const printedFolded = window.slice(first.start).trim();
    const match = documentTypeByName(printedFolded);
    if (!match || !match.corrected) continue;
    const start = from + first.start;
    const printed = scan.text.slice(start, start + printedFolded.length).replace(SPACES, " ");
    return {
      start,
      type: { code: match.code, name: match.name },
      generic: false,
      correction: { printed, corrected: match.name },
    };
  }
  return null;
}

/**
 * The header of the list a bare "số …" item belongs to: "Tại các Quyết định của Ủy ban nhân
 * dân tỉnh: số 86/…" or "Ủy ban nhân dân tỉnh Kon Tum tại các Kế hoạch: số 4431/…", within the
 * same sentence.
 */
function listHeaderBefore(scan: Scan, pos: number): { type: DocumentType; issuer: string | null } | null {
  const from = Math.max(0, pos - HEADER_WINDOW);
  const window = scan.folded.slice(from, pos);
  LIST_HEADER.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = LIST_HEADER.exec(window); m !== null; m = LIST_HEADER.exec(window)) last = m;
  if (!last || !last.groups) return null;
  const headerStart = from + last.index;
  const headerEnd = headerStart + last[0].length;
  if (SENTENCE_OR_PARAGRAPH_BREAK.test(scan.folded.slice(headerEnd, pos))) return null;
  const type = documentTypeByName(last.groups.type.replace(SPACES, " "), { fuzzy: false });
  if (!type) return null;
  let issuer: PhraseMatch | null = null;
  const restStart = headerEnd - 1 - last.groups.rest.length;
  const cua = ISSUER_INTRO_PREFIX.exec(last.groups.rest);
  if (cua) {
    issuer = readIssuerAt(scan.text, scan.folded, restStart + cua[0].length, headerEnd - 1);
  } else {
    // "<Issuer> tại các Kế hoạch:": the issuer opens the clause.
    // The clause starts after the last ".", ";" or line break, at most 200 characters back.
    const clauseFrom = Math.max(0, headerStart - 200);
    const before = scan.folded.slice(clauseFrom, headerStart);
    const cut = Math.max(before.lastIndexOf("."), before.lastIndexOf(";"), before.lastIndexOf("\n"));
    const clauseStart = cut >= 0 ? clauseFrom + cut + 1 : clauseFrom;
    let s = clauseStart;
    while (s < headerStart && WHITESPACE.test(scan.folded[s])) s++;
    const mark = LEADING_NOTE_MARK.exec(scan.folded.slice(s, headerStart));
    if (mark) s += mark[0].length;
    if (ORG_HEAD.test(scan.folded.slice(s, headerStart))) {
      issuer = readIssuerAt(scan.text, scan.folded, s, headerStart);
    }
  }
  return { type, issuer: issuer?.value ?? null };
}

// ---------------------------------------------------------------------------------------------
// 3. Self references
// ---------------------------------------------------------------------------------------------

function findSelf(scan: Scan): void {
  const { folded } = scan;
  const docType = scan.ctx.docType;
  SELF_WORD.lastIndex = 0;
  for (let m = SELF_WORD.exec(folded); m !== null; m = SELF_WORD.exec(folded)) {
    if (m.index > 0 && isWordCharAt(folded, m.index - 1)) continue;
    if (m.index + 3 < folded.length && isWordCharAt(folded, m.index + 3)) continue;
    const from = Math.max(claimedEndBefore(scan, m.index), m.index - SELF_WINDOW);
    const t = TYPE_BEFORE_SELF.exec(folded.slice(from, m.index));
    if (!t || !t.groups) continue;
    const word = t.groups.type.replace(SPACES, " ");
    if (GENERIC_KEYS.has(word.toLowerCase())) continue;
    const type = documentTypeByName(word, { fuzzy: false });
    if (!type) continue;
    const start = from + t.index;
    const end = m.index + m[0].length;
    if (overlapsClaim(scan, start, end)) continue;
    const d = emptyDraft(start, end);
    d.type = type;
    // "Chỉ thị này" in a Kế hoạch points back at a Chỉ thị cited before, not at the Kế hoạch.
    d.self = !docType.name || docType.name.toLowerCase() === type.name.toLowerCase();
    addPinpoints(scan, d, start);
    commit(scan, d, "self");
  }
}

// ---------------------------------------------------------------------------------------------

function isWordCharAt(s: string, i: number): boolean {
  return WORD_CHAR.test(s[i]);
}

/** Cheap test of a unit: a digit (symbols, "Đề án 1956") or a word that starts a citation. */
function mayCite(text: string): boolean {
  return DIGIT.test(text) || UNIT_PREFILTER_WORDS.test(text);
}

function previousWord(folded: string, pos: number): string {
  const m = PREVIOUS_WORD.exec(folded.slice(Math.max(0, pos - 20), pos));
  return m?.groups ? m.groups.word.toLowerCase() : "";
}
