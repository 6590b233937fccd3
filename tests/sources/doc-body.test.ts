import { describe, expect, it } from "vitest";
import { MARK } from "../../src/sources/doc/extract-word97.js";
import { mapDocBody } from "../../src/sources/doc/map-doc-text.js";
import type { DocItem, DocParagraph } from "../../src/sources/word/word-items.js";

/** The paragraphs' texts, tables as rows of cells of paragraph texts. */
function shape(items: DocItem[]): unknown[] {
  const text = (p: DocParagraph) => p.segments.map((s) => (s.noteRef ? `[${s.noteRef.kind} ${s.noteRef.label}]` : s.text)).join("");
  return items.map((item) => (item.kind === "paragraph" ? text(item) : item.rows.map((row) => row.map((cell) => cell.items.map((p) => text(p as DocParagraph))))));
}

describe("mapDocBody", () => {
  const cases: Array<[string, string, unknown[]]> = [
    ["paragraphs", "Điều 1.\tQuy định\nĐiều 2\u2011bis", ["Điều 1. Quy định", "Điều 2-bis"]],
    ["a manual line break inside a paragraph", `dòng một${MARK.softBreak}dòng hai`, ["dòng một\ndòng hai"]],
    [
      "a table of one row of two cells, the first of two paragraphs",
      `a${MARK.cellBreak}b${MARK.cellEnd}c${MARK.cellEnd}${MARK.rowEnd}\nsau`,
      [[[["a", "b"], ["c"]]], "", "sau"],
    ],
    ["note references numbered as Word prints them", `x${MARK.footnoteRef} y${MARK.endnoteRef} z${MARK.footnoteRef}${MARK.noteStart}`, ["x[footnote 1] y[endnote i] z[footnote 2]"]],
    ["text outside the Basic Multilingual Plane", "𝐀 số 1\n", ["𝐀 số 1", ""]],
    ["text after a row's end is a paragraph after the table", `a${MARK.cellEnd}${MARK.rowEnd}sau bảng\ntiếp`, [[[["a"]]], "sau bảng", "tiếp"]],
    ["no text at all", "", [""]],
  ];
  it.each(cases)("%s", (_label, text, expected) => {
    expect(shape(mapDocBody(text))).toEqual(expected);
  });
});
