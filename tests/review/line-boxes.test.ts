import { describe, expect, it } from "vitest";
import { unwrapLines, type SourceLine } from "../../src/blocks/index.js";
import { buildRecord } from "../../src/pipeline/build-record.js";
import { VanBanDocumentSchema } from "../../src/schema/document.js";
import { lineBoxRuns } from "../../src/review/line-box-runs.js";

const meta = { name: "scan.png", bytes: 1, sha256: "0".repeat(64) };
const box = (y: number) => ({ x: 0.1, y, w: 0.8, h: 0.02 });

/** An OCR line as the OCR reader hands it on: its box as a mark over the whole line. */
function ocrLine(text: string, page: number, y: number, confidence = 90): SourceLine {
  return { text, page, marks: [{ kind: "box", start: 0, end: text.length, box: box(y), confidence, page }] };
}

function recordOf(lines: SourceLine[]) {
  const blocks = unwrapLines(lines);
  return buildRecord({ format: "image", blocks, pages: 2, warnings: [], ocr: { pages: [1, 2], meanConfidence: 90, engine: "test" } }, meta);
}

describe("line boxes of OCR'd text", () => {
  it.each([
    ["one line", [ocrLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1, 0.1)], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], [1]],
    // Joined into one paragraph across a page break: each line keeps its own page and span.
    ["a paragraph over a page break", [ocrLine("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm", 1, 0.9), ocrLine("2025 của Quốc hội;", 2, 0.05)], ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm", "2025 của Quốc hội;"], [1, 2]],
    // Spaces collapsed and trimmed by normalization: the span still covers the line's words.
    ["spaces normalized away", [ocrLine("  Số:  89/2026/QĐ-CT  ", 1, 0.4)], ["Số: 89/2026/QĐ-CT"], [1]],
    // A hyphen wrap joins without a space.
    ["a hyphen wrap", [ocrLine("theo Nghị định số 30/2020/NĐ-", 1, 0.5), ocrLine("CP của Chính phủ", 1, 0.52)], ["theo Nghị định số 30/2020/NĐ-", "CP của Chính phủ"], [1, 1]],
  ])("%s", (_name, lines, texts, pages) => {
    const record = recordOf(lines);
    expect(VanBanDocumentSchema.safeParse(record).success).toBe(true);
    const boxes = record.lineBoxes ?? [];
    expect(boxes.map((b) => record.text.slice(b.span.start, b.span.end))).toEqual(texts);
    expect(boxes.map((b) => b.span.page)).toEqual(pages);
    expect(boxes.map((b) => b.confidence)).toEqual(lines.map(() => 90));
    // The review page draws them as they are.
    expect(lineBoxRuns(record).map((r) => [r.start, r.end, r.page, r.y])).toEqual(boxes.map((b) => [b.span.start, b.span.end, b.span.page, b.box.y]));
  });

  it("is absent when no line was read by OCR", () => {
    const record = recordOf([{ text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", page: 1 }]);
    expect("lineBoxes" in record).toBe(false);
    expect(lineBoxRuns(record)).toEqual([]);
  });

  it("leaves the text as it is without the marks", () => {
    const lines = [ocrLine("Căn cứ  Luật Tổ chức", 1, 0.1), ocrLine("chính quyền địa phương;", 2, 0.05), ocrLine("Xét đề nghị của Sở Nội vụ.", 2, 0.1)];
    const bare = lines.map(({ marks: _marks, ...line }) => line);
    expect(recordOf(lines).text).toBe(recordOf(bare).text);
  });
});
