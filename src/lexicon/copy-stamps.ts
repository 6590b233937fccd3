/**
 * Copy stamps (dấu sao văn bản): "SAO Y", "SAO LỤC", "TRÍCH SAO" printed or stamped on a copy,
 * and the e-copy line a signing tool adds ("SAO Y; VĂN PHÒNG ỦY BAN NHÂN DÂN; 25/07/2025
 * 10:25:14 +07:00"). Page furniture with fields of its own: never part of the header.
 */

/**
 * A whole line that is a copy stamp: the kind, then optionally the copying body and the time,
 * separated by ";" (OCR may read ":" or ","). "SAO Y BẢN CHÍNH" alone is one too.
 */
export const COPY_STAMP =
  /^\W{0,2}(?<kind>SAO\s*Y|SAO\s*L[ỤUỰ]C|TR[ÍI]CH\s*SAO)(?:\s+B[ẢA]N\s+CH[ÍI]NH)?\s*(?:[;:,]\s*(?<body>[^;:\d]{3,}?))?\s*(?:[;:,]\s*(?<time>\d{1,2}\/\d{1,2}\/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*[+-]\d{2}:?\d{2})?))?\s*$/u;

/** The time of an e-copy line: "25/07/2025 10:25:14 +07:00". */
export const COPY_STAMP_TIME = /^(?<day>\d{1,2})\/(?<month>\d{1,2})\/(?<year>\d{4})(?:\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?)?(?:\s*(?<zone>[+-]\d{2}:?\d{2}))?$/u;
