import fc from "fast-check";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/sources/markdown/walk-markdown.js";

/** The Markdown reader adds each GFM part only when its starting character is in the text. */

const withAllParts = (markdown: string) =>
  fromMarkdown(markdown, {
    extensions: [gfmTable(), gfmFootnote(), gfmStrikethrough()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown()],
  });

/** Pieces of Markdown, GFM syntax among them, joined at random. */
const PIECES = ["\n", "\n\n", "\r\n", " ", "\t", "# ", "- ", "1. ", "> ", "**", "*", "_", "`", "[", "]", "(", ")", "^", "|", "-", "---", ":", ":-", "-:", ":-:", "~", "~~", "[^1]", "[^1]: ", "a", "Điều 1", "Số: 12/QĐ-UBND", "    ", "<b>"];

describe("parseMarkdown", () => {
  it("gives the tree the three GFM parts give, on any text (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        const markdown = pieces.join("");
        expect(parseMarkdown(markdown)).toEqual(withAllParts(markdown));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a one-column table without a pipe as micromark does", () => {
    for (const markdown of ["**\n:-", "a\n-:", "a\r\n :-: "]) expect(parseMarkdown(markdown)).toEqual(withAllParts(markdown));
    expect((parseMarkdown("a\n:-") as { children: { type: string }[] }).children[0].type).toBe("table");
  });

  it("reads a table, a footnote and a strikethrough when the text has them", () => {
    const tree = parseMarkdown("| a | b |\n| - | - |\n| 1 | 2 |\n\nx[^1] ~~y~~\n\n[^1]: note\n");
    const types = new Set<string>();
    const visit = (node: { type: string; children?: unknown[] }) => {
      types.add(node.type);
      for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
    };
    visit(tree as never);
    expect([...types]).toEqual(expect.arrayContaining(["table", "footnoteReference", "footnoteDefinition", "delete"]));
  });
});
