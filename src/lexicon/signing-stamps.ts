/** Stamps that signing tools print on a page: page furniture, never content. */
import { LETTER_CLASS } from "./letters.js";
import { IN_LINE, NOT_SPACE, NOT_WORD } from "./fold-free-classes.js";

/**
 * The box a signing tool prints ("Ký bởi: …", "Thời gian ký: …"): page furniture, not content.
 * Every alternative holds a colon (`SIGNING_STAMP_MARK`): a text without one is never a stamp.
 */
export const SIGNING_STAMP = new RegExp(String.raw`Ký\s+bởi\s*:|Thời\s+gian\s+ký\s*:|^${NOT_WORD}{0,3}Email\s*:\s*${NOT_SPACE}+@${NOT_SPACE}+$`, "iu");
/** The character every `SIGNING_STAMP` holds: a native search for it is cheaper than the case-insensitive pattern. */
export const SIGNING_STAMP_MARK = ":";

/** Signing-tool stamps printed in the signature column. */
export const SIGNING_NOTE = new RegExp(String.raw`^(?:\(?\s*Đã\s+ký\s*\)?|Ký\s+bởi(?![${LETTER_CLASS}\d])${IN_LINE}*|Người\s+ký\s*:${IN_LINE}*|\(?\s*Ký,\s*(?:ghi\s+rõ\s+họ\s+tên|đóng\s+dấu)${IN_LINE}*\)?|Thời\s+gian\s+ký\s*:${IN_LINE}*|Email\s*:${IN_LINE}*|Cơ\s+quan\s*:${IN_LINE}*)$`, "iu");
