/**
 * Thể thức of the header: quốc hiệu, tiêu ngữ, urgency and confidentiality marks, ornaments,
 * the số/ký hiệu line, Kính gửi and V/v. Patterns run on `foldTones(text)` (classic tone
 * placement, same length as the text) with the `iu` flags unless said otherwise.
 */

/** Quốc hiệu. */
export const NATIONAL_TITLE = /CỘNG\s*HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/iu;
/** Tiêu ngữ, with "-", "–" or no hyphens at all. */
export const MOTTO = /Độc\s+lập\s*[-–—]?\s*Tự\s+do\s*[-–—]?\s*Hạnh\s+phúc/iu;
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

export const ORNAMENT_TAIL = /[\s\-–—_*]+$/u;
export const NATIONAL_TITLE_START = /^(?:CỘNG\s*HÒA|ĐẢNG\s+CỘNG)(?![\p{L}\d])/iu;

