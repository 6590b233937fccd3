/**
 * Every regular expression of the target extractor, in one place.
 *
 * Performance rules, because a unit can be a several-MB single line of digits and dots:
 * - every repetition is bounded (`{0,4}`, `{1,15}` …), no nested unbounded quantifiers;
 * - `NUMBER` refuses to start right after a digit, letter or separator (look-behind), so a long
 *   run like "1.2.3.4…" or "1,1,1,…" is tried from its first character only and fails in
 *   constant time, which keeps the scan linear;
 * - everything else is sticky (`y`) and runs at one known position, so its cost is bounded by
 *   its own bounded length.
 *
 * Spelling: patterns are written in classic tone placement ("khóa", "lũy"). They are not run on
 * `foldTones(unit)`, which would add a copy of every unit with a digit (and, when this was
 * written, cost more than the whole extractor). Instead the words looked up in lists are folded
 * one by one with a memo (`foldWord`), and the few phrase patterns whose words have two tone
 * placements list both ("lũy|luỹ").
 */
import { LETTER_RANGES } from "../../lexicon/letters.js";
import { escapeRegex } from "../../util/escape-regex.js";
import { COUNT_NOUNS, CURRENCY_UNITS, MEASURE_UNITS, SCALE_EXPONENT, TIME_UNITS } from "../../lexicon/target-words.js";

/** Letters with their combining marks (see `LETTER_RANGES`). */
const L = LETTER_RANGES;
/** Capitals of document symbols and acronyms: "QĐ", "HĐND", "KCN", "TCCSĐ". */
const CAPS = String.raw`A-ZĐ`;
/** Lowercase Vietnamese letters (a superset: callers re-check case where it matters). */
const LOWER = String.raw`a-z\u00DF-\u00F6\u00F8-\u00FF\u0101-\u01B0\u0300-\u036F\u1EA1-\u1EF9`;
/** Whitespace, bounded: hard-wrapped text puts " \n " inside a figure ("2021 - \n 2025"). */
const S = String.raw`\s{0,4}`;
const S1 = String.raw`\s{1,4}`;

/**
 * A word as printed in running text: lower case or capitalised at a sentence start ("Đã", "Phấn
 * đấu"). Cheaper than the `i` flag for patterns that scan whole units.
 */
function cap(word: string): string {
  const first = word.charAt(0);
  return `[${first}${first.toUpperCase()}]${escapeRegex(word.slice(1))}`;
}

/**
 * Compiles a word list into an alternation, longest first, a space as a run of whitespace.
 * `\s+`, not the bounded `\s{1,4}` used elsewhere: V8 compiles a bounded repeat of `\s` in
 * unicode mode as a far larger automaton, and the count nouns' alternation holds it ~150 times —
 * compiling it took 60 ms, a sixth of a small document's whole parse from the shell.
 * Each alternative starts with a literal syllable, so the run cannot backtrack beyond itself.
 */
function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegex(w).replace(/ /g, String.raw`\s+`))
    .join("|");
}

/** Chữ số: the prefilter. A unit without a digit holds no figure and is skipped. */
export const HAS_DIGIT = /\d/;

/**
 * Số: one number token in Vietnamese notation.
 * - `\d{1,3}(.\d{3}){1,4}(,\d+)?` "." groups thousands, "," marks decimals: 4.014,89 · 1.300.000;
 * - `\d{1,15}(,\d+)?` plain or comma-decimal: 02 · 4,46 · 1300;
 * - `\d{1,6}.\d{1,2}` an English-style decimal ("1.5"): accepted, flagged as ambiguous.
 * Refused (so never read): a token glued to letters ("QH15", "Covid-19", OCR "2O2I"), to a
 * slash or colon (dates 09/02/1913, ratios 21/21, map scales 1/500, ISO 9001:2008, times
 * 15:12:01) or to a further ".digit" (outline numbers 1.2.3, dates 25.02.2021).
 */
export const NUMBER = new RegExp(
  String.raw`(?<![${L}0-9_.,/\\:#@&-])(?<num>\d{1,3}(?:\.\d{3}){1,4}(?:,\d{1,6})?|\d{1,15}(?:,\d{1,6})?|\d{1,6}\.\d{1,2})(?![${L}0-9]|[.,:/]\d)`,
  "gu",
);

/** The same token, anchored: the second number of a range ("15 đến 18", "60-70"). */
export const NUMBER_AT = new RegExp(
  String.raw`(?<num>\d{1,3}(?:\.\d{3}){1,4}(?:,\d{1,6})?|\d{1,15}(?:,\d{1,6})?|\d{1,6}\.\d{1,2})(?![${L}0-9]|[.,:/]\d)`,
  "uy",
);

/** A whole string that is one Vietnamese number, optionally with a scale word (for `parseVietnameseNumber`). */
export const NUMBER_STRING = new RegExp(
  String.raw`^\s*(?<num>\d[\d.,]{0,40})(?:\s{1,4}(?<scale>${alternation(SCALE_EXPONENT.keys())}))?\s*$`,
  "iu",
);
/** Vietnamese grouping: 1.300.000 · 4.014,89 (dots every three digits, optional comma decimals). */
export const VN_GROUPED = /^(?<int>\d{1,3}(?:\.\d{3})+)(?:,(?<frac>\d{1,12}))?$/;
/** Plain digits with optional comma decimals: 02 · 4,46 · 1300. */
export const VN_PLAIN = /^(?<int>\d{1,18})(?:,(?<frac>\d{1,12}))?$/;
/** English grouping with commas: 1,234,567 (two groups at least) and optional ".5". */
export const EN_GROUPED = /^(?<int>\d{1,3}(?:,\d{3}){2,})(?:\.(?<frac>\d{1,12}))?$|^(?<int2>\d{1,3}(?:,\d{3})+)\.(?<frac2>\d{1,12})$/;
/** English decimal with a dot and not exactly three decimals: 1.5 · 2.25 · 1.5000. */
export const EN_DECIMAL = /^(?<int>\d{1,18})\.(?<frac>\d{1,2}|\d{4,12})$/;

/** Khoảng (range joiner) after a first number: "15 đến 18", "60-70%", "5 đến dưới 12", "60% - 70%". */
export const RANGE_JOINER = new RegExp(String.raw`${S}(?:%${S})?(?:-|–|—|đến|tới)${S}(?:(?:dưới|trên|mức)${S1})?(?=\d)`, "iuy");

/** Outline label at the start of a paragraph: "1." "2.1." "3)" — a heading number, not a figure. */
export const OUTLINE_AFTER = /(?<outline>(?:\.\d{1,2}){0,3}[.)])(?=\s|$)/uy;

/** Hệ số: scale word after the number ("900 nghìn", "4.014,89 tỷ"). */
export const SCALE_WORD = new RegExp(String.raw`${S}(?<scale>${alternation(SCALE_EXPONENT.keys())})(?![${L}])`, "iuy");

/** Đơn vị đo / tiền tệ: ha, km, MW, tấn, USD, đồng … */
export const MEASURE_UNIT = new RegExp(
  String.raw`${S}(?<unit>${alternation([...MEASURE_UNITS, ...CURRENCY_UNITS])})(?![${L}0-9])`,
  "iuy",
);

/** Đơn vị thời gian / tuổi: a duration, period or age follows the number ("5 năm", "17 tuổi"). */
export const TIME_UNIT = new RegExp(String.raw`${S}(?<time>${alternation(TIME_UNITS)})(?![${L}])`, "iuy");

/** Đơn vị đếm from the lexicon: "doanh nghiệp", "lượt khách", "khu công nghiệp" … */
export const COUNT_NOUN = new RegExp(String.raw`${S}(?<noun>${alternation(COUNT_NOUNS)})(?![${L}])`, "iuy");

/** An acronym used as a counted noun: "12 KCN", "37 CCN", "51 TCCSĐ". */
export const ACRONYM_UNIT = new RegExp(String.raw`${S}(?<acronym>[${CAPS}][${CAPS}0-9]{1,7})(?![${L}0-9])`, "uy");

/**
 * Fallback unit: one or two lowercase syllables ("56 tổ chức", "1.200 máy tính"), checked against
 * `NOT_A_UNIT` by the caller. Two, because Vietnamese nouns are mostly two syllables.
 */
export const FALLBACK_UNIT = new RegExp(
  String.raw`${S}(?<word>[${LOWER}]{1,10})(?<word2>\s{1,2}[${LOWER}]{1,10})?(?![${L}0-9])`,
  "uy",
);

/** "dân" closing a rate's denominator: "/01 vạn dân", "/1.000 dân". */
const DAN = String.raw`${S1}dân`;

/**
 * Tỷ lệ theo kỳ / theo dân số: "/năm", "/01 vạn dân", "/1.000 dân", "/số". Read after the unit,
 * at most twice ("người/năm"). The denominator's noun is read here as one word of at most 12
 * letters (`noun`); the caller takes a counted noun of several syllables whole instead ("1
 * buổi/cơ sở giáo dục", `COUNT_NOUN` at the noun's start), then "dân" after it (`PER_DAN`).
 * (The nouns of several syllables used to be an alternation inside this pattern: compiling it took
 * ~6 ms of a small document's first parse, a fortieth of `vanban parse` from the shell.)
 */
export const PER_RATE = new RegExp(
  String.raw`\s{0,2}/\s{0,2}(?<per>(?:\d{1,3}(?:\.\d{3}){0,3}${S1})?(?:(?:vạn|nghìn|ngàn|triệu|một)${S1})?(?<noun>[${L}]{1,12})(?<dan>${DAN})?)`,
  "iuy",
);
/** `DAN` after a counted noun of several syllables, read by the caller (`readRate`). */
export const PER_DAN = new RegExp(DAN, "iuy");
/** Whitespace inside a counted noun: it has several syllables ("cơ sở giáo dục"). */
export const SPACE_IN_NOUN = /\s/u;

/** Markdown math left by a converter around a figure: "$\geq 18$ tuổi". Skipped before the unit. */
export const MATH_CLOSE = /\s{0,2}\$/uy;

/** Trở lên / trở xuống after the value: "từ 10% trở lên" (≥). */
export const BOUND_AFTER = new RegExp(String.raw`${S}(?:(?<up>trở${S1}lên)|(?<down>trở${S1}xuống))(?![${L}])`, "iuy");

/**
 * Mốc so sánh: "so với cùng kỳ năm trước", "so với năm 2010" — the basis of a relative result.
 * The words of the basis are then read one by one (`BASIS_WORD`).
 */
export const BASIS_COMPARE = new RegExp(String.raw`${S}(?:,${S})?so${S1}với(?![${L}])`, "iuy");
/** A basis printed right after a percentage: "đạt 100,84% kế hoạch", "144,1% dự toán Trung ương giao". */
export const BASIS_DIRECT = new RegExp(
  String.raw`${S}(?<head>cùng${S1}kỳ|kế${S1}hoạch|dự${S1}toán|chỉ${S1}tiêu|mục${S1}tiêu)(?![${L}])`,
  "iuy",
);
/** One more word of a basis: letters or digits ("năm 2021"), stopped by punctuation. */
export const BASIS_WORD = new RegExp(String.raw`\s{1,4}(?<word>[${L}0-9]{1,15})(?![${L}0-9])`, "uy");

/**
 * Điểm xuất phát: "tăng từ 46,78 triệu đồng năm 2021 lên 52,44 triệu đồng" — after a figure
 * opened by "từ", a "lên"/"xuống (còn)" and another number make it a baseline, not a figure.
 */
export const BASELINE_TO = new RegExp(
  String.raw`${S}(?:\(?${S}năm${S1}\d{4}${S}\)?${S})?(?:lên|xuống)(?:${S1}(?:còn|mức|đến))?${S1}(?=\d)`,
  "iuy",
);

/**
 * Tín hiệu (cues) in a sentence. `target`: the figure is set as a goal (phấn đấu, chỉ tiêu,
 * mục tiêu — but not the name "Chương trình mục tiêu quốc gia" or "mục tiêu kép"). `result`:
 * the figure is reported as achieved (ước đạt, đã, lũy kế, so với cùng kỳ …). Case: lower case
 * or capitalised (`cap`), not `i`, which scans slower; cues in all-capitals only occur in
 * headings, which are not scanned. A cue starts a word: `CUE_AT` reads one at a unit's start,
 * `CUE_AFTER_BOUNDARY` finds the others.
 */
const CUE_WORDS =
  // Within each kind, words that share a first letter are grouped under it: V8 tries an
  // alternation's branches one by one at each position, so fewer branches scan faster (three
  // quarters of the time on the 8 MB bench text; same matches).
  String.raw`(?:(?<target>${cap("p")}(?:hấn${S1}đ[ấầ]u|hải${S1}đạt)|${cap("c")}(?:hỉ${S1}tiêu|ần${S1}đạt)|${cap("mục")}${S1}tiêu(?<!trình${S1}mục${S1}tiêu)(?!${S1}(?:quốc${S1}gia|kép))|${cap("đ")}(?:ề|ặt)${S1}ra|${cap("dự")}${S1}kiến|${cap("hướng")}${S1}tới)` +
  String.raw`|(?<result>${cap("ước")}(?:${S1}(?:đạt|thực${S1}hiện|tính))?|${cap("đ")}(?:ã|ạt${S1}được|ến${S1}(?:nay|hết))|${cap("kết")}${S1}quả|${cap("l")}(?:ũy|uỹ)${S1}(?:kế|tích)|${cap("t")}(?:ính${S1}đến|hực${S1}hiện${S1}thu)|${cap("hiện")}${S1}(?:nay|có(?<!thực${S1}hiện${S1}có))|${cap("cùng")}${S1}kỳ|${cap("năm")}${S1}qua|${cap("vừa")}${S1}qua|${cap("ghi")}${S1}nhận))(?![${L}])`;
/** A cue at a unit's start. */
export const CUE_AT = new RegExp(CUE_WORDS, "y");
/**
 * A cue with the code unit before it, which is not a letter: the cue starts one unit after the
 * match. Opening with that unit lets V8 reject the letters inside words at once (a third less
 * time than finding cues anywhere and refusing those inside words; a leading look-behind would
 * be tried at every position, 3–4 times slower). No `u` flag: the cue words and the letter
 * ranges are all in the BMP, so the unit before a cue is one code unit, tested as `isLetterCode`
 * tests it (half of a surrogate pair is not a letter).
 */
export const CUE_AFTER_BOUNDARY = new RegExp(String.raw`[^${L}]${CUE_WORDS}`, "g");

/*
 * Heading patterns open with a word, not a look-behind: they only test short headings, and a
 * leading look-behind makes a pattern run at every position.
 */
/** Heading of a section that reports (kết quả, tình hình, đánh giá …). Checked first. */
export const RESULT_HEADING = new RegExp(
  String.raw`(?:kết${S1}quả|tình${S1}hình|đánh${S1}giá|thực${S1}trạng|đạt${S1}được|tổng${S1}kết)(?![${L}])`,
  "iu",
);
/** Heading of a list of targets: "CÁC CHỈ TIÊU CHỦ YẾU", "Mục tiêu", "Chỉ tiêu cụ thể". */
export const STRONG_TARGET_HEADING = new RegExp(
  String.raw`(?:chỉ${S1}tiêu|mục${S1}tiêu(?<!trình${S1}mục${S1}tiêu)(?!${S1}(?:tổng${S1}quát|quốc${S1}gia|kép)))(?![${L}])`,
  "iu",
);
/** "Chỉ tiêu" in a heading: always a list of targets. */
export const CHI_TIEU_HEADING = new RegExp(String.raw`chỉ${S1}tiêu(?![${L}])`, "iu");
/** Words that make a "mục tiêu" heading a prose heading: "PHƯƠNG HƯỚNG, MỤC TIÊU, GIẢI PHÁP". */
export const GOAL_PROSE_HEADING = new RegExp(
  String.raw`(?:phương${S1}hướng|giải${S1}pháp|nhiệm${S1}vụ|tổng${S1}quát|định${S1}hướng)(?![${L}])`,
  "iu",
);
/** Heading of goal prose: "Mục tiêu tổng quát", "Phương hướng", "Nhiệm vụ", "Giải pháp", "Mục đích". */
export const WEAK_TARGET_HEADING = new RegExp(
  String.raw`(?:mục${S1}tiêu|phương${S1}hướng|nhiệm${S1}vụ|giải${S1}pháp|mục${S1}đích|định${S1}hướng|kế${S1}hoạch)(?![${L}])`,
  "iu",
);

/** A tail that only dates the figure ("năm 2022", "vào năm 2015"): not worth adding to the indicator. */
export const TIME_ONLY_TAIL = new RegExp(
  String.raw`^(?:(?:vào|trong|đến|tới|của|từ|sau)${S1})?(?:(?:cuối|hết|đầu|giữa)${S1})?(?:năm|giai${S1}đoạn|quý|tháng|hàng${S1}năm|hằng${S1}năm|mỗi${S1}năm)(?:${S1}\d{1,4}(?:${S}[-–]${S}\d{4})?)?$`,
  "iu",
);

/** Where a tail stops: brackets, quotes, colon, " - ", " / ", "và", or a comma opening a new predicate. */
export const TAIL_STOP = new RegExp(
  String.raw`[(<“"[:]|\s[-–/]\s|\svà\s|,${S}(?:nhưng|trong${S1}đó|đồng${S1}thời|góp${S1}phần|cơ${S1}bản|phấn${S1}đấu|song|để|nhằm)(?![${L}])`,
  "iu",
);

/** The last lead-in inside a prefix ("… Đề án … phấn đấu có từ 2-3 xã"): the indicator starts after it. */
export const LEAD_IN = new RegExp(String.raw`(?:phấn${S1}đ[ấầ]u|trong${S1}đó)(?![${L}])`, "giu");

/** Per-population wording inside an indicator: "trên một vạn dân", "/01 vạn dân", "trên 1.000 dân". */
export const PER_POPULATION = new RegExp(
  String.raw`(?:trên|/)${S}(?:một|01|1)?${S}(?<scale>vạn|nghìn|ngàn|triệu)?${S}(?<who>dân|người)(?![${L}])`,
  "iu",
);

/** List bullet or outline marker opening an indicator: "- ", "+ ", "a) ", "1.2. ". */
export const LEADING_MARKER = new RegExp(
  String.raw`^(?:[-+•*–—#>]\s{0,4}|\*\*|(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[a-zđ]\)|[IVXLC]{1,6}\.|\(\d{1,3}\)|\uFFFD)\s{0,4}){1,12}`,
  "u",
);

/** A bracket or quotation mark: where `bracketMasks` stops. */
export const BRACKET_CHAR = /[()[\]\u201c\u201d"]/g;
/** A clause or sentence mark: where `findBoundaries` stops. */
export const PUNCTUATION_CHAR = /[;.!?\u2026]/g;

/** Whitespace runs (hard wraps) collapsed to one space in indicators and units. */
export const WHITESPACE_RUN = /\s+/gu;

// Small helpers of the readers, named here so that every pattern of the extractor is in one file.

/** First character of what can follow a document number: "/", "-" or a capital (`SYMBOL_AFTER_NUMBER`). */
export const SYMBOL_START_CHAR = /^[/\-A-ZĐ]$/u;
/** A bare four-digit token: the shape of a year. */
export const FOUR_DIGITS = /^\d{4}$/;
/** "cùng kỳ năm trước", canonicalised to "cùng kỳ". */
export const SAME_PERIOD_LAST_YEAR = /^(?<head>cùng kỳ) năm trước$/iu;
/** " và " between two figures: the split point when no comma separates them. */
export const AND_WORD = /\svà\s/gu;
/** Markup a converter leaves in text: "**", "<sup>(2)</sup>", "*…*". */
export const MARKUP = /<\/?[a-z]{1,6}>|\*{1,3}/gi;
/** Clause punctuation left at the end of a word ("địa bàn,"). */
export const TRAILING_CLAUSE_PUNCT = /[,;:]{1,8}$/u;
/** Whitespace kept as a token, to cut a tail after a number of words. */
export const SPACE_TOKEN = /(\s+)/u;
/** Thousands dots inside a number ("1.000" → "1000"). */
export const THOUSANDS_DOT = /\./g;
/** Thousands commas inside an English number ("1,234,567"). */
export const THOUSANDS_COMMA = /,/g;
/** Spaces around the slash of a rate ("% / năm"). */
export const SLASH_SPACING = /\s*\/\s*/g;
/** "01 " or "một " before a rate's denominator ("/01 vạn dân"). */
export const RATE_ONE = /^(?:0*1|một)\s+/iu;
/** A thousands dot between digits ("1.000 dân"). */
export const DIGIT_GROUP_DOT = /(?<lead>\d)\.(?=\d{3})/g;
/** The number inside a rate's denominator ("01", "1.000"). */
export const RATE_NUMBER = /\d[\d.]{0,20}/u;
/** A power of ten, as rates are (1, 10, 100, 1000 …). */
export const POWER_OF_TEN = /^0*10*$/u;
/** Whitespace or a slash in a printed unit: it needs tidying. */
export const UNIT_NEEDS_TIDY = /[\s/]/u;
