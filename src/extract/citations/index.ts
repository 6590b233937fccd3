/**
 * Trích dẫn văn bản: the documents a record cites, found in its text units.
 *
 * `extractCitations` returns one `Citation` per occurrence in text order; `groupCitations`
 * folds them into the unique documents cited. The type lexicon is exported for the structure
 * stage, which names the document's own type with it.
 *
 * What counts as a citation, and why:
 * - A số ký hiệu after a type word ("Quyết định số 12/QĐ-UBND", "Chỉ thị 39-CT/TW"), after its
 *   code ("QĐ số …", tables), after "số" alone (list items), or standing alone only when its
 *   shape names a type ("25/2014/TT-BTNMT", "67-KH/TU"): "12/UBND" alone could be anything.
 * - "Văn bản số …" takes its type from the symbol; a symbol with no type code is a công văn's
 *   (Nghị định 30/2020), so the type is Công văn, marked inferred.
 * - Laws are cited by name (Luật, Bộ luật, Pháp lệnh, Hiến pháp): `title` set, `symbol` null
 *   unless printed after the name ("Luật Điện lực số 61/2024/QH15").
 * - A Party resolution named after its meeting ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI",
 *   "Nghị quyết Trung ương 4 khóa XII") is one identifiable document: cited by `title`. An
 *   unnamed one ("Nghị quyết của Thành ủy") is not a citation.
 * - A project known by number or quoted name ("Đề án 1956", "Đề án số 08", "Đề án “…”") is
 *   cited by `title` (with `number`); a project only described ("đề án tổng thể …") is not.
 * - "<Type> này" is a self reference when it is the document's own type (or that is unknown);
 *   otherwise it points back at the last citation of that type and copies it.
 * - A date is read only after a citation, never before it ("Ngày 10/4/2026, Sở … ban hành Văn
 *   bản số …" leaves the date empty): a date before is as often the date of an event.
 * - The symbol is canonical: "34/CT - TW" (a Party body after a type code) is 34-CT/TW, and a
 *   Nghị định cut off at a table cell ("148/2025/NĐ") is completed to 148/2025/NĐ-CP.
 */
import type { Citation } from "../../schema/citation.js";
import type { ExtractContext } from "../context.js";
import { findCitationsInUnit, type FoundCitation } from "./find-citations.js";
import { resolveCitations } from "./resolve-citations.js";

export { groupCitations } from "./group-citations.js";
export {
  CitedDocumentSchema,
  CitationOccurrenceSchema,
  type CitedDocument,
  type CitationOccurrence,
} from "./cited-document.js";
export {
  TYPE_CODES,
  TYPE_NAMES,
  NAME_CITED_TYPES,
  documentTypeByCode,
  documentTypeByName,
  type DocumentType,
  type TypeMatch,
} from "./types.js";
export { parseSymbol, type ParsedSymbol } from "./symbol.js";
export { toIsoDate } from "./dates.js";
export { foldForMatching } from "./match-fold.js";

/**
 * Finds every citation in the record's units, in text order (one entry per occurrence), with
 * lists, short forms and back references resolved. Looks inside units only; doubts go to
 * `ctx.warnings` (`citation_type_corrected`, `citation_date_invalid`, `citation_type_mismatch`).
 * Never throws on content.
 */
export function extractCitations(ctx: ExtractContext): Citation[] {
  const order = ctx.units.map((_, i) => i).sort((a, b) => ctx.units[a].span.start - ctx.units[b].span.start || a - b);
  const found: FoundCitation[] = [];
  const seen = new Set<string>();
  for (const i of order) {
    const before = found.length;
    try {
      findCitationsInUnit(ctx, i, found);
    } catch (error) {
      // A bug must not cost the record: keep what the other units gave and say so.
      found.length = before;
      ctx.warnings.push({
        code: "citation_extraction_failed",
        message: `Citations of a text unit could not be read: ${error instanceof Error ? error.message : String(error)}`,
        span: { ...ctx.units[i].span },
      });
    }
    // Units that overlap must not report the same occurrence twice.
    for (let k = before; k < found.length; ) {
      const s = found[k].citation.span;
      const key = `${s.start}:${s.end}`;
      if (seen.has(key)) found.splice(k, 1);
      else {
        seen.add(key);
        k++;
      }
    }
  }
  return resolveCitations(ctx.text, found);
}
