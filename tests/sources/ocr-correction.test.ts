import { describe, expect, it } from "vitest";
import { parseText } from "../../src/index.js";
import { readCopyStamps } from "../../src/extract/index.js";
import { COPY_STAMP } from "../../src/lexicon/copy-stamps.js";
import { correctSyllables } from "../../src/sources/ocr/correct-syllables.js";
import { buildOcrLines, type OcrBlock } from "../../src/sources/ocr/ocr-lines.js";
import { loadSyllableModel } from "../../src/sources/ocr/syllable-model.js";
import { reportCorrections } from "../../src/pipeline/report-corrections.js";

const model = loadSyllableModel();

describe("the syllable model", () => {
  it("ships with the package and knows the corpus", () => {
    expect(model).not.toBeNull();
    expect(model!.pairCount("ủy", "ban")).toBeGreaterThan(100);
    expect(model!.pairCount("chí", "thị")).toBe(0);
  });
});

describe("correctSyllables (Vietnamese post-correction)", () => {
  const fixed: Array<[string, string, string, string]> = [
    ["CHÍ THỊ", "CHỈ THỊ", "CHÍ", "CHỈ"],
    ["THÀNH PHÓ ĐÀ LẠT", "THÀNH PHỐ ĐÀ LẠT", "PHÓ", "PHỐ"],
    ["ỦY BẠN NHÂN DÂN", "ỦY BAN NHÂN DÂN", "BẠN", "BAN"],
    ["RHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH", "RHÓ", "PHÓ"],
    ["YÊU CÀẦU", "YÊU CẦU", "CÀẦU", "CẦU"],
    ["thúc đẩy chuyển đôi số trong", "thúc đẩy chuyển đổi số trong", "đôi", "đổi"],
  ];
  it.each(fixed)("corrects %j", (input, output, from, to) => {
    const result = correctSyllables(input, model!);
    expect(result.text).toBe(output);
    expect(result.corrections).toHaveLength(1);
    const [c] = result.corrections;
    expect(c).toMatchObject({ from, to });
    expect(result.text.slice(c.start, c.end)).toBe(to);
  });

  const kept = [
    "PHÓ CHỦ TỊCH",
    "KT. CHỦ TỊCH",
    "về môi trường cảnh quan",
    "Phê duyệt Thiết kế bản vẽ thi công công trình",
    "Nguyễn Văn Sỹ",
    "thành phố Đà Lạt",
    "các doanh nghiệp NN của tỉnh",
    "Số: 12/QĐ-UBND",
    "tạp chí",
  ];
  it.each(kept)("leaves %j as printed", (input) => {
    expect(correctSyllables(input, model!)).toEqual({ text: input, corrections: [] });
  });
});

describe("corrections in the record", () => {
  it("each corrected word is an ocr_corrected warning with its span and the original", () => {
    const line = { text: "PHÓ CHỦ TỊCH", start: 10, end: 22, index: 0, page: 2, style: {}, marks: [{ kind: "correction" as const, start: 0, end: 3, original: "RHÓ" }] };
    const text = "x".repeat(10) + line.text;
    expect(reportCorrections(text, [line])).toEqual([
      { code: "ocr_corrected", message: 'OCR text "RHÓ" corrected to "PHÓ" (Vietnamese spelling in context).', span: { start: 10, end: 13, page: 2 } },
    ]);
  });

  it("buildOcrLines marks the corrected words of a page", () => {
    const word = (text: string, x0: number, y0: number) => ({ text, confidence: 90, bbox: { x0, y0, x1: x0 + 40 * text.length, y1: y0 + 40 } });
    const lineOf = (words: ReturnType<typeof word>[]) => ({ words, bbox: { x0: words[0].bbox.x0, y0: words[0].bbox.y0, x1: words.at(-1)!.bbox.x1, y1: words[0].bbox.y1 }, baseline: { y0: words[0].bbox.y1, y1: words[0].bbox.y1 } });
    const blocks = [{ paragraphs: [{ lines: [lineOf([word("chuyển", 200, 500), word("đôi", 480, 500), word("số", 620, 500)])] }] }] as unknown as OcrBlock[];
    const built = buildOcrLines({ page: 1, width: 1654, height: 2339, dpi: 200, blocks, findHeader: false, model });
    expect(built.lines.map((l) => l.text)).toEqual(["chuyển đổi số"]);
    expect(built.lines[0].marks?.filter((m) => m.kind === "correction")).toEqual([{ kind: "correction", start: 7, end: 10, original: "đôi" }]);
    // The whole line's box on the page (fractions of 1654 × 2339 px), for the record's lineBoxes.
    expect(built.lines[0].marks?.filter((m) => m.kind === "box")).toEqual([{ kind: "box", start: 0, end: 13, page: 1, confidence: 90, box: { x: 0.1209, y: 0.2138, w: 0.3023, h: 0.0171 } }]);
  });
});

describe("copy stamps (SAO Y, SAO LỤC)", () => {
  it("reads kind, copying body and time", () => {
    const stamps = readCopyStamps([
      { text: "SAO Y; VĂN PHÒNG ỦY BAN NHÂN DÂN; 25/07/2025 10:25:14 +07:00", span: { start: 0, end: 60, page: 1 } },
      { text: "SAO LỤC", span: { start: 61, end: 68 } },
      { text: "Trang 2", span: { start: 69, end: 76 } },
    ]);
    expect(stamps).toEqual([
      { kind: "sao_y", body: "VĂN PHÒNG ỦY BAN NHÂN DÂN", time: "2025-07-25T10:25:14+07:00", text: "SAO Y; VĂN PHÒNG ỦY BAN NHÂN DÂN; 25/07/2025 10:25:14 +07:00", span: { start: 0, end: 60, page: 1 } },
      { kind: "sao_luc", body: null, time: null, text: "SAO LỤC", span: { start: 61, end: 68 } },
    ]);
  });

  it.each(["SAO Y BẢN CHÍNH", "TRÍCH SAO", "SAO Y: SỞ NỘI VỤ; 01/08/2025"])("knows %j", (line) => {
    expect(COPY_STAMP.test(line)).toBe(true);
  });
  it.each(["Sao y bản chính các văn bản sau đây", "SAO Y; nội dung 12 điều khoản của quy chế"])("leaves %j to the body", (line) => {
    expect(COPY_STAMP.test(line)).toBe(false);
  });

  it("an OCR copy stamp above the header is furniture, never the parent body", () => {
    const word = (text: string, x0: number, y0: number, h = 36) => ({ text, confidence: 92, bbox: { x0, y0, x1: x0 + 26 * text.length, y1: y0 + h } });
    const lineOf = (words: ReturnType<typeof word>[]) => ({ words, bbox: { x0: words[0].bbox.x0, y0: words[0].bbox.y0, x1: words.at(-1)!.bbox.x1, y1: words[0].bbox.y1 }, baseline: { y0: words[0].bbox.y1, y1: words[0].bbox.y1 } });
    const row = (texts: string[], x0: number, y0: number) => {
      let x = x0;
      return lineOf(texts.map((t) => { const w = word(t, x, y0); x = w.bbox.x1 + 14; return w; }));
    };
    const blocks = [
      { paragraphs: [{ lines: [row(["SAO", "Y;", "VĂN", "PHÒNG", "ỦY", "BAN", "NHÂN", "DÂN;", "25/07/2025", "10:25:14", "+07:00"], 150, 180)] }] },
      { paragraphs: [{ lines: [row(["ỦY", "BAN", "NHÂN", "DÂN"], 180, 240), row(["TỈNH", "LÂM", "ĐỒNG"], 200, 290), row(["Số:", "12/CT-UBND"], 200, 340)] }] },
      { paragraphs: [{ lines: [row(["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"], 760, 240), row(["Độc", "lập", "-", "Tự", "do", "-", "Hạnh", "phúc"], 830, 290), row(["Lâm", "Đồng,", "ngày", "24", "tháng", "7", "năm", "2025"], 820, 340)] }] },
    ] as unknown as OcrBlock[];
    const built = buildOcrLines({ page: 1, width: 1654, height: 2339, dpi: 200, blocks, findHeader: true, model });
    const stamp = built.lines.find((l) => l.text.startsWith("SAO Y"));
    expect(stamp?.role).toBe("furniture");
    expect(built.lines.filter((l) => l.zone === "header" && l.column === "left").map((l) => l.text)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/CT-UBND"]);
  });

  it("the record lists the stamp as furniture and in copyStamps, additive", () => {
    const plain = parseText("ỦY BAN NHÂN DÂN\nSố: 12/CT-UBND\n\nCHỈ THỊ\nVề việc tăng cường\n\nNội dung.");
    expect(plain.copyStamps).toBeUndefined();
  });
});
