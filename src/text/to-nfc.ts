/** Combining marks kept on one letter; no letter carries more than a few (Vietnamese: two). */
const MAX_MARKS_PER_LETTER = 8;
const LONG_MARK_RUN = /[\u0300-\u036F]{9}/u;
const LONG_MARK_RUN_ALL = /[\u0300-\u036F]{9,}/gu;

/**
 * NFC, after cutting runs of more than MAX_MARKS_PER_LETTER combining marks (Zalgo text,
 * damaged bytes): NFC reorders a run of marks in time quadratic in its length (500k marks:
 * minutes). One regex test when there is no such run.
 */
export function toNfc(text: string): string {
  const capped = LONG_MARK_RUN.test(text) ? text.replace(LONG_MARK_RUN_ALL, (run) => run.slice(0, MAX_MARKS_PER_LETTER)) : text;
  return capped.normalize("NFC");
}
