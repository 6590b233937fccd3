import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readMarkdown } from "../../src/sources/markdown/index.js";
import { parseMarkdown } from "../../src/sources/markdown/parse-markdown.js";
import { walkMarkdown } from "../../src/sources/markdown/walk-markdown.js";

/**
 * The Markdown reader (src/sources/markdown): markdown-it's tokens walked into visual lines.
 * Before 0.3 the reader walked micromark's tree; on the seed report and on thousands of generated
 * documents the two gave the same lines, except in the corners listed at the end.
 */
const lines = (markdown: string) =>
  walkMarkdown(parseMarkdown(markdown)).map((l) => ({
    text: l.text,
    ...(l.gapBefore ? { gap: l.gapBefore } : {}),
    ...(l.breakBefore ? { break: true } : {}),
    ...(l.marks ? { marks: l.marks.map((m) => `${m.kind}:${m.start}-${m.end}`) } : {}),
    ...(l.style?.headingLevel ? { h: l.style.headingLevel } : {}),
    ...(l.style?.bold ? { bold: true } : {}),
    ...(l.style?.italic ? { italic: true } : {}),
    ...(l.table ? { cell: `${l.table.index}:${l.table.row},${l.table.col}${l.table.header ? "h" : ""}` } : {}),
  }));

describe("walkMarkdown", () => {
  const cases: Array<[string, string, ReturnType<typeof lines>]> = [
    ["a heading opens a block, its level kept", "# Điều 1\nNội dung", [{ text: "Điều 1", break: true, h: 1 }, { text: "Nội dung" }]],
    ["blank lines between blocks are counted", "Một\n\n\nHai", [{ text: "Một" }, { text: "Hai", gap: 2 }]],
    ["a soft line break makes a line that may join the one before", "Một dòng\nnối tiếp", [{ text: "Một dòng" }, { text: "nối tiếp" }]],
    ["a hard break (two spaces, backslash, <br>) never joins", "a  \nb\\\nc<br>d", [{ text: "a" }, { text: "b", break: true }, { text: "c", break: true }, { text: "d", break: true }]],
    ["whitespace before a line ending is dropped, tabs too", "Điều 1\t \nhai", [{ text: "Điều 1" }, { text: "hai" }]],
    ["bold and italic over most of a line style it", "**Toàn bộ in đậm** và\n*nghiêng*", [{ text: "Toàn bộ in đậm và", bold: true }, { text: "nghiêng", italic: true }]],
    ["<sup> and <sub> are marks, other tags vanish", "Luật<sup>(1)</sup> <b>x</b> ký<sub>TQ</sub>", [{ text: "Luật(1) x kýTQ", marks: ["sup:4-7", "sub:12-14"] }]],
    ["an unclosed <sup> runs to the end of the paragraph", "a<sup>12", [{ text: "a12", marks: ["sup:1-3"] }]],
    ["list markers as printed, on the item's first line", "1. Một\n2) Hai\n- Ba\n+ Bốn", [{ text: "1. Một", break: true }, { text: "2) Hai", break: true }, { text: "- Ba", break: true }, { text: "+ Bốn", break: true }]],
    ["an ordered marker keeps its zeros", "01. Một", [{ text: "01. Một", break: true }]],
    ["a nested list: the inner marker wins", "- - Con", [{ text: "- Con", break: true }]],
    ["the marker goes through a quote to its first block", "- > Trích", [{ text: "- Trích", break: true }]],
    ["an empty item's marker goes nowhere (and the gap counts from the last block written)", "-\n\nĐoạn sau", [{ text: "Đoạn sau", gap: 2 }]],
    ["a thematic break takes the item's marker", "- ***\n  Sau", [{ text: "Sau", gap: 1 }]],
    ["code and HTML blocks are lines; HTML tags vanish", "```\nx = 1\n```\n\n<div>Khối</div>", [{ text: "x = 1" }, { text: " Khối ", gap: 1 }]],
    ["a table: a line per cell with text, the head row first", "Trước\n\n| Chỉ tiêu | Kết quả |\n| - | - |\n| **Thu** | 12 |\n|  | 3 |", [{ text: "Trước" }, { text: "Chỉ tiêu", gap: 1, break: true, cell: "0:0,0h" }, { text: "Kết quả", break: true, cell: "0:0,1h" }, { text: "Thu", break: true, bold: true, cell: "0:1,0" }, { text: "12", break: true, cell: "0:1,1" }, { text: "3", break: true, cell: "0:2,1" }]],
    ["tables are numbered in order", "|a|\n|-|\n\n|b|\n|-|", [{ text: "a", break: true, cell: "0:0,0h" }, { text: "b", gap: 1, break: true, cell: "1:0,0h" }]],
    ["a footnote call is a superscript label", "Theo luật[^1].\n\n[^1]: Luật số 1.", [{ text: "Theo luật1.", marks: ["sup:9-10"] }, { text: "1 Luật số 1.", gap: 1, break: true, marks: ["sup:0-1"] }]],
    ["a footnote definition stays where it is written", "[^a]: Ghi chú.\n\nĐoạn sau.\n\nGọi[^a]", [{ text: "a Ghi chú.", break: true, marks: ["sup:0-1"] }, { text: "Đoạn sau.", gap: 1 }, { text: "Gọia", gap: 1, marks: ["sup:3-4"] }]],
    ["a footnote of two paragraphs: the second read on", "[^1]: Một.\n\n    Hai.\n\nSau", [{ text: "1 Một.", break: true, marks: ["sup:0-1"] }, { text: "Hai." }, { text: "Sau", gap: 1 }]],
    ["a call to an undefined note stays text", "x[^9]", [{ text: "x[^9]" }]],
    ["~~strikethrough~~ loses its tildes; a single tilde (a range) stays", "~~bỏ~~ từ 5~7 và 8~9 ngày", [{ text: "bỏ từ 5~7 và 8~9 ngày" }]],
    ["an image leaves its description", "![Quốc huy](a.png) nội dung", [{ text: "Quốc huy nội dung" }]],
    ["links and autolinks leave their text", "[Cổng](http://x.vn) <http://y.vn>", [{ text: "Cổng http://y.vn" }]],
    ["entities and escapes are decoded", "a &amp; b \\* c", [{ text: "a & b * c" }]],
  ];
  for (const [name, markdown, expected] of cases) it(name, () => expect(lines(markdown)).toEqual(expected));

  it("reads 40 nested quotes to the last word (markdown-it's CommonMark preset stops at 20)", () => {
    expect(lines(`${"> ".repeat(40)}Sâu`)).toEqual([{ text: "Sâu" }]);
  });

  it("never throws, and writes only lines with text whose marks lie inside (fast-check)", () => {
    const pieces = ["\n", "\n\n", " ", "\t", "# ", "- ", "1. ", "> ", "**", "*", "_", "`", "```", "[", "]", "(", ")", "|", "-", ":-", "---", "~", "~~", "[^1]", "[^1]: ", "a", "Điều 1", "    ", "<sup>", "</sup>", "<br>", "<div>", "&amp;", "\\", "![x](y)"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        for (const line of walkMarkdown(parseMarkdown(parts.join("")))) {
          expect(line.text.trim()).not.toBe("");
          for (const mark of line.marks ?? []) expect(0 <= mark.start && mark.start < mark.end && mark.end <= line.text.length).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("readMarkdown", () => {
  it("reads nesting deeper than 48 levels as plain text, saying so, nothing lost", () => {
    const source = readMarkdown(`${"> ".repeat(60)}Trích dẫn lồng nhau`);
    expect(source.warnings.map((w) => w.code)).toEqual(["markdown_fallback"]);
    expect(source.blocks.map((b) => b.text).join(" ")).toContain("Trích dẫn lồng nhau");
  });

  it("reads a long emphasis run as Markdown, in linear time", () => {
    const source = readMarkdown(`${"*a ".repeat(5000)}giữa${" b*".repeat(5000)}`);
    expect(source.warnings).toEqual([]);
    expect(source.blocks.map((b) => b.text).join(" ")).toContain("giữa");
  });

  it("reads a document cut in pieces as one: tables numbered across the pieces", () => {
    const table = "| a | b |\n| - | - |\n| 1 | 2 |\n\n";
    const filler = `${"Đoạn văn bản dài. ".repeat(40)}\n\n`;
    const markdown = (table + filler.repeat(400)).repeat(3);
    expect(markdown.length).toBeGreaterThan(256 * 1024);
    const tables = new Set(readMarkdown(markdown).blocks.flatMap((b) => (b.table ? [b.table.index] : [])));
    expect([...tables]).toEqual([0, 1, 2]);
  });
});
