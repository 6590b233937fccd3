/**
 * Tiêu đề cột: the words of the header cells of a data table, by the role of the column, and the
 * caption lines (Phụ lục, Biểu số, Bảng) printed above a table. Patterns read one header cell,
 * lower-cased and folded to classic tone placement (`foldTones`), spaces collapsed.
 */
import { LETTER_CLASS } from "./letters.js";

/** What a column of an indicator table holds. */
export type ColumnRole = "ordinal" | "indicator" | "unit" | "plan" | "actual" | "compare" | "note";

/**
 * Column roles in the order they are tried: the plan patterns come before the indicator ones,
 * since "Chỉ tiêu giao" is a plan column while "Chỉ tiêu" alone names the indicators.
 */
export const COLUMN_ROLE_PATTERNS: ReadonlyArray<readonly [ColumnRole, RegExp]> = [
  // STT, TT, Số TT, Số thứ tự.
  ["ordinal", /^(?:s\.?\s*)?t\.?\s*t\.?$|^số\s+(?:tt|thứ\s+tự)$/u],
  ["unit", /^(?:đơn\s+vị\s+tính|đ\.?\s*v\.?\s*t\.?|đv\s*tính)(?:\s|$|\()/u],
  // Kế hoạch 2025, KH năm, Mục tiêu, Chỉ tiêu giao / được giao / kế hoạch, Nghị quyết giao, Dự toán.
  ["plan", new RegExp(String.raw`^(?:kế\s+hoạch|kh(?![${LETTER_CLASS}])|mục\s+tiêu|chỉ\s+tiêu\s+(?:giao|được\s+giao|kế\s+hoạch|nghị\s+quyết|năm|đề\s+ra|phấn\s+đấu)|nghị\s+quyết\s+giao|nq\s+giao|dự\s+toán|chỉ\s+tiêu\s+\d{4})`, "u")],
  // Thực hiện, Ước thực hiện, Ước TH, Kết quả (thực hiện), Lũy kế, TH 2024.
  ["actual", new RegExp(String.raw`^(?:thực\s+hiện|ước\s+(?:thực\s+hiện|th(?![${LETTER_CLASS}])|tính|đạt|cả\s+năm|năm)|ước(?![${LETTER_CLASS}])|kết\s+quả|lũy\s+kế|th(?![${LETTER_CLASS}])|số\s+liệu\s+thực\s+hiện)`, "u")],
  // So sánh (%), Tỷ lệ (%), % so với KH, Đạt (%).
  ["compare", /^(?:so\s+sánh|tỷ\s+lệ|tỉ\s+lệ|%\s*so|đạt\s*\(?%|tăng\s*\/?\s*giảm|so\s+với)/u],
  ["note", /^ghi\s+chú/u],
  // Chỉ tiêu, Tên chỉ tiêu, Nội dung (chỉ tiêu), Các chỉ tiêu chủ yếu, Danh mục, Hạng mục, Tiêu chí.
  ["indicator", /^(?:(?:tên|các|nhóm)\s+)?(?:chỉ\s+tiêu|nội\s+dung|danh\s+mục|hạng\s+mục|tiêu\s+chí)/u],
];

/** A year or period in a header cell: "Kế hoạch năm 2025", "Ước TH 6 tháng 2024", "2021-2025". */
export const HEADER_YEAR = /(?<year>(?:19|20)\d{2})(?:\s*[-–]\s*(?<yearEnd>(?:19|20)\d{2}))?/u;

/** A row numbering the columns under the header: "(1)", "1", "A", "(4)=(3)/(2)". */
export const COLUMN_NUMBER_CELL = /^\(?(?:\d{1,2}|[a-z])\)?(?:\s*=\s*.*)?$/iu;

/**
 * A caption line above a table: Phụ lục (số) 1, Biểu (mẫu) số 02, Bảng 3, Mẫu số 01. Read on
 * the original text, case-insensitive.
 */
export const TABLE_CAPTION = new RegExp(String.raw`^(?<kind>phụ\s+lục|biểu(?:\s+mẫu)?|bảng|mẫu)(?:\s+số)?\s*(?<label>[\dIVXLC]+[a-z]?|[A-Z](?![${LETTER_CLASS}]))?`, "iu");

/**
 * Comparator words or symbols that may open a plan cell: "≥ 90", "trên 85", "tối thiểu 80",
 * "dưới 2", "khoảng 5". Read on the lower-cased cell.
 */
export const CELL_COMPARATOR = /^(?<word>≥|>=|⩾|>|≤|<=|⩽|<|~|≈|từ|trên|hơn|dưới|tối\s+thiểu|ít\s+nhất|không\s+dưới|không\s+thấp\s+hơn|tối\s+đa|không\s+quá|không\s+vượt\s+quá|khoảng|gần|xấp\s+xỉ)\s*/u;

/** The comparator each opening word stands for. */
export const CELL_COMPARATOR_WORDS: ReadonlyMap<string, "gte" | "gt" | "lte" | "lt" | "approx"> = new Map([
  ["≥", "gte"], [">=", "gte"], ["⩾", "gte"], ["tối thiểu", "gte"], ["ít nhất", "gte"], ["không dưới", "gte"], ["không thấp hơn", "gte"], ["từ", "gte"],
  [">", "gt"], ["trên", "gt"], ["hơn", "gt"],
  ["≤", "lte"], ["<=", "lte"], ["⩽", "lte"], ["tối đa", "lte"], ["không quá", "lte"], ["không vượt quá", "lte"],
  ["<", "lt"], ["dưới", "lt"],
  ["~", "approx"], ["≈", "approx"], ["khoảng", "approx"], ["gần", "approx"], ["xấp xỉ", "approx"],
]);

/** "trở lên" / "trở xuống" after the figure of a plan cell: "95% trở lên". */
export const CELL_BOUND_AFTER = new RegExp(String.raw`(?<![${LETTER_CLASS}])trở\s+(?<dir>lên|xuống)(?![${LETTER_CLASS}])`, "u");

/** Ordinal labels of indicator rows, by nesting level: I, 1, 1.1, a, then "-" / "+" / "*". */
export const ROW_ORDINALS: ReadonlyArray<RegExp> = [
  /^[IVXLC]+\.?$/u,
  /^\d{1,3}\.?$/u,
  /^\d{1,3}\.\d{1,3}\.?$/u,
  /^\d{1,3}\.\d{1,3}\.\d{1,3}\.?$/u,
  /^[a-zđ][.)]?$/u,
  /^[-+*•–]$/u,
];

/**
 * A cell holding nothing but a list mark ("1.", "a)", "II.", "-", "+"): a first column of such
 * cells beside running text is a tab-aligned list (danh sách liệt kê), not a two-column table.
 * A bare number ("1", "2") is a table's STT column and does not match.
 */
export const LIST_MARK_CELL = /^(?<mark>[-+•–*]|(?:\d{1,3}|[IVXLC]{1,6}|[a-zđ])\s*[.)])$/u;

/**
 * Cells of a form, not of a table: a blank to fill in ("…………… m2", "Họ tên: ......"), or the
 * prompts of a signature grid ("Chữ ký", "(Ký, ghi rõ họ tên)"; not "Họ và tên", a member
 * list's header). Aligned text holding them is a form's layout (mẫu đơn, biên bản), read on the
 * cell's own text.
 */
export const FORM_BLANK_CELL = /(?<blank>[.…_]{4,}|…{2,})/u;
export const SIGNATURE_PROMPT_CELL = /^\(?\s*(?<prompt>chữ\s+ký|ký\s*,?\s*(?:ghi\s+rõ|đóng\s+dấu)|ký\s+tên)/iu;
