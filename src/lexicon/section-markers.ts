/**
 * Section markers: Phần / Chương / Mục / Điều, I. / 1. / 1.1. / a) / bullets, Phụ lục, and the
 * Căn cứ lines of a preamble. Each marker pattern captures `label` (the marker without trailing
 * punctuation) and `rest`.
 */
import { LETTER_CLASS, MARK_CLASS } from "./letters.js";
import { IN_LINE } from "./fold-free-classes.js";

/** The rest of a marker's line; `IN_LINE`, not `.`, in the case-insensitive ones (fold-free-classes.ts). */
const REST = String.raw`(?<rest>${IN_LINE}*)$`;

/** Section markers. Each captures `label` (the marker without trailing punctuation) and `rest`. */
export const MARKER_APPENDIX = new RegExp(String.raw`^(?<label>Phụ\s+lục(?:\s+(?:số\s+)?(?:[IVXLC]{1,6}|\d{1,3})[a-z]?)?)\s*[.:]?(?:\s+|$)${REST}`, "iu");
export const MARKER_PART = new RegExp(String.raw`^(?<label>Phần\s+(?:thứ\s+[${LETTER_CLASS}]+|[IVXLC]{1,6}|\d{1,2}))\s*[.:]?(?:\s+|$)${REST}`, "iu");
export const MARKER_CHAPTER = new RegExp(String.raw`^(?<label>Chương\s+(?:[IVXLC]{1,7}|\d{1,3}))\s*[.:]?(?:\s+|$)${REST}`, "iu");
export const MARKER_SECTION = new RegExp(String.raw`^(?<label>Mục\s+(?:[IVXLC]{1,6}|\d{1,2}))\s*[.:]?(?:\s+|$)${REST}`, "iu");
export const MARKER_SUBSECTION = new RegExp(String.raw`^(?<label>Tiểu\s+mục\s+\d{1,2})\s*[.:]?(?:\s+|$)${REST}`, "iu");
/**
 * What follows "Điều 35" when the line goes on a citation wrapped onto it ("… theo khoản 2 /
 * Điều 35 Nghị định số 126/2024/NĐ-CP"): a document named right after the article number, or
 * "này", "và" — not an article heading, which has "." or ":" or its own name.
 */
const CITED_AFTER_ARTICLE = String.raw`(?:(?:của|tại)\s+)?(?:Luật|Bộ\s+luật|Nghị\s+định|Nghị\s+quyết|Thông\s+tư|Thông\s+tư\s+liên\s+tịch|Quyết\s+định|Pháp\s+lệnh|Hiến\s+pháp|Chỉ\s+thị|Điều\s+lệ|Quy\s+chế|Quy\s+định|Văn\s+bản|Kế\s+hoạch|Hướng\s+dẫn|này|nêu\s+trên|trên|và)(?![${LETTER_CLASS}${MARK_CLASS}])`;
export const MARKER_ARTICLE = new RegExp(String.raw`^(?<label>Điều\s+\d{1,3}[a-zđ]?)(?:\s*[.:](?:\s+|$)|\s+(?!${CITED_AFTER_ARTICLE})|$)${REST}`, "iu");
export const MARKER_ROMAN = /^(?<label>[IVXL]{1,6})\s*[.)]\s*(?<rest>\S.*)$/u;
export const MARKER_DECIMAL = /^(?<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?<rest>\S.*)$/u;
export const MARKER_NUMBER = /^(?<label>\d{1,3})\s*[.)]\s*(?<rest>\S.*)$/u;
export const MARKER_LETTER = /^(?<label>[a-zđ])\s*\)\s*(?<rest>\S.*)$/u;
export const MARKER_BULLET = /^(?<label>[-+•–*])\s*(?<rest>\S.*)$/u;
/** Căn cứ lines of a decision's preamble. */
export const LEGAL_BASIS = new RegExp(String.raw`^Căn\s+cứ(?![${LETTER_CLASS}\d])`, "iu");

/** A preamble line of legal basis starts with "Căn cứ". */
export const LEGAL_BASIS_LINE = new RegExp(String.raw`^[\s\-–•*]{0,8}căn\s{1,4}cứ(?![${LETTER_CLASS}${MARK_CLASS}])`, "iu");

/** Markers that open a new block: list items, headings, Căn cứ lines (never joined to the line above). */
export const BLOCK_START = new RegExp(
  String.raw`^(?:[-+•–*]\s|\(?\d{1,3}(?:\.\d{1,3}){0,4}[.)]\s|\(?[a-zđ]\)\s|[IVXLC]{1,8}[.)]\s|(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Tiểu mục)\s+\S{1,20}|(?:Điều|ĐIỀU)\s+(?!\d{1,3}[a-zđ]?\s+${CITED_AFTER_ARTICLE})\S{1,20}|Căn cứ\s|Kính gửi|Nơi nhận|Lưu\s?:|Số\s?:|V\/v\s)`,
  "u",
);
/** A numbered heading marker: "1.", "1.2.", "a)", "II.", "Điều 3." (not a bullet). */
export const HEADING_MARKER = /^(?:\d{1,3}(?:\.\d{1,3}){0,4}[.)]\s|[a-zđ]\)\s|[IVXLC]{1,8}[.)]\s|(?:Phần|Chương|Mục|Điều)\s)/u;
