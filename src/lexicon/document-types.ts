/**
 * The lexicon of document types (tên loại văn bản).
 *
 * Self-contained on purpose: the structure stage reuses it to name the document's own type
 * ("QUYẾT ĐỊNH" → {code: "QĐ", name: "Quyết định"}), and the citations extractor uses it for the
 * type word in front of a số ký hiệu and for the type code inside the symbol.
 *
 * Sources: Nghị định 30/2020/NĐ-CP Điều 7 and Phụ lục III (administrative types and their
 * abbreviations), the Law on legal normative documents (Luật, Nghị định, Thông tư …) and
 * Hướng dẫn 36-HD/VPTW for Party documents (which write Quy định "QĐi", Công văn "CV" and use
 * "TT" for Thông tri).
 */
import { distance } from "fastest-levenshtein";
import { foldKey } from "../text/fold.js";
import { BoundedCache } from "../util/bounded-cache.js";
import { LETTER_CLASS, MARK_CLASS } from "./letters.js";

/** One document type: its sentence-case name and its abbreviation in a số ký hiệu. */
export interface DocumentType {
  /** Chữ viết tắt as used in symbols (`QĐ`, `KH` …); null for Công văn, Luật, Hiến pháp … */
  code: string | null;
  /** Tên loại in sentence case: `Quyết định`, `Chỉ thị`. */
  name: string;
}

interface LexiconEntry extends DocumentType {
  /** Other abbreviations meaning the same type (Party usage), never the canonical one. */
  altCodes?: readonly string[];
  /** Can be cited by name without a number ("Luật Đầu tư công", "Hiến pháp năm 2013"). */
  citedByName?: boolean;
  /** Its code is read as this type only in a Party-shaped symbol (`10-TT/TW`). */
  partyCode?: boolean;
  /** What its figures usually are: plans set targets (chỉ tiêu), reports state results. */
  figures?: "targets" | "results";
  /**
   * Names a document's own heading but is not cited as a type ("Danh sách", "Phụ lục"): kept out
   * of the citation patterns, where "theo Phụ lục I" would read as a document.
   */
  titleOnly?: boolean;
  /**
   * Not an administrative document (a speech, a conference paper): the heading is its title, but
   * the record gets no type, and a warning says why.
   */
  notAdministrative?: boolean;
}

/**
 * Every type: Nghị định 30/2020 Điều 7 first, then the legal normative and Party types met
 * outside it. Order matters only for documentation; lookups go through the maps below.
 */
const LEXICON: readonly LexiconEntry[] = [
  { name: "Nghị quyết", code: "NQ", figures: "targets" },
  { name: "Quyết định", code: "QĐ", figures: "targets" },
  { name: "Chỉ thị", code: "CT", figures: "targets" },
  { name: "Quy chế", code: "QC" },
  { name: "Quy định", code: "QyĐ", altCodes: ["QĐi"] },
  { name: "Thông cáo", code: "TC" },
  { name: "Thông báo", code: "TB" },
  { name: "Hướng dẫn", code: "HD" },
  { name: "Chương trình", code: "CTr", figures: "targets" },
  { name: "Kế hoạch", code: "KH", figures: "targets" },
  { name: "Phương án", code: "PA", figures: "targets" },
  { name: "Đề án", code: "ĐA", figures: "targets" },
  { name: "Dự án", code: "DA", figures: "targets" },
  { name: "Báo cáo", code: "BC", figures: "results" },
  { name: "Biên bản", code: "BB" },
  { name: "Tờ trình", code: "TTr" },
  { name: "Hợp đồng", code: "HĐ" },
  // Công văn has no code in a state symbol (967/UBND-NC); Party documents write CV (215-CV/TU).
  { name: "Công văn", code: null, altCodes: ["CV"] },
  { name: "Công điện", code: "CĐ" },
  { name: "Bản ghi nhớ", code: "BGN" },
  { name: "Bản thỏa thuận", code: "BTT" },
  { name: "Giấy ủy quyền", code: "GUQ" },
  { name: "Giấy mời", code: "GM" },
  { name: "Giấy giới thiệu", code: "GGT" },
  { name: "Giấy nghỉ phép", code: "GNP" },
  { name: "Phiếu gửi", code: "PG" },
  { name: "Phiếu chuyển", code: "PC" },
  { name: "Phiếu báo", code: "PB" },
  { name: "Thư công", code: null },
  // Legal normative documents and Party documents outside Nghị định 30/2020.
  { name: "Nghị định", code: "NĐ" },
  { name: "Thông tư", code: "TT" },
  { name: "Thông tư liên tịch", code: "TTLT" },
  { name: "Nghị quyết liên tịch", code: "NQLT" },
  { name: "Luật", code: null, citedByName: true },
  { name: "Bộ luật", code: null, citedByName: true },
  { name: "Pháp lệnh", code: null, citedByName: true },
  { name: "Hiến pháp", code: null, citedByName: true },
  { name: "Lệnh", code: "L" },
  { name: "Kết luận", code: "KL", figures: "targets" },
  // Party Thông tri shares "TT" with the state Thông tư; the symbol's shape tells them apart.
  { name: "Thông tri", code: "TT", partyCode: true },
  // Working documents of an office, met in its dossiers: not in Nghị định 30/2020 Điều 7.
  { name: "Phiếu trình", code: "PT" },
  { name: "Phiếu trình giải quyết công việc", code: "PT" },
  { name: "Điều lệ", code: null },
  { name: "Danh sách", code: null, titleOnly: true },
  { name: "Phụ lục", code: null, titleOnly: true },
  { name: "Đề cương", code: null, titleOnly: true },
  { name: "Đề cương báo cáo", code: null, titleOnly: true },
  // A giải trình answers questions on a submission ("GIẢI TRÌNH BỔ SUNG THEO CHỈ ĐẠO CỦA …"); a
  // phiếu ghi ý kiến is the voting form sent with a request for opinions.
  { name: "Giải trình", code: null, titleOnly: true },
  { name: "Phiếu ghi ý kiến", code: null, titleOnly: true },
  { name: "Phiếu lấy ý kiến", code: null, titleOnly: true },
  { name: "Phiếu xin ý kiến", code: null, titleOnly: true },
  { name: "Tham luận", code: null, titleOnly: true, notAdministrative: true },
  { name: "Bài tham luận", code: null, titleOnly: true, notAdministrative: true },
  { name: "Bài phát biểu", code: null, titleOnly: true, notAdministrative: true },
  { name: "Diễn văn", code: null, titleOnly: true, notAdministrative: true },
];

/** Canonical type code → sentence-case name, for every type that has a code. */
export const TYPE_CODES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    LEXICON.filter((t, i) => t.code !== null && !t.partyCode && LEXICON.findIndex((u) => u.code === t.code) === i).map((t) => [t.code as string, t.name]),
  ),
);

/** Codes (in capitals) of the types whose figures are targets: plans, programmes, schemes, resolutions, directives. */
export const TARGET_SETTING_CODES: ReadonlySet<string> = new Set(
  LEXICON.filter((t) => t.figures === "targets" && t.code !== null).map((t) => (t.code as string).toUpperCase()),
);
/** Codes (in capitals) of the types whose figures are results: reports. */
export const RESULT_REPORTING_CODES: ReadonlySet<string> = new Set(
  LEXICON.filter((t) => t.figures === "results" && t.code !== null).map((t) => (t.code as string).toUpperCase()),
);

/** All codes that may appear as the type part of a symbol, mapped to their type. */
const BY_CODE = new Map<string, DocumentType>();
for (const t of LEXICON) {
  if (t.code && BY_CODE.has(t.code)) continue; // the first name of a code is its type
  const type: DocumentType = { code: t.code, name: t.name };
  if (t.code && !t.partyCode) BY_CODE.set(t.code, type);
  for (const alt of t.altCodes ?? []) BY_CODE.set(alt, type);
}

/** Thông tri as a Party type: its symbol code is TT (`10-TT/TW`). */
const THONG_TRI: DocumentType = { code: "TT", name: "Thông tri" };

const BY_NAME = new Map<string, DocumentType>();
for (const t of LEXICON) BY_NAME.set(foldKey(t.name), { code: t.code, name: t.name });

/** Folded names of the headings that are not administrative documents (speeches, papers). */
const NOT_ADMINISTRATIVE = new Set(LEXICON.filter((t) => t.notAdministrative).map((t) => foldKey(t.name)));

/** True when a type name is a heading of a text that is not an administrative document. */
export function isNotAdministrative(type: DocumentType): boolean {
  return NOT_ADMINISTRATIVE.has(foldKey(type.name));
}

/** Folded names with their types, for the fuzzy lookup. */
const NAME_KEYS: ReadonlyArray<readonly [string, DocumentType]> = [...BY_NAME.entries()];

/** Every type name, longest first, in classic tone spelling: the source of the type-word pattern. */
export const TYPE_NAMES: readonly string[] = LEXICON.filter((t) => !t.titleOnly).map((t) => t.name).sort((a, b) => b.length - a.length);

/** Type names that can be cited by name alone (Luật, Bộ luật, Pháp lệnh, Hiến pháp). */
export const NAME_CITED_TYPES: readonly string[] = LEXICON.filter((t) => t.citedByName).map((t) => t.name);

/**
 * Generic words that stand for "a document" in front of a số ký hiệu ("Văn bản số 10699/BNNMT-ĐCKS").
 * They are not a type of their own: the citation takes its type from the symbol.
 */
export const GENERIC_DOCUMENT_WORDS: readonly string[] = ["Văn bản"];

/**
 * Looks a type up by its symbol code (`QĐ`, `KH`, Party `CV`, `QĐi`). Case-sensitive, as codes
 * are (`TTr` is Tờ trình, `TT` Thông tư). With `party: true`, `TT` is the Party Thông tri.
 */
export function documentTypeByCode(code: string, options: { party?: boolean } = {}): DocumentType | null {
  if (options.party && code === "TT") return THONG_TRI;
  const t = BY_CODE.get(code);
  return t ? { ...t } : null;
}

/** True when `code` is a type code (so a symbol part like `KH` names a type, not an issuer). */
export function isTypeCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** Result of a name lookup; `corrected` is set when the word was matched by string distance. */
export interface TypeMatch extends DocumentType {
  /** The lexicon spelling when the printed word was misspelled, e.g. `Chỉ thị` for "Chị thị". */
  corrected: boolean;
}

/**
 * Looks a type up by its name as printed: any case, old or new tone placement, extra spaces
 * ("QUYẾT ĐỊNH", "Quyết  định", "Giấy uỷ quyền"). With `fuzzy: true` (the default), a name one
 * edit away (two for long names) is accepted when it is the single closest one
 * ("Chị thị" → Chỉ thị), and `corrected` is true. Words shorter than six letters are never
 * corrected: "Lệnh" and "Luật" are too close to ordinary words.
 */
export function documentTypeByName(word: string, options: { fuzzy?: boolean } = {}): TypeMatch | null {
  // Type words repeat thousands of times in a record: remember the answer for each spelling.
  const cacheKey = options.fuzzy === false ? `=${word}` : `~${word}`;
  const result = LOOKUP_CACHE.getOrCompute(cacheKey, () => lookupByName(word, options.fuzzy !== false));
  return result ? { ...result } : null;
}

const LOOKUP_CACHE = new BoundedCache<string, TypeMatch | null>(4096);

function lookupByName(word: string, fuzzy: boolean): TypeMatch | null {
  const key = foldKey(word);
  if (key === "") return null;
  const exact = BY_NAME.get(key);
  if (exact) return { ...exact, corrected: false };
  if (!fuzzy || key.length < 6) return null;
  let best: DocumentType | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const [name, type] of NAME_KEYS) {
    if (name.length < 6 || name[0] !== key[0]) continue;
    if (Math.abs(name.length - key.length) > 2) continue;
    const d = distance(key, name);
    if (d < bestDistance) {
      best = type;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  const limit = key.length >= 10 ? 2 : 1;
  if (!best || tie || bestDistance > limit) return null;
  return { ...best, corrected: true };
}

/**
 * The trích yếu of a meeting's agenda (chương trình nghị sự): "CHƯƠNG TRÌNH / Hội nghị triển
 * khai …", "… / Đại hội đại biểu …". Under a "Chương trình" heading without a ký hiệu, such a
 * text is the running order of an event, not a Chương trình (CTr) that sets a programme.
 */
export const AGENDA_SUBJECT =
  new RegExp(String.raw`^(?<event>Hội\s+nghị|Hội\s+thảo|T(?:ọa|oạ)\s+đàm|Lễ|Buổi\s+làm\s+việc|Làm\s+việc|Đại\s+hội|Kỳ\s+họp|Phiên\s+họp|Cuộc\s+họp|Buổi\s+gặp\s+mặt|Gặp\s+mặt)(?![${LETTER_CLASS}${MARK_CLASS}])`, "iu");

/** The same event named in the heading itself: "CHƯƠNG TRÌNH ĐẠI HỘI DỰ KIẾN", "Chương trình Hội nghị …". */
export const AGENDA_TITLE = new RegExp(`^Chương\\s+trình\\s+${AGENDA_SUBJECT.source.slice(1)}`, "iu");
