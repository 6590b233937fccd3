import type { Citation } from "../../schema/citation.js";
import { ISSUER_BY_SYMBOL_CODE } from "../../lexicon/issuer-words.js";
import { foldTones } from "../../text/fold.js";
import { ISSUER_BEFORE_AT, ISSUER_SUBJECT_AT } from "./patterns.js";
import { UPPER_CLASS } from "../../lexicon/letters.js";

/** A capital letter: every body word starts with one (Sở, UBND, Bộ, Công an …). */
const BODY_WORD_HINT = new RegExp(String.raw`(?:^|\s)[${UPPER_CLASS}]`, "u");
/** How far back from a citation its issuer may be printed, in characters. */
const WINDOW = 160;

/**
 * Cơ quan ban hành printed before the citation rather than after "của": "ý kiến của Sở Nội vụ tại
 * Tờ trình số 509/TTr-SNV", "UBND tỉnh xây dựng Kế hoạch số 69/KH-UBND". Only on the same line,
 * only a name that starts with a body word (Sở, UBND, Bộ, Công an …).
 */
export function readIssuerBefore(text: string, start: number): string | null {
  // Only the window is searched for the line start: a multi-megabyte line must stay linear.
  let from = Math.max(0, start - WINDOW);
  const newline = text.slice(from, start).lastIndexOf("\n");
  if (newline >= 0) from += newline + 1;
  // The cheap test first: no body word in the window, no issuer before.
  const raw = text.slice(from, start);
  if (!BODY_WORD_HINT.test(raw)) return null;
  const window = foldTones(raw);
  const m = ISSUER_BEFORE_AT.exec(window) ?? ISSUER_SUBJECT_AT.exec(window);
  if (!m?.groups) return null;
  const at = from + m.index + m[0].indexOf(m.groups.issuer);
  return text.slice(at, at + m.groups.issuer.length).replace(/\s+/gu, " ").trim();
}

/**
 * The issuer a legal normative ký hiệu names ("45/2020/NĐ-CP" → Chính phủ), for a citation that
 * prints none; the caller marks it inferred.
 */
export function issuerOfSymbol(symbol: string): string | null {
  const parts = symbol.split(/[-/]/u);
  const code = parts[parts.length - 1];
  // Only the legal normative shape number/year/TYPE-ISSUER (or number/year/QHnn) names its issuer.
  if (!/^\d+\/(?:19|20)\d{2}\//u.test(symbol)) return null;
  return ISSUER_BY_SYMBOL_CODE.find((c) => c.code.test(code))?.issuer ?? null;
}

/** Fills the issuer of citations that print none after them, from before them or from the symbol. */
export function fillIssuers(text: string, citations: Citation[]): void {
  for (const c of citations) {
    // Laws cited by name have no issuer to look for; list items take theirs from the list.
    if (c.issuer !== null || c.self || c.symbol === null) continue;
    const before = readIssuerBefore(text, c.span.start);
    if (before) {
      c.issuer = before;
      continue;
    }
    const implied = c.symbol ? issuerOfSymbol(c.symbol) : null;
    if (implied) {
      c.issuer = implied;
      if (!c.inferred.includes("issuer")) c.inferred.push("issuer");
    }
  }
}
