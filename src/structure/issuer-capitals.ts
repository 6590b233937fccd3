import { AUTHORITY, POSITION } from "../lexicon/closing-marks.js";
import { isAllCaps } from "../text/caps.js";

/** Longest issuer line printed above a quốc hiệu. */
const ISSUER_LINE_MAX = 60;

/**
 * A line of an issuer printed just above a quốc hiệu ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG"): short
 * capitals, never a signature's authority or position line (those end the text before it).
 */
export function isIssuerCapitals(text: string): boolean {
  const line = text.trim();
  return isAllCaps(line) && line.length <= ISSUER_LINE_MAX && !AUTHORITY.test(line) && !POSITION.test(line);
}
