/**
 * Word lists the target extractor reads with. Data only: the regexes compiled from them live in
 * `patterns.ts`, the code that uses them in `units.ts`, `comparators.ts` and `classify.ts`.
 *
 * Every entry is lower case in classic tone placement ("khóa", "lũy"): lookups go through
 * `foldWord`, which folds a word of the text the same way, so "khoá"/"luỹ" match too.
 */
import type { Comparator } from "../schema/target.js";
import { LETTER_CLASS, LOWER_CLASS } from "./letters.js";

/**
 * Đơn vị đếm: nouns that count things after a number ("310 doanh nghiệp", "08 xã"). An open list
 * in real text; this is the part we recognise with certainty, multi-word entries included, so
 * the unit is not cut after its first syllable. Other nouns fall back to a single lowercase word.
 */
export const COUNT_NOUNS: readonly string[] = [
  "lượt khách", "lượt người", "lượt", "khách",
  "doanh nghiệp", "hợp tác xã", "tổ hợp tác", "hộ kinh doanh", "cơ sở giáo dục", "cơ sở y tế", "cơ sở", "cơ quan", "đơn vị",
  "sản phẩm", "sản phẩm ocop",
  "xã", "phường", "thị trấn", "huyện", "tỉnh", "thành phố", "thôn", "làng", "bản", "tổ dân phố", "khu dân cư",
  "hộ gia đình", "hộ nghèo", "hộ", "gia đình", "người", "lao động", "nhân khẩu", "dân",
  "tổ chức", "cá nhân", "tập thể", "đảng viên", "cán bộ", "công chức", "viên chức", "giáo viên", "bác sỹ", "bác sĩ",
  "học sinh", "sinh viên", "trẻ em", "trẻ", "em", "học viên", "đối tượng", "nạn nhân",
  "tiêu chí", "tiêu chuẩn", "chỉ tiêu", "chỉ số",
  "giường bệnh", "giường", "bậc", "điểm phần trăm", "điểm", "sao",
  "trường", "lớp", "phòng học", "phòng", "trạm y tế", "trạm", "bệnh viện",
  "khu công nghiệp", "cụm công nghiệp", "khu kinh tế", "khu", "cụm", "chợ", "siêu thị", "trung tâm thương mại",
  "công trình", "dự án", "chương trình", "đề án", "mô hình", "nhiệm vụ", "đề tài", "sáng kiến",
  "thủ tục", "thủ tục hành chính", "hồ sơ", "dịch vụ công", "dịch vụ", "văn bản", "cuộc", "hội nghị", "lớp tập huấn",
  "vụ", "vụ việc", "ca", "thẻ", "tác phẩm", "tin", "bài", "tin bài", "nhà", "căn", "căn hộ", "tuyến", "tuyến đường",
  "chiếc", "xe", "con", "cây", "suất", "phần quà", "giấy khen", "bằng khen", "huân chương", "huy chương",
  "di tích", "sân", "đội", "câu lạc bộ", "nhóm", "lần", "bộ",
];

/** Đơn vị đo: measures and currencies printed after a number (not counted things). */
export const MEASURE_UNITS: readonly string[] = [
  "km2", "km²", "m2", "m²", "m3", "m³", "km", "ha", "kg", "tấn", "tạ", "lít", "mét", "m",
  "mwh", "mw", "kwh", "kwp", "kw", "gw", "kv",
];
export const CURRENCY_UNITS: readonly string[] = ["usd", "vnđ", "vnd", "đồng", "euro"];

/**
 * Đơn vị thời gian and tuổi: a number followed by one of these is a duration, a period or an
 * age ("5 năm", "6 tháng", "từ 12 đến 17 tuổi"), never a target. "%/năm" is a rate and is read
 * by the per-period part of the unit, not here.
 */
export const TIME_UNITS: readonly string[] = [
  "năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "giây", "tuổi", "thế kỷ", "năm học", "nhiệm kỳ", "kỳ",
];

/** Hệ số (scale words): "900 nghìn", "57 triệu", "4.014,89 tỷ". Value is the power of ten. */
export const SCALE_EXPONENT: ReadonlyMap<string, number> = new Map([
  ["nghìn tỷ", 12], ["ngàn tỷ", 12], ["nghìn", 3], ["ngàn", 3], ["vạn", 4], ["triệu", 6], ["tỷ", 9], ["tỉ", 9],
]);

/** Role of a word (or phrase) met when reading backwards from a number towards its indicator. */
export type WalkRole =
  | { kind: "comparator"; comparator: Comparator; from?: boolean }
  | { kind: "verb" }
  | { kind: "direction"; direction: "increase" | "decrease" }
  | { kind: "filler" }
  | { kind: "assign" };

/**
 * Words between an indicator and its figure: comparators (so sánh), value verbs ("đạt", "là"),
 * direction (tăng/giảm) and fillers ("bình quân", "hàng năm"). Keys: folded, single-spaced.
 * "từ" is marked `from`: alone it is "≥", with "đến"/"-" it opens a range, with "lên"/"xuống"
 * it introduces a baseline.
 */
export const WALK_ROLES: ReadonlyMap<string, WalkRole> = new Map<string, WalkRole>([
  ["không vượt quá", { kind: "comparator", comparator: "lte" }],
  ["không quá", { kind: "comparator", comparator: "lte" }],
  ["tối đa", { kind: "comparator", comparator: "lte" }],
  ["nhiều nhất", { kind: "comparator", comparator: "lte" }],
  ["không dưới", { kind: "comparator", comparator: "gte" }],
  ["không thấp hơn", { kind: "comparator", comparator: "gte" }],
  ["không ít hơn", { kind: "comparator", comparator: "gte" }],
  ["ít nhất", { kind: "comparator", comparator: "gte" }],
  ["tối thiểu", { kind: "comparator", comparator: "gte" }],
  ["từ", { kind: "comparator", comparator: "gte", from: true }],
  ["trên", { kind: "comparator", comparator: "gt" }],
  ["hơn", { kind: "comparator", comparator: "gt" }],
  ["cao hơn", { kind: "comparator", comparator: "gt" }],
  ["nhiều hơn", { kind: "comparator", comparator: "gt" }],
  ["dưới", { kind: "comparator", comparator: "lt" }],
  ["thấp hơn", { kind: "comparator", comparator: "lt" }],
  ["ít hơn", { kind: "comparator", comparator: "lt" }],
  ["chưa đến", { kind: "comparator", comparator: "lt" }],
  ["chưa tới", { kind: "comparator", comparator: "lt" }],
  ["khoảng", { kind: "comparator", comparator: "approx" }],
  ["gần", { kind: "comparator", comparator: "approx" }],
  ["xấp xỉ", { kind: "comparator", comparator: "approx" }],
  ["trên dưới", { kind: "comparator", comparator: "approx" }],
  ["chừng", { kind: "comparator", comparator: "approx" }],
  ["đạt", { kind: "verb" }],
  ["đạt được", { kind: "verb" }],
  ["đạt mức", { kind: "verb" }],
  ["ở mức", { kind: "verb" }],
  ["mức", { kind: "verb" }],
  ["là", { kind: "verb" }],
  ["bằng", { kind: "verb" }],
  ["có", { kind: "verb" }],
  ["chiếm", { kind: "verb" }],
  ["còn", { kind: "verb" }],
  ["được", { kind: "verb" }],
  ["tăng", { kind: "direction", direction: "increase" }],
  ["tăng thêm", { kind: "direction", direction: "increase" }],
  ["tăng lên", { kind: "direction", direction: "increase" }],
  ["nâng lên", { kind: "direction", direction: "increase" }],
  ["lên", { kind: "direction", direction: "increase" }],
  ["giảm", { kind: "direction", direction: "decrease" }],
  ["giảm xuống", { kind: "direction", direction: "decrease" }],
  ["cắt giảm", { kind: "direction", direction: "decrease" }],
  ["xuống", { kind: "direction", direction: "decrease" }],
  ["bình quân", { kind: "filler" }],
  ["trung bình", { kind: "filler" }],
  ["hàng năm", { kind: "filler" }],
  ["hằng năm", { kind: "filler" }],
  ["mỗi năm", { kind: "filler" }],
  ["ước", { kind: "filler" }],
  ["ước tính", { kind: "filler" }],
  ["lũy kế", { kind: "filler" }],
  ["tổng cộng", { kind: "filler" }],
  ["giao", { kind: "assign" }],
]);

/**
 * Nhãn (labels): a number right after one of these words is an article, item, ordinal, date
 * part, road, standard or cited document ("Điều 3", "khoản 2", "tiêu chí số 8", "lần thứ 10",
 * "năm 2022", "Quốc lộ 24", "ISO 9001", "Kế hoạch 113/KH-UBND"), never a target.
 */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  "điều", "khoản", "điểm", "chương", "mục", "tiểu mục", "phần", "phụ lục", "biểu", "mẫu", "số", "lần", "lần thứ", "thứ",
  "mũi", "quốc lộ", "tỉnh lộ", "huyện lộ", "đường", "km", "trung ương", "khóa", "kỳ họp", "iso", "tcvn", "covid",
  "năm", "tháng", "ngày", "quý", "giai đoạn", "nhiệm kỳ", "thời kỳ", "tuần", "đợt", "kỳ", "niên khóa",
  "khu", "tổ", "thôn", "phường", "quận", "khối", "lớp", "tập", "hạng", "loại", "cấp", "bước", "vòng", "phiên",
  "câu", "trang", "dòng", "hội nghị", "đại hội",
  "nghị quyết", "quyết định", "chỉ thị", "kế hoạch", "nghị định", "thông tư", "công văn", "đề án", "luật",
  "tờ trình", "báo cáo", "thông báo", "kết luận", "hướng dẫn", "chương trình",
]);

/**
 * Words that cannot be a unit noun: function words and verbs that follow a bare number
 * ("02 và", "2022 của"). Only used for the one-word fallback unit.
 */
export const NOT_A_UNIT: ReadonlySet<string> = new Set([
  "và", "của", "các", "những", "trong", "từ", "đến", "tới", "với", "cho", "là", "có", "được", "đạt", "trên", "dưới",
  "theo", "tại", "so", "về", "đã", "đang", "sẽ", "thì", "mà", "này", "đó", "nào", "khi", "nếu", "để", "do", "bởi",
  "vì", "như", "hoặc", "hay", "cũng", "còn", "thêm", "mới", "trở", "lên", "xuống", "tăng", "giảm", "gồm", "bao",
  "chiếm", "tương", "ứng", "vào", "ra", "đi", "lại", "sau", "trước", "nay", "qua", "ở", "thứ", "không", "chưa",
  "đều", "hết", "cả", "tổng", "nhưng", "hơn", "khoảng", "gần", "ít", "nhiều", "trở", "bằng", "rồi", "vượt",
]);

/** Phrases dropped from the start of an indicator: list glue and target verbs, not the measured thing. */
export const INDICATOR_LEAD_JUNK: readonly string[] = [
  "phấn đấu", "phấn đầu", "góp phần đạt", "góp phần", "trong đó", "đồng thời", "riêng", "và", "còn", "với", "gồm", "cụ thể", "bao gồm", "là",
];

/**
 * Words that open an indicator ("tỷ lệ …", "tổng sản phẩm …", "thu ngân sách …"). When the text
 * before a figure holds a comma followed by one of these, the indicator starts there: "năm 2022,
 * tỷ lệ tốt nghiệp …". Other commas stay inside ("các khu, cụm công nghiệp").
 */
export const INDICATOR_HEADS: readonly string[] = [
  "tỷ lệ", "tỉ lệ", "tổng", "tốc độ", "số", "giá trị", "thu", "chi", "thu nhập", "chỉ số", "tỷ trọng", "mức",
  "quy mô", "diện tích", "sản lượng", "năng suất", "kim ngạch", "grdp", "grdp", "dân số", "độ che phủ",
];

/** Phrases dropped from the end of an indicator: value verbs left over after the walk. */
export const INDICATOR_TRAIL_JUNK: readonly string[] = ["đạt", "là", "được", "thì", "và", "bằng", "có", "ở"];


/** Comparators printed as symbols before a figure: "≥ 90%", "< 5%". */
export const COMPARATOR_SYMBOLS: ReadonlyMap<string, Comparator> = new Map([
  ["≥", "gte"], ["⩾", "gte"], [">", "gt"], ["≤", "lte"], ["⩽", "lte"], ["<", "lt"], ["~", "approx"], ["≈", "approx"],
]);

/**
 * Figures that measure no performance, read around the figure (text before it ends at the value, its
 * lead words included; text after it starts at the end of its unit):
 * - a rate of a benefit: "Mức chi thù lao bằng 0,6 lần mức lương cơ sở", "đội trưởng bằng 0,6";
 * - the make-up of a body: "Ban Chấp hành: 76 người", "Ban Kiểm tra: 11 người";
 * - a shortcoming: "Chưa hoàn thành 100% nhiệm vụ đề ra".
 */
export const RATE_AFTER = /^\s{0,3}(?:lần\s+)?mức\s+lương/iu;
export const RATE_BEFORE = new RegExp(String.raw`(?<![${LETTER_CLASS}\d])(?:mức\s+(?:chi|thù\s+lao|trợ\s+cấp|phụ\s+cấp|hỗ\s+trợ|bồi\s+dưỡng|lương)|hệ\s+số)(?![${LETTER_CLASS}\d])[^.;!?]{0,80}(?<![${LETTER_CLASS}\d])bằng\s{0,3}$|(?<![${LETTER_CLASS}\d])(?:đội\s+(?:trưởng|phó|viên)|tổ\s+(?:trưởng|phó|viên))\s+bằng\s{0,3}$`, "iu");
export const BODY_MAKEUP_BEFORE = new RegExp(String.raw`(?<![${LETTER_CLASS}\d])(?:Ban\s+(?:Chấp\s+hành|Thường\s+vụ|Kiểm\s+tra|Thư\s+ký)|Hội\s+đồng|Thường\s+trực)\s{0,3}:\s{0,3}$`, "iu");
export const SHORTCOMING_BEFORE = new RegExp(String.raw`(?<![${LETTER_CLASS}\d])chưa\s+(?:hoàn\s+thành|đạt)\s{0,3}$`, "iu");
/**
 * A sentence that opens on the scope it speaks of: "- Đối với 29 xã, phường, đặc khu có Quyết
 * định công nhận …: duy trì …" counts what is already there, not what is to be reached.
 */
export const SCOPE_OPENING = /^[\s\-–+•*]{0,4}Đối\s+với\s{1,3}(?:các\s+|những\s+)?$/iu;

/**
 * A target restated after a result in running text (chỉ tiêu nhắc lại): "đạt 82% (chỉ tiêu 80%)",
 * "đạt 95%, chưa đạt chỉ tiêu đề ra (98%)", "đạt 4.500 tỷ đồng, vượt kế hoạch năm 2025 (4.200 tỷ
 * đồng)", "(KH: ≥ 90%)". Read from the end of the result's figure; the groups give the target's
 * comparator, value and unit (absent: the result's unit).
 */
export const RESTATED_TARGET =
  new RegExp(String.raw`^[ \t]{0,3}[,;]?[ \t]{0,3}(?:(?:vượt|chưa\s+đạt|không\s+đạt|đạt|so\s+với)\s+)?\(?[ \t]{0,2}(?:chỉ\s+tiêu|kế\s+hoạch|KH|mục\s+tiêu)(?:\s+(?:đề\s+ra|được\s+giao|giao|năm\s+\d{4}|Nghị\s+quyết|của\s+tỉnh)){0,3}[ \t]{0,2}(?:là|:)?[ \t]{0,2}\(?[ \t]{0,2}(?<comparator>≥|>=|>|trên|từ|ít\s+nhất|tối\s+thiểu)?[ \t]{0,2}(?<value>\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)[ \t]{0,2}(?<unit>%|[${LOWER_CLASS}]+(?:\s[${LOWER_CLASS}]+){0,2})?[ \t]{0,2}\)?`, "iu");
/** Comparator words of a restated target: "≥", "trên" (more than), "từ", "ít nhất", "tối thiểu" (at least). */
export const RESTATED_COMPARATOR: ReadonlyMap<string, "gte" | "gt"> = new Map([
  ["≥", "gte"],
  [">=", "gte"],
  [">", "gt"],
  ["trên", "gt"],
  ["từ", "gte"],
  ["ít nhất", "gte"],
  ["tối thiểu", "gte"],
]);
