// The fields two records of the same document (a draft and its signed PDF) are compared on,
// and how: text after NFC and whitespace collapsing, case kept (both files print the same case,
// so a case difference is a difference in how the readers read them).
import type { ParsedRecord } from "./isolated-parser.js";

export interface PairFields {
  type: string | null;
  issuer: string | null;
  issuerParent: string | null;
  number: string | null;
  symbol: string | null;
  date: string | null;
  subject: string | null;
  recipientsCount: string;
  recipients: string | null;
  signer: string | null;
  position: string | null;
  authorities: string | null;
  topSections: string | null;
  citationSymbols: string | null;
}

export const PAIR_FIELDS: ReadonlyArray<keyof PairFields> = [
  "type", "issuer", "issuerParent", "number", "symbol", "date", "subject", "recipientsCount",
  "recipients", "signer", "position", "authorities", "topSections", "citationSymbols",
];

/**
 * Fields a draft legitimately leaves blank and the signed file fills in: a null on one side is
 * counted as "blank in one", not as a disagreement.
 */
export const BLANK_IN_DRAFTS: ReadonlySet<keyof PairFields> = new Set(["number", "date", "signer"]);

const clean = (s: string | null | undefined): string | null => {
  if (s === null || s === undefined) return null;
  const t = s.normalize("NFC").replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
};
const list = (items: string[]): string | null => (items.length === 0 ? null : items.map((x) => clean(x) ?? "").join(" ‖ "));

export function pairFields(r: ParsedRecord): PairFields {
  const sig = r.signature;
  return {
    type: clean(r.type.name),
    issuer: clean(r.header.issuer.name),
    issuerParent: clean(r.header.issuer.parent),
    number: clean(r.header.number),
    symbol: clean(r.header.symbol),
    date: clean(r.header.date),
    subject: clean(r.subject),
    recipientsCount: String(r.recipients.length),
    recipients: list(r.recipients.map((x) => x.name)),
    signer: clean(sig?.signer),
    position: clean(sig?.position),
    authorities: sig ? list(sig.authorities.map((a) => `${a.mode}. ${a.title}`)) : null,
    topSections: list(r.sections.filter((s) => s.kind !== "attachment").map((s) => s.label)),
    // A set: order and repetition of citations do not matter here.
    citationSymbols: list([...new Set(r.citations.flatMap((c) => (c.symbol && !c.self ? [c.symbol] : [])))].sort()),
  };
}
