/**
 * Every regular expression of the citations extractor, in one place.
 *
 * Rules they all follow, because the extractor must stay linear on multi-megabyte lines:
 * - every repetition is bounded (`{0,16}`, never `*` or `+` over text);
 * - no nested quantifier repeats over classes that overlap (the separators of a symbol are
 *   disjoint from its letter segments, so a failed match backtracks a bounded amount);
 * - the patterns that scan a whole unit start with a literal or a digit; the others are run
 *   on short windows (`…_BEFORE` anchored at the window end with `$`) or sticky (`y`) at one
 *   position.
 *
 * Case-insensitive patterns (`iu`) are written in classic tone spelling ("thỏa", "ủy", "khóa")
 * and run on text folded by `foldTones`, so "thoả"/"uỷ"/"khoá" match too.
 */
import { DASH } from "../../lexicon/document-number.js";
import { BODY_WORDS_ALTERNATION } from "../../lexicon/issuer-words.js";
import { GENERIC_DOCUMENT_WORDS, TYPE_CODES, TYPE_NAMES } from "../../lexicon/document-types.js";
import { LETTER_CLASS, MARK_CLASS, NUMERAL_CLASS, WORD_CLASS } from "../../lexicon/letters.js";

/** Whitespace between the words of a type name: tables justify "Thông         tư    số". */
const WS = String.raw`\s{1,16}`;
/** Not preceded / followed by a letter, mark or digit: a word boundary that knows Vietnamese. */
const NB = String.raw`(?<![${WORD_CLASS}])`;
const NA = String.raw`(?![${WORD_CLASS}])`;

const typeAlternation = [...TYPE_NAMES, ...GENERIC_DOCUMENT_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.split(" ").join(WS))
  .join("|");

/** Type codes that are printed as a type word in tables and notes: "QĐ số 1955/QĐ-UBND". */
const codeAlternation = [...Object.keys(TYPE_CODES), "CV"].sort((a, b) => b.length - a.length).join("|");

// ---------------------------------------------------------------------------------------------
// What precedes a symbol (run on a short folded window, anchored at its end)
// ---------------------------------------------------------------------------------------------

/** "Quyết định số ", "Chỉ thị ", "Nghị       định      số", "Văn bản số:" just before a symbol. */
export const TYPE_BEFORE_SYMBOL = new RegExp(
  String.raw`${NB}(?<type>${typeAlternation})(?:${WS}(?<so>số))?(?:\s{0,4}:)?\s{0,16}$`,
  "iu",
);

/** A type code used as the type word: "QĐ số 1955/QĐ-UBND" (tables). Case-sensitive. */
export const CODE_BEFORE_SYMBOL = new RegExp(
  String.raw`${NB}(?<code>${codeAlternation})\s{1,4}số(?:\s{0,4}:)?\s{0,4}$`,
  "u",
);

/** A bare "số " before a symbol (list items: "số 86/QĐ-UBND; số 252/QĐ-UBND"). */
export const SO_BEFORE_SYMBOL = new RegExp(String.raw`(?<![${WORD_CLASS}])(?<so>số)(?<colon>\s{0,4}:)?\s{0,8}$`, "iu");

/** The last word of a window (for the misspelled type word "Chị thị số 34-CT/TW"). */
export const LAST_WORD = new RegExp(String.raw`(?<word>[${LETTER_CLASS}${MARK_CLASS}]{1,12})[ \t\u00A0]{0,4}$`, "u");

// ---------------------------------------------------------------------------------------------
// Lists: "Tại các Quyết định của Ủy ban nhân dân tỉnh: số 86/…; số 252/…"
// ---------------------------------------------------------------------------------------------

/** A list header naming the shared type, up to its colon. `rest` holds "của …" or "tại …". */
export const LIST_HEADER = new RegExp(
  String.raw`${NB}các${WS}(?<type>${typeAlternation})(?<rest>[^:;.\n]{0,160}):`,
  "giu",
);

/** A footnote mark opening a clause: "<sup>(13)</sup> ", "(13) ", "13 ". */
export const LEADING_NOTE_MARK = /^[\s(]{0,4}(?:<sup>)?\s{0,2}\(?\d{1,3}\)?\s{0,2}(?:<\/sup>)?[\s)]{0,4}/u;

// ---------------------------------------------------------------------------------------------
// Anchors that do not start with a digit (scanned on the raw text: they have no tone-placement
// variants, so folding is not needed to find them)
// ---------------------------------------------------------------------------------------------

/**
 * Types that can be cited by name: "Luật Đầu tư công", "Nghị quyết Đại hội …", "Đề án 1956".
 * Case-sensitive with the printed case variants spelled out, and no lookbehind: that lets the
 * engine skip quickly to the few letters these words start with. The caller checks that the
 * match starts a word.
 */
export const NAMED_TYPE =
  new RegExp(String.raw`(?:[Bb]ộ|BỘ)\s{1,4}(?:[Ll]uật|LUẬT)|Luật|LUẬT|(?:[Pp]háp|PHÁP)\s{1,4}(?:[Ll]ệnh|LỆNH)|(?:Hiến|HIẾN)\s{1,4}(?:[Pp]háp|PHÁP)|(?:[Nn]ghị|NGHỊ)\s{1,4}(?:[Qq]uyết|QUYẾT)|(?:Đề|ĐỀ)\s{1,4}(?:[Áá]n|ÁN)(?![${WORD_CLASS}])`, "gu");

/** "này" of a self reference ("Quyết định này"); the caller checks the word boundaries. */
export const SELF_WORD = /này|Này|NÀY/gu;

/** The type word just before "này". */
export const TYPE_BEFORE_SELF = new RegExp(String.raw`${NB}(?<type>${typeAlternation})\s{1,6}$`, "iu");

/** Cheap test of a unit: without a digit or one of these words there is nothing to cite. */
export const UNIT_PREFILTER_WORDS = /này|NÀY|Luật|LUẬT|luật|[Pp]háp\s{1,4}lệnh|PHÁP\s{1,4}LỆNH|Hiến|HIẾN|[Nn]ghị\s{1,4}quyết|NGHỊ\s{1,4}QUYẾT|Đề\s{1,4}án|ĐỀ\s{1,4}ÁN/u;

// ---------------------------------------------------------------------------------------------
// What follows a citation (sticky, on the folded text)
// ---------------------------------------------------------------------------------------------

/** Spaces and commas between the parts that follow a citation. */
export const TAIL_SEPARATOR = /[\s,]{0,6}/uy;

/** "của " that introduces the issuer (cơ quan ban hành). */
export const ISSUER_INTRO_AT = /của\s{1,6}/iuy;

/** Khóa / nhiệm kỳ of the issuing body, with or without parentheses: "(khóa XI)". */
export const TERM_AT = new RegExp(String.raw`(?<open>\(\s{0,3})?(?<term>(?:khóa|nhiệm\s{1,3}kỳ)\s{1,4}(?:[IVXLC]{1,7}|\d{1,2}))(?![${LETTER_CLASS}${NUMERAL_CLASS}])(?<close>\s{0,3}\))?`, "iuy");

/** A word (letters, marks, digits) at one position. */
export const WORD_AT = new RegExp(String.raw`[${WORD_CLASS}]{1,40}`, "uy");

/** "số " between a law's name and its symbol: "Luật Điện lực số 61/2024/QH15". */
export const SO_AT = /\s{1,8}số\s{0,4}:?\s{0,4}/iuy;

/** "(số " after a law's name in tables: "Luật Đất đai (số 45/2013/QH13 ngày 29/11/2013)". */
export const PAREN_SO_AT = /\s{0,4}\(\s{0,4}số\s{0,4}/iuy;

/** "sửa đổi, bổ sung một số điều của" that opens the name of an amending law. */
export const AMENDING_AT = /\s{1,4}s[ửữ]a\s{1,4}đổi\s{0,2},?\s{1,4}bổ\s{1,4}sung(?:\s{1,4}một\s{1,4}số\s{1,4}điều)?(?:\s{1,4}của)?(?:\s{1,4}các)?/iuy;

/** A type word at one position (the title and issuer walkers stop at the next citation). */
export const TYPE_AT = new RegExp(String.raw`(?:${typeAlternation})${NA}`, "iuy");

/** "Đề án 1956", "Đề án số 08": a project known by its number, not by a symbol. */
export const PROJECT_NUMBER_AT = new RegExp(
  String.raw`\s{1,4}(?:số\s{1,4})?(?<num>\d{1,4})(?![${LETTER_CLASS}${NUMERAL_CLASS}]|\s{0,2}${DASH}\s{0,2}[${LETTER_CLASS}${NUMERAL_CLASS}]|\s{0,2}\/|[.,]\d)`,
  "iuy",
);

/** "Đề án “Thúc đẩy …”": a project known by its quoted name (markdown emphasis allowed). */
export const PROJECT_QUOTED_AT = /\s{1,4}\*{0,2}(?<open>[“"«])(?<name>[^”"»\n]{3,300})[”"»]\*{0,2}/uy;

/** Names of Party resolutions cited without a number: "Nghị quyết Đại hội …", "Nghị quyết Trung ương 4". */
export const RESOLUTION_NAME_AT = new RegExp(String.raw`\s{1,6}(?:Đại${WS}hội|Trung${WS}ương|Hội${WS}nghị)${NA}`, "uy");

// ---------------------------------------------------------------------------------------------
// Pinpoints and legal basis
// ---------------------------------------------------------------------------------------------

const LABEL = String.raw`(?:\d{1,4}[a-zđ]?|[a-zđ]\d?)(?![${WORD_CLASS}])`;

/**
 * One pinpoint word with its labels: "điểm a", "khoản 1, 2", "Điều 39", "điểm a và b".
 * Run over the window before a citation; the caller keeps only the chain that ends at it.
 */
export const PINPOINT = new RegExp(
  String.raw`${NB}(?<kind>điểm|khoản|điều)\s{1,4}(?<labels>${LABEL}(?:\s{0,2}(?:,|và)\s{0,2}${LABEL}){0,8})`,
  "giu",
);

/** Quick test of a window before running `PINPOINT` over it. */
export const PINPOINT_WORD = /[Đđ]iều|[Kk]hoản|[Đđ]iểm|ĐIỀU|KHOẢN|ĐIỂM/u;

/** Splits the labels of one pinpoint word. */
export const LABEL_SPLIT = /\s{0,2}(?:,|và)\s{0,2}/u;

/** What may stand between two pinpoint words, or between the last one and the citation. */
export const PINPOINT_GAP = /^[\s,;]{0,8}(?:và[\s,]{1,4})?$/u;
export const PINPOINT_TO_CITATION_GAP = /^[\s,]{0,8}(?:(?:của|tại|theo)\s{1,4})?$/u;

/** Markdown emphasis and quotes stripped from titles. */
export const TITLE_NOISE = /[*_]{1,3}/gu;
/** Runs of whitespace (incl. line breaks) collapsed to one space in titles and issuers (one class: linear). */
export const SPACES = /\s+/gu;

// ---------------------------------------------------------------------------------------------
// Character tests of the word walkers. Hoisted here: a regex literal inside a hot function
// allocates a new RegExp on every call.
// ---------------------------------------------------------------------------------------------

/** A letter, combining mark or digit: a character inside a word or number. */
export const WORD_CHAR = new RegExp(String.raw`[${WORD_CLASS}]`, "u");
/** A digit or a separator of numbers and symbols, before a would-be symbol. */
export const NUMBER_PART = new RegExp(String.raw`[${NUMERAL_CLASS}/.,]`, "u");
/** Whitespace of one character. */
export const WHITESPACE = /\s/u;
/** A space, tab or line break of one character (not a paragraph). */
export const LINE_SPACE = /[ \t\n]/u;
/** Window ending in a space. */
export const ENDS_WITH_SPACE = /[ \t\u00A0]$/u;
/** A sentence end or a blank line: a list header does not reach past it. */
export const SENTENCE_OR_PARAGRAPH_BREAK = /[.!?]\s|\n\s*\n/u;
/** "của " opening the rest of a list header. */
export const ISSUER_INTRO_PREFIX = /^\s{1,6}của\s{1,6}/iu;
/** The word just before a position (window ending at it). */
export const PREVIOUS_WORD = new RegExp(String.raw`(?<word>[${LETTER_CLASS}${MARK_CLASS}]{1,12})\s{1,4}$`, "u");
/** A dotted abbreviation of capitals: "TP." of "TP. Hồ Chí Minh". */
export const CAPITALS_ABBREVIATION = /^[A-ZĐ]{1,3}$/u;
/** Starts with a capital letter (a symbol part). */
export const STARTS_CAPITAL = /^[A-ZĐ]/u;
/** Starts with a digit. */
export const STARTS_DIGIT = /^\d/u;
/** One or two spaces only. */
export const ONE_OR_TWO_SPACES = /^\s{1,2}$/u;
/** "…phòng" before a comma and "chống" after it: the "phòng, chống" of law names. */
export const ENDS_PHONG = /phòng$/iu;
export const STARTS_CHONG = new RegExp(String.raw`^\s{1,3}chống(?![${LETTER_CLASS}${MARK_CLASS}])`, "iu");
/** Any digit (cheap unit prefilter). */
export const DIGIT = /[0-9]/;

/** A citation ahead: "số" or a number after a type word ("Kế hoạch số", "Chỉ thị 39-…"). */
export const CITATION_AHEAD = /\s{1,16}(?:số|\d)/iuy;

/** Only list separators between two citations: "; ", ", ", " và ", "; và ". */
export const LIST_GAP = /^[\s,;]{0,8}(?:(?:và|hoặc)[\s,;]{1,8})?$/iu;

/** ", Luật" or " và Luật" inside the name of an amending law. */
export const ANOTHER_LAW = new RegExp(String.raw`^(?:\s{0,2},|\s{1,3}và)\s{1,3}(?:Luật|Bộ luật)(?![${LETTER_CLASS}${MARK_CLASS}])`, "u");


// ---------------------------------------------------------------------------------------------
// The issuer printed before a citation (run on the folded text of the line before it)
// ---------------------------------------------------------------------------------------------

/**
 * "(đề nghị | ý kiến) của Sở Nội vụ tại Tờ trình số …", "của Giám đốc Sở Nội vụ tại …": the
 * issuer between "của" and "tại"/"theo" right before the citation. Anchored at the window end.
 */
export const ISSUER_BEFORE_AT = new RegExp(
  String.raw`(?<![${WORD_CLASS}])của\s{1,3}(?<issuer>(?:${BODY_WORDS_ALTERNATION})(?![${WORD_CLASS}])(?:(?!của\s|về\s)[^,;:()\n]){0,100}?)\s{1,3}(?:tại|theo)\s{1,3}$`,
  "u",
);

/**
 * "UBND tỉnh xây dựng Kế hoạch số …", "Công an tỉnh Lâm Đồng đã ban hành Kế hoạch số …": a body
 * that is the subject of the verb that made the cited document.
 */
export const ISSUER_SUBJECT_AT = new RegExp(
  String.raw`(?:^|[,;.:]\s{0,3}|\s)(?<issuer>(?:${BODY_WORDS_ALTERNATION})(?![${WORD_CLASS}])[^,;:()\n]{0,80}?)\s{1,3}(?:đã\s{1,3})?(?:xây\s{1,3}dựng|ban\s{1,3}hành|có|gửi|trình)\s{1,3}$`,
  "u",
);
