/** Footnote labels as printed in a superscript or before a note: "1", "(2)", "*", "iv". */

const FOOTNOTE_LABEL = /^\s*\(?\s*(?<label>\d{1,3}|[*†‡]|[ivx]{1,6})\s*\)?\s*$/u;

/** "(1)" → "1", "2" → "2", "*" → "*"; null when the superscript is not a footnote label. */
export function footnoteLabelOf(printed: string): string | null {
  return FOOTNOTE_LABEL.exec(printed)?.groups?.label ?? null;
}
