/**
 * Cơ quan, tổ chức ban hành: the words that open the name of an issuing body, in one list.
 * The header reads names in capitals ("ỦY BAN NHÂN DÂN", "SỞ NỘI VỤ"); citations read them in
 * sentence case after a list ("Ủy ban nhân dân tỉnh tại các Kế hoạch:"). Both forms come from
 * this list, so a body added here is known to both.
 */
import { escapeRegex } from "../util/escape-regex.js";
import { LETTER_CLASS, WORD_CLASS } from "./letters.js";

/** A body word and whether it names a unit under a parent body (sở, phòng …), not the parent. */
interface BodyWord {
  words: string;
  /** Printed after its parent on one line ("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG"). */
  unit?: boolean;
}

/** Longest first where one opens another ("Tổng cục" before "Cục"). */
const BODY_WORDS: readonly BodyWord[] = [
  { words: "Ủy ban" },
  { words: "UBND" },
  { words: "Hội đồng" },
  { words: "HĐND" },
  { words: "Sở", unit: true },
  { words: "Bộ" },
  { words: "Ban" },
  { words: "Ban quản lý", unit: true },
  { words: "Văn phòng", unit: true },
  { words: "Cục", unit: true },
  { words: "Tổng cục", unit: true },
  { words: "Chi cục", unit: true },
  { words: "Phòng", unit: true },
  { words: "Trung tâm", unit: true },
  { words: "Thanh tra", unit: true },
  { words: "Tỉnh ủy" },
  { words: "Thành ủy" },
  { words: "Huyện ủy" },
  { words: "Đảng bộ" },
  { words: "Đảng ủy" },
  { words: "Chính phủ" },
  { words: "Thủ tướng" },
  { words: "Quốc hội" },
  { words: "Tòa án" },
  { words: "Viện" },
  { words: "Kho bạc", unit: true },
  { words: "Công an" },
  { words: "Bộ Chỉ huy" },
  { words: "Trường", unit: true },
  { words: "Bệnh viện", unit: true },
  { words: "Học viện" },
  { words: "Đại học" },
  { words: "Đoàn" },
  { words: "Mặt trận" },
  { words: "Liên đoàn" },
  { words: "Hội" },
];

/** Who issues in person, named where a body would be: "Chủ tịch Ủy ban nhân dân tỉnh". */
const ISSUING_PERSONS: readonly string[] = ["Chủ tịch"];

/** Words that continue a body name on the next line: "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG". */
const NAME_CONTINUATION_WORDS: readonly string[] = [
  "TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "THỊ TRẤN", "XÃ", "PHƯỜNG", "TP.", "TP", "VÀ",
  "NHÂN DÂN", "DÂN TỘC", "CÔNG THƯƠNG", "VIỆT NAM",
];

/** Administrative levels a place name follows: a line ending with one continues on the next. */
const PLACE_LEVELS: readonly string[] = ["TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "THỊ TRẤN", "XÃ", "PHƯỜNG", "ĐẶC KHU", "TP."];

const alternation = (words: Iterable<string>, space: string): string =>
  [...words].map((w) => w.split(" ").map(escapeRegex).join(space)).join("|");
const upper = (w: BodyWord): string => w.words.toUpperCase();

/** A header line that opens the name of a body (a new name, not a continuation). Run on capitals. */
export const BODY_HEAD = new RegExp(String.raw`^(?:${alternation(BODY_WORDS.map(upper), String.raw`\s+`)})(?![${LETTER_CLASS}\d])`, "u");

/** Inside one capitals line, where a unit's name starts after its parent body's. */
export const UNIT_HEAD = new RegExp(
  String.raw`\s(?=(?:${alternation(BODY_WORDS.filter((w) => w.unit).map(upper), String.raw`\s+`)})\s)`,
  "u",
);

/** A capitals line that continues the body name above it ("TỈNH LÂM ĐỒNG" under "ỦY BAN NHÂN DÂN"). */
export const NAME_CONTINUATION = new RegExp(
  // "TỈNH ỦY THANH HÓA" opens a Party committee's name: not a continuation of the line above.
  String.raw`^(?:${alternation(NAME_CONTINUATION_WORDS, String.raw`\s+`)})(?![${LETTER_CLASS}\d])(?!\s+ỦY(?![${LETTER_CLASS}\d]))`,
  "u",
);

/** A capitals line that ends with an administrative level: the place name is on the next line. */
export const ENDS_WITH_PLACE_LEVEL = new RegExp(String.raw`(?:^|\s)(?:${alternation(PLACE_LEVELS, String.raw`\s+`)})$`, "u");

/** Whitespace between the words of a name: tables justify "Ủy       ban". */
const WS = String.raw`\s{1,16}`;

/** A sentence-case issuer name at the start of a text ("Ủy ban nhân dân tỉnh Kon Tum tại các Kế hoạch:"). */
export const ORG_HEAD = new RegExp(
  String.raw`^(?:${alternation([...BODY_WORDS.map((w) => w.words), ...ISSUING_PERSONS], WS)})(?![${WORD_CLASS}])`,
  "u",
);

/** The words of the body names, in sentence case, as a regex alternation (for patterns that look back). */
export const BODY_WORDS_ALTERNATION = alternation([...BODY_WORDS.map((w) => w.words), ...ISSUING_PERSONS, "Giám đốc", "Thường trực"], WS);

/**
 * Issuers a ký hiệu names beyond doubt: the code after the type in a legal normative symbol
 * ("45/2020/NĐ-CP", "28/2025/QĐ-TTg", "163/2024/QH15"). Used only when no issuer is printed, and
 * then marked inferred.
 */
export const ISSUER_BY_SYMBOL_CODE: ReadonlyArray<{ code: RegExp; issuer: string }> = [
  { code: /^CP$/u, issuer: "Chính phủ" },
  { code: /^TTg$/u, issuer: "Thủ tướng Chính phủ" },
  { code: /^QH\d{1,2}$/u, issuer: "Quốc hội" },
  { code: /^UBTVQH\d{1,2}$/u, issuer: "Ủy ban Thường vụ Quốc hội" },
];
