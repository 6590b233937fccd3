/**
 * Stop words (từ dừng): the lowercase words and two-word phrases that end a name read word by
 * word — an issuer after "của", a law's name after "Luật" — and that end the basis of a
 * comparison after "so với". A name never continues into a function word or a verb that starts
 * the rest of the sentence. The lists share their core; each adds what its own reading needs.
 */

/** Function words that end any name: prepositions, auxiliaries, conjunctions, demonstratives. */
const NAME_ENDING_WORDS: readonly string[] = [
  "về", "tại", "theo", "trong", "đối", "đã", "được", "nhằm", "để", "thì", "là", "có", "ngày",
  "năm", "khóa", "các", "những", "cho", "với", "đến", "từ", "này", "gồm", "kèm", "như", "hoặc",
  "cũng", "nay", "nêu", "khi", "sau", "trước", "qua", "vì", "do", "mà", "đang", "sẽ", "cần",
  "không", "chưa", "còn", "vẫn", "đều", "cùng", "trên", "của",
];

/** Verbs (two words) that start the rest of the sentence after any name. */
const NAME_ENDING_VERBS: readonly string[] = [
  "ban hành", "hướng dẫn", "triển khai", "sửa đổi", "bổ sung", "quy định", "tổ chức",
];

/** Words that end an issuer's name ("Bộ Chính trị về …", "Sở Nội vụ giao …"). */
export const ISSUER_STOP_WORDS: ReadonlySet<string> = new Set([
  ...NAME_ENDING_WORDS,
  // Verbs that follow an issuer's name in running text ("Văn phòng Chính phủ mời dự …").
  "mời", "hướng", "báo",
  "v/v", "giao", "số", "nhiệm", "đó", "bởi", "rằng", "hết", "hiện", "gửi", "ký", "phải", "tới",
  "ngay",
]);

/** Two-word verbs that end an issuer's name ("Ủy ban nhân dân tỉnh ban hành …"). */
export const ISSUER_STOP_BIGRAMS: ReadonlySet<string> = new Set([
  ...NAME_ENDING_VERBS,
  "công bố", "phê duyệt", "thực hiện", "phát động", "tiếp tục", "đề nghị", "chỉ đạo", "yêu cầu",
  "xác định", "xây dựng", "tăng cường", "nâng cao", "đẩy mạnh", "lãnh đạo", "thông qua",
  "kiện toàn", "phân công", "giao nhiệm", "ủy quyền", "phân cấp", "quản lý",
]);

/** Words that end a document's name ("Luật Đất đai năm 2013", "Luật Hội nay …"). */
export const TITLE_STOP_WORDS: ReadonlySet<string> = new Set([
  ...NAME_ENDING_WORDS,
  "nhưng", "thuộc", "đi",
]);

/** Two-word phrases that end a document's name ("Luật Đất đai quy định …"). */
export const TITLE_STOP_BIGRAMS: ReadonlySet<string> = new Set([
  ...NAME_ENDING_VERBS,
  "thi hành", "hiệu lực", "đề ra", "liên quan", "hiện hành", "hiện nay",
]);

/** Words that end the basis of a comparison: "so với cùng kỳ và tăng …". */
export const BASIS_STOP_WORDS: ReadonlySet<string> = new Set([
  "và", "tăng", "giảm", "đạt", "là", "nhưng", "trong", "với", "so", "của", "đã", "bằng", "còn",
  "hoặc",
]);

/** First words that show "Luật" is not a law's name: "Luật sư", "Luật này" (a self reference). */
export const NOT_A_LAW_NAME_WORDS: ReadonlySet<string> = new Set(["sư", "gia", "pháp", "lệ", "này", "số", "hóa"]);

/**
 * Body names whose second and third words would read as a verb ("Ban chỉ đạo", "Ban quản lý"):
 * inside these, the stop bigram does not end the issuer.
 */
export const BODY_NAMES_WITH_VERBS: ReadonlySet<string> = new Set([
  "ban chỉ đạo", "ban quản lý", "ban vận động", "ban tổ chức", "ban thường vụ", "ủy ban kiểm tra",
]);

/**
 * Verbs that open the title of a cited document even when capitalized ("… của Thủ tướng Chính phủ
 * Ban hành tiêu chí …"); none of them is part of a body's name (unlike "Xây dựng" in "Sở Xây dựng").
 */
export const TITLE_OPENING_VERBS: ReadonlySet<string> = new Set([
  "ban hành", "phê duyệt", "công bố", "phát động", "triển khai", "thực hiện", "tăng cường", "sửa đổi", "bổ sung",
]);
