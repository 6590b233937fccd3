/**
 * Patterns of the structure stages, in one place. They run on `foldTones(text)` (classic tone
 * placement, same length as the text) with the `iu` flags unless said otherwise, so "HOÀ" and
 * "HÒA", "Uỷ" and "Ủy" match alike.
 */

/** Quốc hiệu. */
export const NATIONAL_TITLE = /CỘNG\s*HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/iu;
/** Tiêu ngữ, with "-", "–" or no hyphens at all. */
export const MOTTO = /Độc\s+lập\s*[-–—]?\s*Tự\s+do\s*[-–—]?\s*Hạnh\s+phúc/iu;
/**
 * Số, ký hiệu: "Số: 1234 /QĐ-UBND", "Số:      /UBND-KTTH" (blank), "Số 67-KH/TU" (Party),
 * "Số: 05/2022/QĐ-UBND" (legal normative). The symbol is letters and digits joined by - / &.
 */
export const NUMBER_SYMBOL =
  /(?:(?<![\p{L}\d])Số|(?<![\p{L}\d])số(?=\s*:)|^số)\s*[:.]?\s*(?:(?<number>\d{1,6}[a-z]?)|(?<unreadable>[^\s/\d][^\s/]{0,7}))?\s*\.?\s*(?:[/\-–]\s*(?<year>(?:19|20)\d{2})\s*)?[/\-–]\s*(?<symbol>[\p{Lu}\d][\p{Lu}\p{Ll}\d&]{0,20}(?:\s*[-–/]\s*[\p{Lu}\d][\p{Lu}\p{Ll}\d&]{0,20}){0,5})/u;
/** Địa danh và thời gian: "Kon Tum, ngày 15 tháng 01 năm 2023", blanks allowed. */
export const PLACE_DATE =
  /(?<place>\p{Lu}[\p{L}.'’]*(?:\s+(?:\p{Lu}[\p{L}.'’]*|phố|xã|trấn)){0,6})\s*,\s*ngày\s*(?:(?<day>\d{1,2})|(?<dayUnreadable>[^\s\d]{1,4}))?\s*[/.-]?\s*tháng\s*(?:(?<month>\d{1,2})|(?<monthUnreadable>[^\s\d]{1,4}))?\s*[/.-]?\s*năm\s*(?<year>\d{4})?/u;
/** A date line with no place. */
export const DATE_ONLY =
  /^ngày\s*(?:(?<day>\d{1,2})|(?<dayUnreadable>[^\s\d]{1,4}))?\s*[/.-]?\s*tháng\s*(?:(?<month>\d{1,2})|(?<monthUnreadable>[^\s\d]{1,4}))?\s*[/.-]?\s*năm\s*(?<year>\d{4})?/iu;
/** The box a signing tool prints ("Ký bởi: …", "Thời gian ký: …"): page furniture, not content. */
export const SIGNING_STAMP = /Ký\s+bởi\s*:|Thời\s+gian\s+ký\s*:|^\W{0,3}Email\s*:\s*\S+@\S+$/iu;
/** A place alone on its line, the date below it: "Thành phố Hồ Chí Minh," / "ngày … năm 2021". */
export const PLACE_LINE = /^(?<place>\p{Lu}[\p{L}.'’]*(?:\s+(?:\p{Lu}[\p{L}.'’]*|phố|xã|trấn)){0,6})\s*,$/u;
/** Mức độ khẩn. */
export const URGENCY = /^(?<mark>HỎA\s+TỐC|THƯỢNG\s+KHẨN|KHẨN)(?:\s+(?:HẸN\s+GIỜ|\([^)]{0,40}\)))?\s*$/u;
/** Độ mật and phạm vi lưu hành. */
export const CONFIDENTIALITY = /^(?<mark>TUYỆT\s+MẬT|TỐI\s+MẬT|MẬT|XEM\s+XONG\s+TRẢ\s+LẠI|LƯU\s+HÀNH\s+NỘI\s+BỘ|DỰ\s+THẢO)\s*$/u;
/** Rules and ornaments under header lines: "-----", "____", "*", "o0o". */
export const ORNAMENT = /^[\s\-–—_=*.·o0O~]{1,60}$/u;
/** Trích yếu of a công văn. */
export const SUBJECT_VV = /^V\s*\/\s*v\s*[:.]?\s*/iu;
/** Kính gửi. */
export const ADDRESSEE_LEAD = /^Kính\s+gử\s?i\s*[:.]?\s*/iu; // "gử i": a PDF font fallback splits the word
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

/** Section markers. Each captures `label` (the marker without trailing punctuation) and `rest`. */
export const MARKER_APPENDIX = /^(?<label>Phụ\s+lục(?:\s+(?:số\s+)?(?:[IVXLC]{1,6}|\d{1,3})[a-z]?)?)\s*[.:]?(?:\s+|$)(?<rest>.*)$/iu;
export const MARKER_PART = /^(?<label>Phần\s+(?:thứ\s+\p{L}+|[IVXLC]{1,6}|\d{1,2}))\s*[.:]?(?:\s+|$)(?<rest>.*)$/iu;
export const MARKER_CHAPTER = /^(?<label>Chương\s+(?:[IVXLC]{1,7}|\d{1,3}))\s*[.:]?(?:\s+|$)(?<rest>.*)$/iu;
export const MARKER_SECTION = /^(?<label>Mục\s+(?:[IVXLC]{1,6}|\d{1,2}))\s*[.:]?(?:\s+|$)(?<rest>.*)$/iu;
export const MARKER_SUBSECTION = /^(?<label>Tiểu\s+mục\s+\d{1,2})\s*[.:]?(?:\s+|$)(?<rest>.*)$/iu;
export const MARKER_ARTICLE = /^(?<label>Điều\s+\d{1,3}[a-zđ]?)\s*[.:]?(?:\s+|$)(?<rest>.*)$/iu;
export const MARKER_ROMAN = /^(?<label>[IVXL]{1,6})\s*[.)]\s*(?<rest>\S.*)$/u;
export const MARKER_DECIMAL = /^(?<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?<rest>\S.*)$/u;
export const MARKER_NUMBER = /^(?<label>\d{1,3})\s*[.)]\s*(?<rest>\S.*)$/u;
export const MARKER_LETTER = /^(?<label>[a-zđ])\s*\)\s*(?<rest>\S.*)$/u;
export const MARKER_BULLET = /^(?<label>[-+•–*])\s*(?<rest>\S.*)$/u;
/** Căn cứ lines of a decision's preamble. */
export const LEGAL_BASIS = /^Căn\s+cứ(?![\p{L}\d])/iu;
