/**
 * Định danh văn bản: the identity key of a record and of a citation, so that both meet in one
 * index. A numbered document is its canonical số ký hiệu plus the year for the forms whose
 * numbers restart every year:
 * - legal normative "N/YYYY/TYPE-ISSUER" (91/2017/NĐ-CP): the year is inside the symbol;
 * - state administrative "N/TYPE-ISSUER" (2973/KH-UBND) → "2973/KH-UBND@2025";
 * - Party "N-TYPE/ISSUER" (34-CT/TW) → "34-CT/TW@2024".
 * A draft (number left blank for the signing) is keyed by symbol, subject and date instead.
 */
import { PARTY_ISSUER } from "../lexicon/document-number.js";
import type { Citation } from "../schema/citation.js";
import { foldKey } from "../text/fold.js";
import type { LinkableRecord } from "./linkable-record.js";

export type SymbolForm = "legal" | "party" | "administrative";

export interface NumberedKey {
  /** The full key: the bucket plus "@year" for forms without a year in the symbol. */
  id: string;
  /** The canonical symbol with the number, without a year suffix: what the index is keyed by. */
  bucket: string;
  form: SymbolForm;
  number: string;
  year: number | null;
}

const LEGAL_SYMBOL = /^(?<number>\d+[A-Z]?)\/(?<year>(?:19|20)\d{2})\/(?<rest>.+)$/u;
const PARTY_SYMBOL = /^(?<number>\d+[A-Z]?)-(?<rest>[^/]+\/.+)$/u;
const ADMIN_SYMBOL = /^(?<number>\d+[A-Z]?)\/(?<rest>.+)$/u;
/** A year between the number and the symbol in a header: "Số: 12/2024/QĐ-UBND". */
const HEADER_LEGAL_GAP = /\/\s*(?<year>(?:19|20)\d{2})\s*\//u;
/** What an HTML-escaping converter leaves in a symbol ("SNV-CCHC&amp;VTLT"). */
const ESCAPED_AMPERSAND = /&amp;?/gu;

/** Upper case, no spaces, one kind of Đ and dash: "2442 /KH-ubnd" → "2442/KH-UBND". */
function normalizeSymbol(symbol: string): string {
  return symbol
    .normalize("NFC")
    .replace(ESCAPED_AMPERSAND, "&")
    .replace(/\s+/gu, "")
    .replace(/[\u2010-\u2014]/gu, "-")
    .replace(/\u00D0/gu, "Đ")
    .toUpperCase();
}

/** "05" and "5" are the same number. */
function trimNumber(number: string): string {
  const trimmed = number.replace(/^0+(?=\d)/u, "");
  return trimmed.toUpperCase();
}

function yearOf(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

function buildKey(form: SymbolForm, number: string, rest: string, year: number | null): NumberedKey {
  const n = trimNumber(number);
  const bucket = form === "legal" ? `${n}/${year}/${rest}` : form === "party" ? `${n}-${rest}` : `${n}/${rest}`;
  const id = form === "legal" || year === null ? bucket : `${bucket}@${year}`;
  return { id, bucket, form, number: n, year };
}

/** The key of a canonical citation symbol ("34-CT/TW", "91/2017/NĐ-CP", "2973/KH-UBND"). */
export function keySymbol(symbol: string, year: number | null): NumberedKey | null {
  const s = normalizeSymbol(symbol);
  const legal = LEGAL_SYMBOL.exec(s)?.groups;
  if (legal) return buildKey("legal", legal.number, legal.rest, Number(legal.year));
  const party = PARTY_SYMBOL.exec(s)?.groups;
  if (party) return buildKey("party", party.number, party.rest, year);
  const admin = ADMIN_SYMBOL.exec(s)?.groups;
  if (admin) return buildKey("administrative", admin.number, admin.rest, year);
  return null;
}

export type CitationKey =
  | { kind: "numbered"; key: NumberedKey }
  | { kind: "title"; id: string }
  | { kind: "none" };

/** The key of a citation; null for a self reference ("Quyết định này"). */
export function keyCitation(c: Citation): CitationKey | null {
  if (c.self) return null;
  if (c.symbol) {
    const key = keySymbol(c.symbol, c.year ?? yearOf(c.date));
    if (key) return { kind: "numbered", key };
  }
  if (c.title) return { kind: "title", id: `title:${foldKey(c.title)}` };
  return { kind: "none" };
}

export type RecordKey =
  | { kind: "numbered"; key: NumberedKey }
  | { kind: "draft"; id: string }
  | { kind: "unkeyed"; id: string };

/** How the header printed the separator between number and symbol: "34-CT/TW" is Party, "12/2024/…" legal. */
function headerForm(r: LinkableRecord): SymbolForm {
  const { number: numberSpan, symbol: symbolSpan } = r.header.spans;
  const symbol = r.header.symbol ?? "";
  if (numberSpan && symbolSpan && numberSpan.end <= symbolSpan.start) {
    const gap = r.text.slice(numberSpan.end, symbolSpan.start);
    if (HEADER_LEGAL_GAP.test(gap)) return "legal";
    if (gap.includes("-") && !gap.includes("/")) return "party";
    return "administrative";
  }
  const parts = symbol.split("/");
  return parts.length === 2 && PARTY_ISSUER.test(parts[1]) ? "party" : "administrative";
}

/** The year in a legal header symbol, else the year of the date (or printed alone). */
function recordYear(r: LinkableRecord, form: SymbolForm): number | null {
  if (form === "legal" && r.header.spans.number && r.header.spans.symbol) {
    const gap = r.text.slice(r.header.spans.number.end, r.header.spans.symbol.start);
    const m = HEADER_LEGAL_GAP.exec(gap);
    if (m?.groups) return Number(m.groups.year);
  }
  return yearOf(r.header.date) ?? r.header.year;
}

/** The key of a record (`index` names an unkeyed record that has no source name either). */
export function keyRecord(r: LinkableRecord, index: number): RecordKey {
  const { number, symbol } = r.header;
  if (number && symbol) {
    const form = headerForm(r);
    const year = recordYear(r, form);
    const key = buildKey(form, number, normalizeSymbol(symbol), year);
    return { kind: "numbered", key };
  }
  const year = yearOf(r.header.date) ?? r.header.year;
  if (symbol) {
    const subject = foldKey(r.subject ?? r.title ?? "");
    return { kind: "draft", id: `draft:${normalizeSymbol(symbol)}|${subject}|${r.header.date ?? year ?? ""}` };
  }
  return { kind: "unkeyed", id: `record:${r.source.name ?? r.source.sha256 ?? String(index)}` };
}
