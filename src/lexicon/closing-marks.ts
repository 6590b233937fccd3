/**
 * The closing of a document: Nơi nhận, Lưu, signature authorities (TM./KT./TL./TUQ./Q.) and
 * positions, the "./." end mark. Patterns run on `foldTones(text)` unless said otherwise.
 */

/** Nơi nhận. */
export const RECIPIENTS_LEAD = /^Nơi\s+nhận\s*[:.]?\s*/iu;
/** Lưu: VT, NC_{TTHG}, 02b. */
export const ARCHIVE_LEAD = /^[-+•]?\s*L[ưu]u\s*[:.]\s*/iu; // "Luu": OCR drops the horn
/** Signature authority prefixes: TM., KT., TL., TUQ., Q. (and Party T/M, K/T). */
export const AUTHORITY = /^(?<mode>TM|T\/M|KT|K\/T|TL|T\/L|TUQ|Q)\s*[.:]\s*(?<title>\S.*)$/u;
/** A recipient line: "- Sở Nội vụ (t/h);". */
export const RECIPIENT_LINE = /^[-+•–*]\s*/u;
/** Purpose in parentheses at the end of a recipient. */
export const RECIPIENT_PURPOSE = /\((?<purpose>[^()]{1,40})\)\s*$/u;
/** Position words that close a signature block. */
export const POSITION =
  /^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|THỦ\s+TRƯỞNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|TRƯỞNG\s+\p{Lu}.*|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|TỔNG\s+CỤC\s+TRƯỞNG|BÍ\s+THƯ|THỦ\s+TƯỚNG|CHÁNH\s+\p{Lu}.*|KẾ\s+TOÁN\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|HIỆU\s+TRƯỞNG|PHÓ\s+\p{Lu}.*|CHI\s+CỤC\s+TRƯỞNG)\s*$/u;
/** The closing formula at the end of the content: "./." */
export const END_MARK = /\.\/\.\s*$/u;

/** A personal name: two to six capitalised words ("Lê Ngọc Tuấn"), possibly in capitals. */
export const PERSON_NAME = /^(?:\p{Lu}[\p{Ll}\p{Lu}]*)(?:\s+\p{Lu}[\p{Ll}\p{Lu}]*){1,5}$/u;
/** Archive drafter initials: NC_{TTHG}, NC<sub>TTHG</sub> (read as a sub mark), KTTH-TTHG. */
export const DRAFTER_BRACES = /^(?<unit>[\p{Lu}\d&]+)\s*_\s*\{?\s*(?<drafter>[\p{Lu}\p{Ll}.]+)\s*\}?$/u;
/** "KT (T.Q.Hùng)": the drafter's initials in parentheses after the unit. */
export const DRAFTER_PAREN = /^(?<unit>[\p{Lu}\d&.]+)\s*\(\s*(?<drafter>[^()]{1,40}?)\s*\)$/u;
export const ARCHIVE_COUNT = /^(?<count>\d{1,3})\s*b(?:ản)?\.?$/iu;
