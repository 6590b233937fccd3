/**
 * Trích dẫn văn bản: the documents a record cites, found in its text units.
 *
 * `extractCitations` returns one `Citation` per occurrence in text order; `groupCitations`
 * folds them into the unique documents cited.
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

export { groupCitations } from "./group-citations.js";
export {
  CitedDocumentSchema,
  CitationOccurrenceSchema,
  type CitedDocument,
  type CitationOccurrence,
} from "./cited-document.js";
export { parseSymbol, type ParsedSymbol } from "./symbol.js";
export { extractCitations } from "./extract-citations.js";
