/**
 * Words that open an entry naming a person (danh sách thành viên, thành phần): "Ông Huỳnh Ngọc
 * Liêm, Phó Giám đốc …", "Bà …", "Đồng chí …", "Đ/c …", military and police ranks ("Trung tá
 * Đoàn Danh Quyết"). The title must be followed by a capitalized name.
 */
export const PERSON_ENTRY =
  /^(?<title>Ông\s*\/\s*Bà|Ông|Bà|Đồng\s+chí|Đ\/c|(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý))\.?\s+(?<name>\p{Lu})/u;
