import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SourceLine } from "../../src/blocks/unwrap-lines.js";
import { cleanOcrText, isStrayEdgeWord, isStrayLine } from "../../src/sources/ocr/clean-ocr.js";
import { buildOcrLines, type OcrBlock, type OcrWord } from "../../src/sources/ocr/ocr-lines.js";
import { isOcrAvailable, recognizePdfPages, terminateOcr, type OcrResult } from "../../src/sources/ocr/index.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const fixture = (slug: string) => new Uint8Array(readFileSync(join(FIXTURES, slug, "input.pdf")));

afterAll(async () => {
  await terminateOcr();
});

describe("cleanOcrText", () => {
  const fixed: Array<[string, string]> = [
    ["Số: 12. /QĐ-UBND", "Số: 12/QĐ-UBND"],
    ["Số: 12 . /QĐ-UBND", "Số: 12/QĐ-UBND"],
    ["Số: 1380 /QĐ-TTg", "Số: 1380/QĐ-TTg"],
    ["Số: 05 /2022/QĐ-UBND", "Số: 05/2022/QĐ-UBND"],
    ["Kế hoạch số 4963./KH-UBND ngày 22/12/2020", "Kế hoạch số 4963/KH-UBND ngày 22/12/2020"],
    ["Số: 1O5/QĐ-UBND", "Số: 105/QĐ-UBND"],
    ["Số: 1l5/QĐ-UBND", "Số: 115/QĐ-UBND"],
    ["Chỉ thị số 3I4-CT/TW", "Chỉ thị số 314-CT/TW"],
    ["ngày 12/6/2O25 của", "ngày 12/6/2025 của"],
    ["Lai Châu, ngày 27 tháng 6 năm 2O25", "Lai Châu, ngày 27 tháng 6 năm 2025"],
    ["số: 813/HC-CNHC", "Số: 813/HC-CNHC"],
    ["số: 813 /HC-CNHC", "Số: 813/HC-CNHC"],
  ];
  it.each(fixed)("fixes %j", (input, output) => {
    const result = cleanOcrText(input);
    expect(result.text).toBe(output);
    expect(result.corrections.length).toBeGreaterThan(0);
    for (const c of result.corrections) expect(input).toContain(c.from);
  });

  const kept = [
    "ngày 1Ÿ tháng 7 năm 2025",
    "ngày l5 tháng 7",
    "Hà Nội, ngày 16/6/2025",
    "Số:      /BC-UBND",
    "Quyết định này./.",
    "điểm a khoản 2 / Điều 3",
    "H2O2 và COVID-19",
    "lúc 1O giờ",
    "số lượng: 12/2 đơn vị",
    "Số: ÊÍŠ /HC-CNHC",
    "năm 2O2",
  ];
  it.each(kept)("leaves %j as printed", (input) => {
    expect(cleanOcrText(input)).toEqual({ text: input, corrections: [] });
  });

  it("records what it changed", () => {
    expect(cleanOcrText("Số: 12. /QĐ-UBND").corrections).toEqual([{ from: "12. /QĐ", to: "12/QĐ", reason: "number_symbol_gap" }]);
    expect(cleanOcrText("năm 2O25").corrections).toEqual([{ from: "2O25", to: "2025", reason: "digit_confusion" }]);
  });
});

describe("stray marks", () => {
  const lines: Array<[string, number, boolean]> = [
    ["|", 20, true],
    ["~'", 45, true],
    ["' , ~", 12, true],
    ["~", 85, false], // read with confidence: kept
    ["1", 10, false], // a page number
    ["-------", 90, false], // a printed rule
    ["' , ~", 45, false], // more than two marks and not very low: kept
    ["a", 5, false],
  ];
  it.each(lines)("isStrayLine(%j, %d) = %s", (text, confidence, stray) => {
    expect(isStrayLine(text, confidence)).toBe(stray);
  });

  const words: Array<[string, number, boolean]> = [
    ["|", 10, true],
    ["°'", 0, true],
    ["|", 50, false],
    ["-", 5, false], // list marker
    ["(", 5, false],
    ["x", 0, false],
    ["12", 0, false],
  ];
  it.each(words)("isStrayEdgeWord(%j, %d) = %s", (text, confidence, stray) => {
    expect(isStrayEdgeWord(text, confidence)).toBe(stray);
  });
});

/** A Tesseract-like line from pieces [text, x0]: words laid out at 18 px per character. */
function line(y: number, pieces: Array<[string, number]>, confidence = 95, height = 40): { bbox: OcrWord["bbox"]; words: OcrWord[]; confidence: number; baseline: OcrWord["bbox"]; rowAttributes: { rowHeight: number } } {
  const words: OcrWord[] = [];
  for (const [text, x0] of pieces) {
    let x = x0;
    for (const w of text.split(" ")) {
      const width = 18 * [...w].length;
      words.push({ text: w, confidence, bbox: { x0: x, y0: y, x1: x + width, y1: y + height } });
      x += width + 12;
    }
  }
  const bbox = { x0: words[0].bbox.x0, y0: y, x1: words[words.length - 1].bbox.x1, y1: y + height };
  return { bbox, words, confidence, baseline: { x0: bbox.x0, y0: y + height - 8, x1: bbox.x1, y1: y + height - 8 }, rowAttributes: { rowHeight: height * 0.9 } };
}
const page = (lines: ReturnType<typeof line>[]): OcrBlock[] => [{ paragraphs: [{ lines }] }];
const texts = (lines: SourceLine[], where: Partial<SourceLine>) =>
  lines.filter((l) => Object.entries(where).every(([k, v]) => l[k as keyof SourceLine] === v)).map((l) => l.text);

describe("buildOcrLines (layout from Tesseract boxes)", () => {
  it("separates the header columns Tesseract read as one line and emits left before right", () => {
    const blocks = page([
      line(200, [["UỶ BAN NHÂN DÂN", 260], ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 740]]),
      // A narrow gap: still cut, at the column split.
      line(250, [["TỈNH LAI CHÂU", 290], ["Độc lập - Tự do - Hạnh phúc", 620]]),
      line(330, [["Số: 1629 /QĐ-UBND", 265], ["Lai Châu, ngày 27 tháng 6 năm 2025", 780]]),
      line(440, [["QUYẾT ĐỊNH", 740]]),
      line(490, [["Về việc công bố Danh mục thủ tục hành chính mới ban hành", 330]]),
      line(600, [["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025 và các văn bản", 330]]),
      line(650, [["hướng dẫn thi hành có liên quan đến việc công bố thủ tục hành chính mới", 240]]),
    ]);
    const out = buildOcrLines({ page: 1, width: 1654, height: 2339, dpi: 200, blocks, findHeader: true });
    expect(texts(out.lines, { zone: "header", column: "left" })).toEqual(["UỶ BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 1629/QĐ-UBND"]);
    expect(texts(out.lines, { zone: "header", column: "right" })).toEqual([
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Lai Châu, ngày 27 tháng 6 năm 2025",
    ]);
    expect(out.lines.slice(0, 6).map((l) => l.column)).toEqual(["left", "left", "left", "right", "right", "right"]);
    const title = out.lines.find((l) => l.text === "QUYẾT ĐỊNH")!;
    expect(title.zone).toBeUndefined();
    expect(title.breakBefore).toBe(true);
    expect(out.corrections).toEqual([{ from: "1629 /QĐ", to: "1629/QĐ", reason: "number_symbol_gap" }]);
    for (const l of out.lines) {
      expect(l.page).toBe(1);
      expect(l.style?.fontSize).toBeCloseTo(13, 0); // 36 px rows at 200 dpi
      expect(typeof l.style?.indent).toBe("number");
    }
    expect(out.lines[0].style?.indent).toBeCloseTo((260 * 72) / 200, 1);
  });

  it("reads the Nơi nhận | signature closing column by column", () => {
    const blocks = page([
      line(1400, [["Điều 3. Chánh Văn phòng và các cơ quan liên quan chịu trách nhiệm thi hành./.", 280]]),
      line(1500, [["Nơi nhận:", 240], ["TM. ỦY BAN NHÂN DÂN", 1000]]),
      line(1545, [["- Như Điều 3;", 240], ["KT. CHỦ TỊCH", 1060]]),
      line(1590, [["- Lưu: VT.", 240], ["PHÓ CHỦ TỊCH", 1050]]),
      line(1800, [["Nguyễn Văn A", 1040]]),
    ]);
    const out = buildOcrLines({ page: 3, width: 1654, height: 2339, dpi: 200, blocks, findHeader: false });
    expect(texts(out.lines, { zone: "closing", column: "left" })).toEqual(["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."]);
    expect(texts(out.lines, { zone: "closing", column: "right" })).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]);
    const name = out.lines.find((l) => l.text === "Nguyễn Văn A")!;
    expect(name.gapBefore).toBeGreaterThan(2);
  });

  it("reads the signature column again when asked, replacing the first reading", () => {
    const first = page([
      line(1500, [["Nơi nhận:", 240], ["KT. CỤC TRƯỞNG", 1000]]),
      line(1545, [["- Như trên;", 240], ["ẮpHÓ", 1000], ["CỤC TRƯỞNG", 1110]], 40),
      line(1590, [["- Lưu: VT.", 240]]),
    ]);
    const input = { page: 2, width: 1654, height: 2339, dpi: 200, blocks: first, findHeader: false };
    const out = buildOcrLines(input);
    expect(out.signatureRegion).not.toBeNull();
    const region = out.signatureRegion!;
    expect(region.x0).toBeGreaterThan(500);
    expect(region.x0).toBeLessThan(1000);
    expect(region.y0).toBeLessThanOrEqual(1500);
    expect(region.y1).toBeGreaterThan(1900); // room for the signature and the name under it
    const again = page([
      line(1500, [["KT. CỤC TRƯỞNG", 1000]]),
      line(1545, [["PHÓ CỤC TRƯỞNG", 1000]]),
      line(1800, [["Phạm Huy Nam Sơn", 990]]),
    ]);
    const rebuilt = buildOcrLines({ ...input, signatureBlocks: again });
    expect(texts(rebuilt.lines, { zone: "closing", column: "right" })).toEqual(["KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Phạm Huy Nam Sơn"]);
    expect(texts(rebuilt.lines, { zone: "closing", column: "left" })).toEqual(["Nơi nhận:", "- Như trên;", "- Lưu: VT."]);
    expect(rebuilt.signatureScore).toBeGreaterThan(out.signatureScore);
  });

  it("does not take a body line opening with 'Nơi nhận hồ sơ' for the closing", () => {
    const blocks = page([
      line(300, [["Nơi nhận hồ sơ: Bộ phận tiếp nhận và trả kết quả của Sở", 240]]),
      line(345, [["Thời hạn giải quyết: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ", 240]]),
    ]);
    const out = buildOcrLines({ page: 4, width: 1654, height: 2339, dpi: 200, blocks, findHeader: false });
    expect(out.lines.every((l) => l.zone === undefined && l.column === undefined)).toBe(true);
  });

  it("drops low-confidence specks and keeps what reads well", () => {
    const blocks = page([
      line(300, [["Căn cứ Luật Ban hành văn bản quy phạm pháp luật", 240]]),
      line(345, [["|", 1500]], 12),
      line(390, [["~", 240]], 88),
    ]);
    const out = buildOcrLines({ page: 2, width: 1654, height: 2339, dpi: 200, blocks, findHeader: false });
    expect(out.lines.map((l) => l.text)).toEqual(["Căn cứ Luật Ban hành văn bản quy phạm pháp luật", "~"]);
    expect(out.corrections).toEqual([{ from: "|", to: "", reason: "stray_mark" }]);
  });
});

describe("recognizePdfPages (tesseract.js)", () => {
  it("is available here", async () => {
    expect(await isOcrAvailable()).toBe(true);
  });

  const headerOf = (result: OcrResult) => {
    const lines = result.pages[0].lines;
    const left = lines.filter((l) => l.zone === "header" && l.column === "left");
    const right = lines.filter((l) => l.zone === "header" && l.column === "right");
    const lastLeft = lines.lastIndexOf(left[left.length - 1]);
    const firstRight = lines.indexOf(right[0]);
    return { lines, left: left.map((l) => l.text), right: right.map((l) => l.text), leftBeforeRight: lastLeft < firstRight };
  };

  it("reads page 1 of a scanned công văn (cv-813-cuchoachat-scanned)", async () => {
    const result = await recognizePdfPages(fixture("cv-813-cuchoachat-scanned"), [1], { language: "vie" });
    if ("unavailable" in result) throw new Error(result.unavailable);
    expect(result.engine).toMatch(/^tesseract\.js 7\.\d+\.\d+ \(vie\)$/u);
    expect(result.pages.map((p) => p.page)).toEqual([1]);
    expect(result.pages[0].confidence).toBeGreaterThan(80);
    const { lines, left, right, leftBeforeRight } = headerOf(result);
    expect(left).toEqual(expect.arrayContaining(["BỘ CÔNG THƯƠNG"]));
    expect(left.some((t) => /^CỤC HÓA CH/u.test(t))).toBe(true);
    expect(left.some((t) => /^Số: .*\/HC-CNHC$/u.test(t))).toBe(true); // the number is handwritten
    expect(left.some((t) => /^V\/v trao đ/u.test(t))).toBe(true);
    expect(right).toEqual(expect.arrayContaining(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]));
    expect(right.some((t) => /^Hà Nội, ngày .* tháng 4 năm 2026$/u.test(t))).toBe(true);
    expect(leftBeforeRight).toBe(true);
    expect(lines.some((l) => l.text === "Kính gửi: Cục Hải quan" && l.zone === undefined)).toBe(true);
    expect(lines.some((l) => l.text.includes("Công văn số 13821/CHQ-GSQL ngày 16 tháng 3 năm 2026"))).toBe(true);
    for (const l of lines) {
      expect(l.page).toBe(1);
      expect(l.style?.fontSize).toBeGreaterThan(5);
      expect(l.style?.fontSize).toBeLessThan(60);
      expect(l.style?.indent).toBeGreaterThanOrEqual(0);
      expect(l.style?.indent).toBeLessThan(595);
    }
    // Body lines sit at the left margin (about 1 inch = 72–100 pt in this scan).
    const body = lines.find((l) => l.text.startsWith("Công văn số 15464"))!;
    expect(body.style?.indent).toBeGreaterThan(70);
    expect(body.style?.indent).toBeLessThan(110);
    expect(body.style?.fontSize).toBeGreaterThan(11);
    expect(body.style?.fontSize).toBeLessThan(17);
    for (const w of result.warnings) expect(["ocr_corrected", "ocr_low_confidence"]).toContain(w.code);
  });

  it("reads page 1 of a copier scan of a quyết định (qd-pheduyet-kho-scanned)", async () => {
    const result = await recognizePdfPages(fixture("qd-pheduyet-kho-scanned"), [1], { language: "vie" });
    if ("unavailable" in result) throw new Error(result.unavailable);
    const { lines, left, right, leftBeforeRight } = headerOf(result);
    expect(left.some((t) => /^CÔNG TY CP ĐẦU TƯ XÂY DỰNG/u.test(t))).toBe(true);
    expect(left.some((t) => /^HẠ T.NG VÀ GIAO THÔNG$/u.test(t))).toBe(true);
    expect(left).toEqual(expect.arrayContaining(["Số: 89/2026/QĐ-CT"]));
    expect(right).toEqual(
      expect.arrayContaining(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 08 tháng 5 năm 2026"]),
    );
    expect(leftBeforeRight).toBe(true);
    const title = lines.find((l) => l.text === "QUYẾT ĐỊNH")!;
    expect(title).toBeDefined();
    expect(title.zone).toBeUndefined();
    expect(title.style?.align).toBe("center");
    expect(lines.indexOf(title)).toBeGreaterThan(lines.findIndex((l) => l.text === "Hà Nội, ngày 08 tháng 5 năm 2026"));
    expect(lines.some((l) => /^Phê duyệt Thiết kế bản vẽ thi công công trình$/u.test(l.text))).toBe(true);
    expect(lines.some((l) => l.text.startsWith("Căn cứ Luật Xây dựng số 50/2014/QH13"))).toBe(true);
  });

  it("warns about pages that are not in the document instead of failing", async () => {
    const result = await recognizePdfPages(fixture("cv-813-cuchoachat-scanned"), [7], { language: "vie" });
    if ("unavailable" in result) throw new Error(result.unavailable);
    expect(result.pages).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(["ocr_failed"]);
  });

  const missing: Array<[string, RegExp]> = [
    ["tesseract.js", /tesseract\.js.*npm install tesseract\.js/u],
    ["@tesseract.js-data/vie", /npm install @tesseract\.js-data\/vie/u],
    ["@napi-rs/canvas", /npm install @napi-rs\/canvas/u],
  ];
  it.each(missing)("answers {unavailable} when %s is missing", async (name, message) => {
    const importModule = (specifier: string) =>
      specifier === name ? Promise.reject(new Error(`Cannot find package '${name}'`)) : import(specifier);
    const result = await recognizePdfPages(fixture("cv-813-cuchoachat-scanned"), [1], { language: "vie", importModule });
    expect(result).toEqual({ unavailable: expect.stringMatching(message) });
  });

  it("answers {unavailable} for a language that is not a Tesseract code", async () => {
    const result = await recognizePdfPages(fixture("cv-813-cuchoachat-scanned"), [1], { language: "vie; rm -rf" });
    expect(result).toEqual({ unavailable: expect.stringContaining("not a Tesseract language code") });
  });
});
