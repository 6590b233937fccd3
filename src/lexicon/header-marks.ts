/**
 * Thể thức of the header: quốc hiệu, tiêu ngữ, urgency and confidentiality marks, ornaments,
 * the số/ký hiệu line, Kính gửi and V/v. Patterns run on `foldTones(text)` (classic tone
 * placement, same length as the text) with the `iu` flags unless said otherwise.
 */
import { LETTER_CLASS } from "./letters.js";

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
/** A trích yếu written "Về …" instead of "V/v …" (under the Số line, or right under the header). */
export const SUBJECT_ABOUT = /^Về\s/u;
/**
 * "2. Trích yếu: V/v …", "1. Vấn đề trình: …": the trích yếu as a numbered form field (phiếu trình,
 * phiếu trình giải quyết công việc) of a form that prints no subject under its title.
 */
export const SUBJECT_FIELD = /^(?:\d{1,2}[.)]\s{0,3})?(?:Trích\s+yếu|Vấn\s+đề\s+trình)\s{0,3}:\s*/iu;
/** Kính gửi. */
export const ADDRESSEE_LEAD = /^Kính\s+gử\s?i\s*[:.]?\s*/iu; // "gử i": a PDF font fallback splits the word

export const ORNAMENT_TAIL = /[\s\-–—_*]+$/u;
export const NATIONAL_TITLE_START = new RegExp(String.raw`^(?:CỘNG\s*HÒA|ĐẢNG\s+CỘNG)(?![${LETTER_CLASS}\d])`, "iu");

/** A qualifier printed after a type title: "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)", "QUY CHẾ (DỰ THẢO)". */
export const TITLE_QUALIFIER = /\s*\([^()]{1,40}\)\s*$/u;

/**
 * The line under the title of a text attached to a decision: "(Kèm theo Quyết định số …/QĐ-UBND
 * ngày … của Chủ tịch UBND tỉnh)", "(Ban hành kèm theo …)", "(Được công nhận kèm theo …)".
 */
export const ATTACHED_TO_LINE =
  new RegExp(String.raw`^(?:\(\s*(?:[${LETTER_CLASS}]+\s+){0,3}kèm\s+theo\s+(?:Quyết\s+định|Nghị\s+quyết|Thông\s+tư|Nghị\s+định|Chỉ\s+thị|Kế\s+hoạch|Công\s+văn|Văn\s+bản|Tờ\s+trình|QĐ|NQ)|(?:[${LETTER_CLASS}]+\s+){0,3}kèm\s+theo\s+(?:Quyết\s+định|Nghị\s+quyết|Thông\s+tư|Nghị\s+định|Chỉ\s+thị|Kế\s+hoạch|Công\s+văn|Văn\s+bản|Tờ\s+trình|QĐ|NQ)\s+số)(?![${LETTER_CLASS}\d])`, "iu");

/**
 * An attached-to line whose number is still blank (a draft): "(Kèm theo Quyết định số      /QĐ-UBND
 * ngày    tháng 9 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh)". Groups: `type`, `symbol` (what
 * follows the slash, when printed); the year and the issuer are read after it.
 */
export const ATTACHED_REFERENCE =
  /kèm\s+theo\s+(?<type>Quyết\s+định|Nghị\s+quyết|Thông\s+tư|Nghị\s+định|Chỉ\s+thị|Kế\s+hoạch|Công\s+văn|Văn\s+bản|Tờ\s+trình)\s+số[\s.…]{0,40}\/\s{0,3}(?<symbol>[A-ZĐ][A-Za-zĐđ0-9&]{0,15}(?:\s{0,2}[-–]\s{0,2}[A-ZĐ][A-Za-zĐđ0-9&]{0,15}){0,4})?/iu;
/** The year of a blank date: "ngày    tháng 9 năm 2025". */
export const ATTACHED_YEAR = /năm\s{0,3}(?<year>(?:19|20)\d{2})(?!\d)/u;
/** The issuer after "của", up to the closing parenthesis. */
export const ATTACHED_ISSUER = /\bcủa\s+(?<issuer>[^)]{3,120}?)\s*\)?\s*$/u;
