/**
 * The closing of a document: Nơi nhận, Lưu, signature authorities (TM./KT./TL./TUQ./Q.) and
 * positions, the "./." end mark. Patterns run on `foldTones(text)` unless said otherwise.
 */
import { MILITARY_RANK } from "./person-titles.js";
import { LETTER_CLASS, LOWER_CLASS, NUMERAL_CLASS, UPPER_CLASS } from "./letters.js";

/** Nơi nhận. */
export const RECIPIENTS_LEAD = /^Nơi\s+nhận\s*[:.]?\s*/iu;
/** Lưu: VT, NC_{TTHG}, 02b. */
export const ARCHIVE_LEAD = new RegExp(String.raw`^[-+•]?\s*[Ll][ưuƯU][uU]\s*(?:[:.]\s*|\s+(?=(?:VT|VP|Văn\s+phòng|[A-ZĐ]{2,})(?![${LOWER_CLASS}])))`, "u"); // "Luu": OCR drops the horn; "Lưu VT, KT." and Party "Lưu VPTU" without a colon
/** Signature authority prefixes: TM., KT., TL., TUQ., Q. (and Party T/M, K/T). */
export const AUTHORITY = /^(?<mode>(?:TM|KT|TL|TUQ|Q)(?=\s*[.:])|T\/M|K\/T|T\/L)\s*[.:]?\s*(?<title>\S.*)$/u; // Party documents print "T/M BAN THƯỜNG VỤ" without a dot
/** A recipient line: "- Sở Nội vụ (t/h);". */
export const RECIPIENT_LINE = /^[-+•–*]\s*/u;
/** Parenthesized text at the end of a recipient: a purpose only if `purposeCodeOf` knows it. */
export const RECIPIENT_PURPOSE = /\((?<purpose>[^()]{1,40})\)\s*$/u;

/**
 * Mục đích gửi: what a recipient receives the document for, printed after it in parentheses —
 * "(b/c)", "(để b/c)", "(để P/H)", "(thực hiện)", "(để biết)". Codes: the short forms offices
 * print, lower case. Text in parentheses that is none of these ("(Đ/c Tuấn)", "(qua Văn phòng
 * Bộ)", "(C06, V01)") belongs to the recipient's name.
 */
export const PURPOSE_CODES: ReadonlyArray<{ code: string; meaning: string; printed: RegExp }> = [
  { code: "b/c", meaning: "báo cáo", printed: /^(?:b\s*\/\s*c(?:áo)?|báo\s+cáo)$/iu },
  { code: "đ/b", meaning: "để biết", printed: /^(?:đ\s*\/\s*b|biết)$/iu },
  { code: "t/h", meaning: "thực hiện", printed: /^(?:t\s*\/\s*h|thực\s+hiện|th)$/iu },
  // A task given to that recipient, as a giấy mời prints it: "(cử PV)", "(chuẩn bị phòng họp)".
  { code: "t/h", meaning: "thực hiện", printed: new RegExp(String.raw`^(?:cử|chuẩn\s+bị|kết\s+nối|bố\s+trí|phục\s+vụ|tham\s+dự|tham\s+gia|hỗ\s+trợ)(?:\s+[${LETTER_CLASS}${NUMERAL_CLASS}&]+){1,6}$`, "iu") },
  { code: "p/h", meaning: "phối hợp", printed: /^(?:p\s*\/\s*h|phối\s+hợp(?:\s+thực\s+hiện)?)$/iu },
  { code: "c/đ", meaning: "chỉ đạo", printed: /^(?:c\s*\/\s*đ|chỉ\s+đạo(?:\s+thực\s+hiện)?)$/iu },
  { code: "t/d", meaning: "theo dõi", printed: /^(?:t\s*\/\s*d|theo\s+dõi)$/iu },
  { code: "k/t", meaning: "kiểm tra", printed: /^(?:k\s*\/\s*t|kiểm\s+tra)$/iu },
  { code: "g/s", meaning: "giám sát", printed: /^(?:g\s*\/\s*s|giám\s+sát)$/iu },
  { code: "t/b", meaning: "thông báo", printed: /^(?:t\s*\/\s*b|thông\s+báo)$/iu },
  { code: "đăng", meaning: "đăng tải", printed: new RegExp(String.raw`^(?:đăng(?:\s+tải)?(?:\s+[${LETTER_CLASS}]+){0,6}|đưa\s+tin)$`, "iu") },
];

/** Words before the purpose that do not change it: "(để b/c)", "(để thực hiện)", "(b/c, đ/b)". */
const PURPOSE_LEAD = /^(?:để|xin)\s+/iu;

/**
 * The normalized code of a printed purpose ("để b/c" → b/c; "b/c, đ/b" → "b/c, đ/b"), or null
 * when the text in parentheses is not a purpose.
 */
export function purposeCodeOf(printed: string): string | null {
  const parts = printed.split(/\s*(?:,|;|\bvà\b)\s*/u).map((p) => p.trim().replace(PURPOSE_LEAD, "")).filter(Boolean);
  if (parts.length === 0) return null;
  const codes: string[] = [];
  for (const part of parts) {
    const found = PURPOSE_CODES.find((p) => p.printed.test(part));
    if (!found) return null;
    codes.push(found.code);
  }
  return codes.join(", ");
}

/** Archive items separated by ", " or by ". " ("Lưu: VT. NC.") — never inside parentheses. */
export const ARCHIVE_SEPARATOR = /[,;](?![^()]*\))|\.\s+(?![^()]*\))/u;

/** "NC.Châu": the drafter's name after a unit code and a full stop, as this office prints it. */
export const DRAFTER_DOT = new RegExp(String.raw`^(?<unit>[${UPPER_CLASS}\d&]{2,})\.(?<drafter>[${UPPER_CLASS}][${LOWER_CLASS}${UPPER_CLASS}]{1,20})$`, "u");
/** Position words that close a signature block. */
export const POSITION =
  new RegExp(String.raw`^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|THỦ\s+TRƯỞNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|TRƯỞNG\s+[${UPPER_CLASS}].*|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|TỔNG\s+CỤC\s+TRƯỞNG|BÍ\s+THƯ|THỦ\s+TƯỚNG|CHÁNH\s+[${UPPER_CLASS}].*|KẾ\s+TOÁN\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|HIỆU\s+TRƯỞNG|PHÓ\s+[${UPPER_CLASS}].*|CHI\s+CỤC\s+TRƯỞNG)\s*$`, "u");
/** The closing formula at the end of the content: "./." */
export const END_MARK = /\.\/\.\s*$/u;

/** One word of a personal name as OCR gives it: a capital, then lower case ("Thành"). */
export const NAME_WORD = new RegExp(String.raw`^(?<word>[${UPPER_CLASS}][${LOWER_CLASS}]*)$`, "u");

/**
 * A personal name: two to six capitalised words ("Lê Ngọc Tuấn"), possibly in capitals; in the
 * armed forces and the police the rank comes first (cấp bậc quân hàm: "Thiếu tướng Trương Minh
 * Đương", Nghị định 30/2020 Phụ lục I).
 */
export const PERSON_NAME = new RegExp(String.raw`^(?:(?<rank>${MILITARY_RANK})\s+)?(?<name>[${UPPER_CLASS}][${LOWER_CLASS}${UPPER_CLASS}]*(?:\s+[${UPPER_CLASS}][${LOWER_CLASS}${UPPER_CLASS}]*){1,5})$`, "u");
/** Archive drafter initials: NC_{TTHG}, NC<sub>TTHG</sub> (read as a sub mark), KTTH-TTHG. */
export const DRAFTER_BRACES = new RegExp(String.raw`^(?<unit>[${UPPER_CLASS}\d&]+)\s*_\s*\{?\s*(?<drafter>[${UPPER_CLASS}${LOWER_CLASS}.]+)\s*\}?$`, "u");
/** "KT (T.Q.Hùng)": the drafter's initials in parentheses after the unit. */
export const DRAFTER_PAREN = new RegExp(String.raw`^(?<unit>[${UPPER_CLASS}\d&.]+)\s*\(\s*(?<drafter>[^()]{1,40}?)\s*\)$`, "u");
export const ARCHIVE_COUNT = /^(?<count>\d{1,3})\s*b(?:ản)?\.?$/iu;

/**
 * A Nơi nhận line and a signature line set side by side with spaces instead of a table, which
 * collapse to one line: "- Văn phòng Bộ Công an; PHÓ CHỦ TỊCH". `right` is checked against
 * AUTHORITY and POSITION by the caller.
 */
export const RECIPIENT_THEN_SIGNATURE = new RegExp(String.raw`^(?<left>.{2,200}?[;,.:])\s+(?<right>(?:(?:TM|T\/M|KT|K\/T|TL|T\/L|TUQ|Q)\s*\.\s*)?[${UPPER_CLASS}][${UPPER_CLASS}\s]{3,80})$`, "u");

/**
 * A row of a phiếu trình's sign-off boxes (ô ký duyệt): "LÃNH ĐẠO VĂN PHÒNG ……… Ngày   tháng 01
 * năm 2026 Trịnh Ngọc Duệ": the position in capitals, the dotted line left for the handwritten
 * opinion, the date (the day often blank) and the name. Dot runs are separated by spaces only,
 * so a long run of dots cannot make the match backtrack.
 */
export const SIGN_OFF_ROW =
  new RegExp(String.raw`^(?<position>[${UPPER_CLASS}][${UPPER_CLASS}\s]{2,60}?)\s*[.…]{3}[.…]*(?:\s+[.…]+)*\s*(?<date>Ngày[\s\d]{0,12}tháng[\s\d]{0,12}năm\s{1,3}\d{4}\s+)?(?<signer>[${UPPER_CLASS}][${LOWER_CLASS}]+(?:\s[${UPPER_CLASS}][${LOWER_CLASS}]*){1,5})\s*$`, "u");
