/** Stamps that signing tools print on a page: page furniture, never content. */
import { LETTER_CLASS } from "./letters.js";

/** The box a signing tool prints ("Ký bởi: …", "Thời gian ký: …"): page furniture, not content. */
export const SIGNING_STAMP = /Ký\s+bởi\s*:|Thời\s+gian\s+ký\s*:|^\W{0,3}Email\s*:\s*\S+@\S+$/iu;

/** Signing-tool stamps printed in the signature column. */
export const SIGNING_NOTE = new RegExp(String.raw`^(?:\(?\s*Đã\s+ký\s*\)?|Ký\s+bởi(?![${LETTER_CLASS}\d]).*|Người\s+ký\s*:.*|\(?\s*Ký,\s*(?:ghi\s+rõ\s+họ\s+tên|đóng\s+dấu).*\)?|Thời\s+gian\s+ký\s*:.*|Email\s*:.*|Cơ\s+quan\s*:.*)$`, "iu");
