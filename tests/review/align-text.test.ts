import { describe, expect, it } from "vitest";
import { alignBlock, foldForAlignment } from "../../src/review/align-text.js";

describe("aligning record text to a page's text items", () => {
  it("ignores whitespace and case and keeps where each character came from", () => {
    const f = foldForAlignment("Số: 12 /QĐ");
    expect(f.chars).toBe("số:12/qđ");
    expect(f.origin).toEqual([0, 1, 2, 4, 5, 7, 8, 9]);
  });

  it("finds a block whose lines the page interleaves with another column", () => {
    // A two-column header: pdfjs gives left line 1, right line 1, left line 2, right line 2.
    const page = foldForAlignment("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TỈNH KON TUM Độc lập - Tự do - Hạnh phúc").chars;
    const block = foldForAlignment("ỦY BAN NHÂN DÂN TỈNH KON TUM").chars;
    const match = alignBlock(block, page);
    expect(match.every((m) => m >= 0)).toBe(true);
    expect(match.map((m) => page[m]).join("")).toBe(block);
    const tinh = block.indexOf("tỉnh");
    expect(match[tinh]).toBe(page.indexOf("tỉnh"));
  });

  it("leaves characters the page does not have unmatched and goes on", () => {
    const page = foldForAlignment("Căn cứ Luật Tổ chức chính quyền địa phương").chars;
    const block = foldForAlignment("Căn cứ Luật Tổ chức chính quyền XYZ địa phương").chars;
    const match = alignBlock(block, page);
    const x = block.indexOf("xyz");
    expect(match.slice(x, x + 3)).toEqual([-1, -1, -1]);
    expect(match[block.length - 1]).toBe(page.length - 1);
  });
});
