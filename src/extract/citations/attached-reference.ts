import type { Citation } from "../../schema/citation.js";
import type { Span } from "../../schema/span.js";
import { ATTACHED_ISSUER, ATTACHED_REFERENCE, ATTACHED_YEAR } from "../../lexicon/header-marks.js";
import { documentTypeByName } from "../../lexicon/document-types.js";

/**
 * The decision a draft attachment belongs to, when its number is still blank: "(Kèm theo Quyết
 * định số      /QĐ-UBND ngày … năm 2025 của Chủ tịch UBND tỉnh)". The citation finder needs a
 * number; this reads what is printed — type, ký hiệu without number, year, issuer — and leaves
 * the rest null.
 */
export function readBlankAttachedReference(text: string, span: Span): Citation | null {
  const slice = text.slice(span.start, span.end).replace(/\s+/gu, " ");
  const m = ATTACHED_REFERENCE.exec(slice);
  if (!m?.groups) return null;
  const g = m.groups;
  const rest = slice.slice(m.index + m[0].length);
  const year = ATTACHED_YEAR.exec(rest)?.groups?.year ?? null;
  const issuer = ATTACHED_ISSUER.exec(rest)?.groups?.issuer ?? null;
  const type = documentTypeByName(g.type, { fuzzy: false });
  const symbol = g.symbol ? g.symbol.replace(/\s+/gu, "").replace(/–/gu, "-") : null;
  return {
    raw: text.slice(span.start, span.end).replace(/^\(\s*/u, "").replace(/\s*\)\s*$/u, ""),
    span,
    sectionId: null,
    footnote: null,
    type: type?.name ?? null,
    typeCorrection: null,
    number: null,
    symbol,
    year: year ? Number(year) : null,
    date: null,
    issuer: issuer ? issuer.trim() : null,
    issuerTerm: null,
    title: null,
    pinpoints: [],
    self: false,
    legalBasis: false,
    inferred: [],
  };
}
