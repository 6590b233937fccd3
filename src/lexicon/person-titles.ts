/** Cấp bậc quân hàm (armed forces, police): the grade, then the level ("Thiếu tướng", "Trung tá"). */
import { UPPER_CLASS } from "./letters.js";
const RANK_GRADES = ["Đại", "Thượng", "Trung", "Thiếu"];
const RANK_LEVELS = ["tướng", "tá", "úy"];

/** Every rank as written ("Thiếu tướng"). */
export const MILITARY_RANKS: readonly string[] = RANK_GRADES.flatMap((grade) => RANK_LEVELS.map((level) => `${grade} ${level}`));

/** A rank as a pattern source, words apart by any space; "uý" is the new tone placement of "úy". */
export const MILITARY_RANK = String.raw`(?:${RANK_GRADES.join("|")})\s+(?:${RANK_LEVELS.join("|")}|uý)`;

/**
 * Words that open an entry naming a person (danh sách thành viên, thành phần): "Ông Huỳnh Ngọc
 * Liêm, Phó Giám đốc …", "Bà …", "Đồng chí …", "Đ/c …", military and police ranks ("Trung tá
 * Đoàn Danh Quyết"). The title must be followed by a capitalized name.
 */
export const PERSON_ENTRY = new RegExp(String.raw`^(?<title>Ông\s*\/\s*Bà|Ông|Bà|Đồng\s+chí|Đ\/c|${MILITARY_RANK})\.?\s+(?<name>[${UPPER_CLASS}])`, "u");
