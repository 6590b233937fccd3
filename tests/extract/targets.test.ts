import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExtractContext, TextUnit } from "../../src/extract/context.js";
import { extractTargets, parseVietnameseNumber } from "../../src/extract/targets/index.js";
import { ResultSchema, TargetSchema, type Result, type Target } from "../../src/schema/target.js";
import { buildPlainContext, locateValue, scoreTargets, type Annotation } from "../../scripts/measure-targets.js";
import { expectNoStageFailure } from "../helpers/record-checks.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/annotations");

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

interface CtxOptions {
  /** Heading of the section the paragraphs sit in (null: no section). */
  heading?: string | null;
  docType?: string | null;
  role?: TextUnit["role"];
}

/** A record with one optional heading and one unit per paragraph, all in section "II". */
function ctxOf(paragraphs: string[], { heading = "II. CÁC CHỈ TIÊU CHỦ YẾU", docType = null, role = "paragraph" }: CtxOptions = {}): ExtractContext {
  const units: TextUnit[] = [];
  let text = "";
  const sectionId = heading === null ? null : "II";
  if (heading !== null) {
    units.push({ span: { start: 0, end: heading.length }, role: "heading", sectionId, footnote: null });
    text = `${heading}\n`;
  }
  for (const p of paragraphs) {
    units.push({ span: { start: text.length, end: text.length + p.length }, role, sectionId, footnote: role === "footnote" ? "1" : null });
    text += `${p}\n`;
  }
  return { text, units, docType: { code: docType, name: null }, warnings: [] };
}

function run(paragraphs: string[], options?: CtxOptions) {
  const ctx = ctxOf(paragraphs, options);
  const out = extractTargets(ctx);
  checkShape(ctx, out.targets, out.results);
  return { ctx, ...out, all: [...out.targets, ...out.results] as Array<Target | Result> };
}

const valueText = (ctx: ExtractContext, t: Target) => ctx.text.slice(t.valueSpan.start, t.valueSpan.end);

/**
 * Every output: schema-valid, spans inside the text, `text` is its span, the value span holds a
 * digit and sits in the span; and the finder did not fail on a unit (it catches its own errors).
 */
function checkShape(ctx: ExtractContext, targets: Target[], results: Result[]) {
  expectNoStageFailure(ctx.warnings);
  for (const t of targets) expect(TargetSchema.safeParse(t).error?.issues ?? []).toEqual([]);
  for (const r of results) expect(ResultSchema.safeParse(r).error?.issues ?? []).toEqual([]);
  for (const t of [...targets, ...results]) {
    expect(t.span.start).toBeGreaterThanOrEqual(0);
    expect(t.span.end).toBeLessThanOrEqual(ctx.text.length);
    expect(t.span.start).toBeLessThan(t.span.end);
    expect(ctx.text.slice(t.span.start, t.span.end)).toBe(t.text);
    expect(t.valueSpan.start).toBeGreaterThanOrEqual(t.span.start);
    expect(t.valueSpan.end).toBeLessThanOrEqual(t.span.end);
    expect(valueText(ctx, t)).toMatch(/\d/);
    expect(t.indicator.length).toBeGreaterThan(0);
  }
}

function only<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0];
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

describe("parseVietnameseNumber", () => {
  it.each([
    ["4.014,89", 4014.89],
    ["1.300.000", 1_300_000],
    ["17.627", 17_627],
    ["1.300", 1300], // one dot + three digits: thousands
    ["1.214.624,7", 1_214_624.7],
    ["02", 2],
    ["05", 5],
    ["0,5", 0.5],
    ["4,46", 4.46],
    ["14,415", 14.415], // a comma is always decimal
    ["100", 100],
    ["1.5", 1.5], // one dot + one digit: English decimal
    ["2.25", 2.25],
    ["1,234,567", 1_234_567], // English grouping needs two comma groups
    ["1,234.5", 1234.5],
    ["900 nghìn", 900_000],
    ["900 ngàn", 900_000],
    ["3 vạn", 30_000],
    ["57 triệu", 57_000_000],
    ["270 triệu", 270_000_000],
    ["4.014,89 tỷ", 4_014_890_000_000],
    ["1,5 tỉ", 1_500_000_000],
    ["2 nghìn tỷ", 2_000_000_000_000],
    [" 17.627 ", 17_627],
  ])("%s → %d", (s, expected) => {
    expect(parseVietnameseNumber(s)).toBe(expected);
  });

  it.each(["", " ", "abc", "1.2.3", "1.234.56", "1..2", "12a", "-", "1,2,3", "1.2.3.4.5", "tỷ", "12 con"])("%j is not a number", (s) => {
    expect(parseVietnameseNumber(s)).toBeNull();
  });

  it("never throws on odd input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const v = parseVietnameseNumber(s);
        expect(v === null || Number.isFinite(v)).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

describe("units", () => {
  it.each([
    ["- GRDP bình quân đầu người đạt 57 triệu đồng;", 57, "triệu đồng", { value: 57_000_000, unit: "đồng" }],
    ["- Phấn đấu đạt 900 nghìn lượt khách du lịch đến tỉnh.", 900, "nghìn lượt khách", { value: 900_000, unit: "lượt khách" }],
    ["- Giá trị xuất khẩu đạt 270 triệu USD;", 270, "triệu USD", { value: 270_000_000, unit: "USD" }],
    ["- Thu ngân sách nhà nước trên địa bàn đạt 4.014,89 tỷ đồng;", 4014.89, "tỷ đồng", { value: 4_014_890_000_000, unit: "đồng" }],
    ["- Tỷ lệ hộ nghèo giảm 4%/năm;", 4, "%/năm", { value: 4, unit: "%/năm" }],
    ["- Số giường bệnh đạt 39,3 giường/01 vạn dân;", 39.3, "giường/01 vạn dân", { value: 39.3, unit: "giường/vạn dân" }],
    ["- Số giường bệnh trên một vạn dân đạt 40,3 giường;", 40.3, "giường", { value: 40.3, unit: "giường/vạn dân" }],
    ["- Trồng mới 4.000 ha rừng;", 4000, "ha", { value: 4000, unit: "ha" }],
    ["- Làm mới 20,866 km đường;", 20.866, "km", { value: 20.866, unit: "km" }],
    ["- Thành lập mới 310 doanh nghiệp;", 310, "doanh nghiệp", { value: 310, unit: "doanh nghiệp" }],
    ["- Xây dựng thêm 02 sản phẩm OCOP;", 2, "sản phẩm OCOP", { value: 2, unit: "sản phẩm OCOP" }],
    ["- Có thêm 08 xã đạt chuẩn nông thôn mới;", 8, "xã", { value: 8, unit: "xã" }],
    ["- Nâng 05 bậc xếp hạng;", 5, "bậc", { value: 5, unit: "bậc" }],
    ["- Giải quyết việc làm cho 2.500 lao động;", 2500, "lao động", { value: 2500, unit: "lao động" }],
    ["- Hỗ trợ 373 hộ;", 373, "hộ", { value: 373, unit: "hộ" }],
    ["- Đào tạo 1.916 người;", 1916, "người", { value: 1916, unit: "người" }],
    ["- Xã đạt 19 tiêu chí;", 19, "tiêu chí", { value: 19, unit: "tiêu chí" }],
    ["- Thành phố đạt 70 % tiêu chuẩn đô thị loại II;", 70, "%", { value: 70, unit: "%" }],
    ["- Tỷ lệ tăng tự nhiên dưới 11,5‰;", 11.5, "‰", { value: 11.5, unit: "‰" }],
    ["- Tổng công suất bổ sung khoảng 2.989,5 MW;", 2989.5, "MW", { value: 2989.5, unit: "MW" }],
    ["- Nâng tổng số lên 12 KCN;", 12, "KCN", { value: 12, unit: "KCN" }],
    ["- Giải quyết việc làm cho 2.200 lao động/năm;", 2200, "lao động/năm", { value: 2200, unit: "lao động/năm" }],
    ["- Huy động 56 tổ chức tham gia;", 56, "tổ chức", { value: 56, unit: "tổ chức" }],
    // A counted noun of several syllables after the slash is taken whole; another word, one syllable.
    ["- Bảo đảm mỗi học kỳ tổ chức ít nhất 1 buổi/cơ sở giáo dục.", 1, "buổi/cơ sở giáo dục", { value: 1, unit: "buổi/cơ sở giáo dục" }],
    ["- Tổ chức ít nhất 2 lần/tháng đối với các địa bàn;", 2, "lần/tháng", { value: 2, unit: "lần/tháng" }],
  ])("%s", (text, value, unit, normalized) => {
    const { ctx, targets } = run([text]);
    const t = only(targets);
    expect(t.value).toBe(value);
    expect(t.unit).toBe(unit);
    expect(t.normalized).toEqual(normalized);
    expect(valueText(ctx, t).replace(/\s+/g, " ")).toContain(String(text.match(/\d[\d.,]*/)![0]));
  });

  it("a scale word alone has no base unit", () => {
    const t = only(run(["- Thu hút hơn 10 nghìn;"]).targets);
    expect(t).toMatchObject({ value: 10, unit: "nghìn", normalized: null, comparator: "gt" });
  });
});

// ---------------------------------------------------------------------------------------------
// Comparators and direction
// ---------------------------------------------------------------------------------------------

describe("comparators", () => {
  it.each([
    ["- Tốc độ tăng trưởng (GRDP) của tỉnh đạt từ 10% trở lên;", "gte", 10, null],
    ["- Trồng mới trên 4.000 ha rừng;", "gt", 4000, null],
    ["- Thu nhập hơn 62 triệu đồng;", "gt", 62, null],
    ["- Tỷ lệ tăng dân số tự nhiên dưới 1,1%;", "lt", 1.1, null],
    ["- Tỷ lệ hộ nghèo giảm ít nhất 4%/năm;", "gte", 4, null],
    ["- Cắt giảm tối thiểu 30% thủ tục;", "gte", 30, null],
    ["- Tỷ lệ nợ xấu không dưới 2%;", "gte", 2, null],
    ["- Tỷ lệ nợ xấu tối đa 5%;", "lte", 5, null],
    ["- Tỷ lệ nợ xấu không quá 3%;", "lte", 3, null],
    ["- Tỷ lệ nợ xấu không vượt quá 3%;", "lte", 3, null],
    ["- Nhóm hộ từ 30 hộ trở xuống;", "lte", 30, null],
    ["- GRDP bình quân đầu người khoảng 52 triệu đồng;", "approx", 52, null],
    ["- Kinh phí gần 2 tỷ đồng;", "approx", 2, null],
    ["- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 90,82%;", "eq", 90.82, null],
    ["- Tỷ lệ cơ sở sản xuất kinh doanh đạt tiêu chuẩn về môi trường 83,5%;", "eq", 83.5, null],
    ["- 12 xã cơ bản đạt chuẩn từ 15 đến 18 tiêu chí;", "range", 15, 18],
    ["- Tỷ lệ lấp đầy đạt 60-70%;", "range", 60, 70],
    ["- Tỷ lệ lấp đầy đạt 60% - 70%;", "range", 60, 70],
    ["- Mỗi năm đạt thêm từ 2-3 tiêu chí;", "range", 2, 3],
    ["- Tỷ lệ cán bộ đạt chuẩn ≥ 95%;", "gte", 95, null],
  ])("%s → %s %d", (text, comparator, value, valueMax) => {
    const { targets } = run([text]);
    expect(targets.filter((x) => x.value === value).map((t) => ({ comparator: t.comparator, valueMax: t.valueMax }))).toEqual([{ comparator, valueMax }]);
  });

  it.each([
    ["- Tỷ lệ hộ nghèo theo chuẩn nghèo tiếp cận đa chiều giai đoạn 2021 - 2025 giảm ít nhất 4%/năm;", "decrease", "gte"],
    ["- Chỉ số sản xuất công nghiệp tăng bình quân 12%/năm.", "increase", "eq"],
    ["- Tỷ lệ hộ nghèo giảm trên 1%/năm.", "decrease", "gt"],
    ["- Hàng năm giảm khoảng 1% số hộ nghèo.", "decrease", "approx"],
    ["- Rà soát cắt giảm ít nhất 30% thủ tục hành chính.", "decrease", "gte"],
    ["- Nâng tổng số lên 37 CCN.", "increase", "eq"],
    ["- Tỷ lệ tăng dân số bình quân 2,9%/năm.", null, "eq"], // "tăng" names the indicator here
    ["- Tốc độ tăng trưởng đạt 8%.", null, "eq"],
    ["- Duy trì giảm tỷ lệ tăng tự nhiên dưới 11,5‰.", null, "lt"],
  ])("direction of %s", (text, direction, comparator) => {
    const t = only(run([text]).targets);
    expect(t.direction).toBe(direction);
    expect(t.comparator).toBe(comparator);
  });
});

// ---------------------------------------------------------------------------------------------
// Indicators and multi-target items
// ---------------------------------------------------------------------------------------------

describe("indicators", () => {
  it.each([
    ["- Tốc độ tăng trưởng (GRDP) của tỉnh đạt từ 10% trở lên;", "Tốc độ tăng trưởng (GRDP) của tỉnh"],
    ["- Thu ngân sách nhà nước trên địa bàn đạt 4.000 tỷ đồng;", "Thu ngân sách nhà nước trên địa bàn"],
    [
      "- Tỷ lệ hộ nghèo theo chuẩn nghèo tiếp cận đa chiều giai đoạn 2021 - \n 2025 giảm ít nhất 4%/năm;",
      "Tỷ lệ hộ nghèo theo chuẩn nghèo tiếp cận đa chiều giai đoạn 2021 - 2025",
    ],
    ["- Phấn đấu thành lập mới 310 doanh nghiệp;", "thành lập mới doanh nghiệp"],
    ["- Trên 55% lao động qua đào tạo.", "lao động qua đào tạo"],
    ["- Số giường bệnh trên một vạn dân (không tính giường trạm y tế xã) đạt 40,3 giường;", "Số giường bệnh trên một vạn dân (không tính giường trạm y tế xã)"],
    ["- Diện tích làm mới thêm tại các khu, cụm công nghiệp: trên 2.000 ha.", "Diện tích làm mới thêm tại các khu, cụm công nghiệp"],
    ["- Phấn đấu tỷ trọng ngành Công nghiệp trong GRDP đến năm 2030 đạt 33,59%.", "tỷ trọng ngành Công nghiệp trong GRDP đến năm 2030"],
  ])("%s", (text, indicator) => {
    expect(only(run([text]).targets).indicator).toBe(indicator);
  });

  it.each([
    ["- Tỷ lệ lao động qua đào tạo đạt 55,7%; trong đó đào tạo nghề đạt 39,6%;", [[55.7, "%", "eq", "Tỷ lệ lao động qua đào tạo"], [39.6, "%", "eq", "đào tạo nghề"]]],
    [
      "- Trồng mới trên 4.000 ha rừng; tỷ lệ độ che phủ rừng (có tính cây cao su) đạt trên 63,1%;",
      [[4000, "ha", "gt", "Trồng mới rừng"], [63.1, "%", "gt", "tỷ lệ độ che phủ rừng (có tính cây cao su)"]],
    ],
    [
      "- Tỷ lệ tăng dân số bình quân 2,9%/năm, tỷ lệ tăng dân số tự nhiên dưới 1,1%, tỷ lệ hộ nghèo giảm trên 1%/năm.",
      [[2.9, "%/năm", "eq", "Tỷ lệ tăng dân số"], [1.1, "%", "lt", "tỷ lệ tăng dân số tự nhiên"], [1, "%/năm", "gt", "tỷ lệ hộ nghèo"]],
    ],
    [
      "- Hình thành mới 05 Khu công nghiệp, nâng tổng số lên 12 KCN; tỷ lệ lấp đầy bình quân đạt trên 80%.",
      [[5, "Khu công nghiệp", "eq", "Hình thành mới Khu công nghiệp"], [12, "KCN", "eq", "nâng tổng số KCN"], [80, "%", "gt", "tỷ lệ lấp đầy"]],
    ],
    ["- 80% thôn, làng, tổ dân phố đạt danh hiệu văn hóa, 85% gia đình đạt danh hiệu.", [[80, "%", "eq", "thôn, làng, tổ dân phố đạt danh hiệu văn hóa"], [85, "%", "eq", "gia đình đạt danh hiệu"]]],
  ])("%s sets several targets", (text, expected) => {
    const { targets } = run([text]);
    expect(targets.map((t) => [t.value, t.unit, t.comparator, t.indicator])).toEqual(expected);
  });

  it("a parenthesised qualifier stays in the indicator and is never read", () => {
    const { ctx, targets } = run(["- Hoàn thành các dự án với tổng công suất 4.758,5 MW (gồm 166 dự án thủy điện; 02 dự án điện gió)."]);
    expect(targets.map((t) => valueText(ctx, t))).toEqual(["4.758,5 MW"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

describe("results that restate their target in running text", () => {
  const report = (p: string) => run([p], { heading: "I. KẾT QUẢ THỰC HIỆN", docType: "BC" });

  it.each([
    ["Tỷ lệ hộ gia đình sử dụng nước sạch đạt 82% (chỉ tiêu 80%).", 82, ["eq", 80, "%"], "exceeded", "80"],
    ["Tỷ lệ trẻ em đi học đúng độ tuổi đạt 95%, chưa đạt chỉ tiêu đề ra (98%).", 95, ["eq", 98, "%"], "not_met", "98"],
    ["Thu ngân sách đạt 4.500 tỷ đồng, vượt kế hoạch năm 2025 (4.200 tỷ đồng).", 4500, ["eq", 4200, "tỷ đồng"], "exceeded", "4.200"],
    ["Tỷ lệ bao phủ bảo hiểm y tế đạt 90% (KH: ≥ 90%).", 90, ["gte", 90, "%"], "met", "90"],
    ["Tỷ lệ lao động qua đào tạo đạt 70% (mục tiêu trên 72%).", 70, ["gt", 72, "%"], "not_met", "72"],
  ])("%s", (text, value, [comparator, targetValue, unit], status, printed) => {
    const { ctx, targets, results } = report(text);
    const result = only(results);
    expect(result.value).toBe(value);
    const target = only(targets);
    expect([target.comparator, target.value, target.unit]).toEqual([comparator, targetValue, unit]);
    expect(result).toMatchObject({ targetRef: 0, status, indicator: target.indicator });
    expect(valueText(ctx, target)).toBe(printed);
  });

  it("a figure relative to the plan does not answer the target; the absolute one before it does", () => {
    const { targets, results } = report("Tỷ lệ học sinh chuyển sang học nghề năm 2022 đạt 22%, đạt 110% kế hoạch (Kế hoạch năm 2022 là 20%).");
    expect(only(targets)).toMatchObject({ value: 20, unit: "%" });
    expect(results.map((r) => [r.value, r.basis, r.targetRef, r.status])).toEqual([
      [22, null, 0, "exceeded"],
      [110, "kế hoạch", null, null],
    ]);
  });

  it.each([
    ["Thu ngân sách đạt 102% kế hoạch.", "a basis, not a target"],
    ["Tỷ lệ hộ nghèo đạt 82% (tăng 3% so với năm 2024).", "a change in brackets"],
    ["Số xã đạt chuẩn là 82% (chỉ tiêu 80 xã).", "another unit"],
  ])("%s: no restated target (%s)", (text) => {
    const { results } = report(text);
    expect(results.every((r) => r.targetRef === null)).toBe(true);
  });
});

describe("results", () => {
  const report = (p: string) => run([p], { heading: "I. KẾT QUẢ THỰC HIỆN", docType: "BC" });

  it("reads a reported figure and its relative change with basis", () => {
    const { targets, results } = report(
      "Tổng sản phẩm trên địa bàn (GRDP) năm 2022 ước đạt 17.627 tỷ đồng, tăng 9,5% so với cùng kỳ năm trước.",
    );
    expect(targets).toEqual([]);
    expect(results.map((r) => [r.value, r.unit, r.direction, r.basis])).toEqual([
      [17627, "tỷ đồng", null, null],
      [9.5, "%", "increase", "cùng kỳ"],
    ]);
    expect(results[1].indicator).toBe(results[0].indicator);
    expect(results[0].normalized).toEqual({ value: 17_627_000_000_000, unit: "đồng" });
  });

  it.each([
    ["GRDP bình quân đầu người đạt 100,84% kế hoạch.", 100.84, "kế hoạch"],
    ["Thu lũy kế là 4.014,89 tỷ đồng, đạt 144,1% dự toán Trung ương giao.", 144.1, "dự toán Trung ương giao"],
    ["Thu lũy kế đạt 100,4% dự toán Hội đồng nhân dân tỉnh giao và bằng 109,7% cùng kỳ năm trước.", 100.4, "dự toán Hội đồng nhân dân tỉnh giao"],
    ["Thu lũy kế bằng 109,7% cùng kỳ năm trước.", 109.7, "cùng kỳ"],
    ["Số người tham gia bảo hiểm y tế tăng 8.859 người so với năm 2021.", 8859, "năm 2021"],
    ["Số trẻ em huy động ra lớp đạt 99,7% so với kế hoạch huy động và tăng 3.000 trẻ em.", 99.7, "kế hoạch huy động"],
  ])("%s → basis", (text, value, basis) => {
    expect(report(text).results.filter((x) => x.value === value).map((r) => r.basis)).toEqual([basis]);
  });

  it("a baseline ('tăng từ … lên …') is not read; the new level is, with its direction", () => {
    const { results } = report("GRDP bình quân đầu người tăng từ 46,78 triệu đồng năm 2021 lên 52,44 triệu đồng năm 2022, đạt 100,84% kế hoạch.");
    expect(results.map((r) => r.value)).toEqual([52.44, 100.84]);
    expect(results[0]).toMatchObject({ direction: "increase", indicator: "GRDP bình quân đầu người" });
  });

  it("'giảm … từ X xuống còn Y' gives Y with a decrease", () => {
    const { results } = report("Góp phần giảm tỷ lệ hộ nghèo từ 13,19% (năm 2010) xuống còn 5,7% (năm 2014).");
    expect(results.map((r) => [r.value, r.direction])).toEqual([[5.7, "decrease"]]);
  });

  it("a target cue nearer than a result cue wins: 'đã xây dựng Đề án … phấn đấu có từ 2-3 xã'", () => {
    const { targets, results } = report("Thành phố đã xây dựng Đề án giai đoạn 2011-2015 phấn đấu có từ 2-3 xã đạt chuẩn nông thôn mới.");
    expect(results).toEqual([]);
    expect(only(targets)).toMatchObject({ comparator: "range", value: 2, valueMax: 3, unit: "xã" });
  });

  it("an assigned figure ('được … giao 4.000 tỷ đồng') is a target even in a report", () => {
    const { targets } = report("Dự toán thu ngân sách năm 2022 được Hội đồng nhân dân tỉnh giao 4.000 tỷ đồng; thực hiện thu lũy kế là 4.014,89 tỷ đồng.");
    expect(only(targets).value).toBe(4000);
  });

  it("a footnote of a report restating the year's targets yields targets (seed 000, footnote 2)", () => {
    const text = readFileSync(join(FIXTURES, "000_844c122a8d74b08e.txt"), "utf8");
    const ctx = buildPlainContext(text, { code: "BC", name: "Báo cáo" }, false);
    const { targets, results } = extractTargets(ctx);
    checkShape(ctx, targets, results);
    const fromNote2 = targets.filter((t) => t.footnote === "2");
    expect(fromNote2.map((t) => t.value)).toEqual([10, 52, 4000, 310, 270, 2, 55.7, 39.6, 4, 40.3, 90.82, 4000, 63.1, 100, 83.5, 8, 900]);
    expect(results.filter((r) => r.footnote === "2")).toEqual([]);
    expect(results.filter((r) => r.value === 17627).map((r) => r.footnote)).toEqual([null]);
  });
});

// ---------------------------------------------------------------------------------------------
// What must never be read
// ---------------------------------------------------------------------------------------------

describe("figures near the words of a rate, a body's make-up or a shortcoming", () => {
  // Negatives of the cases in "never a target or result": the same words, a real target.
  it.each([
    ["- Phấn đấu hoàn thành 100% nhiệm vụ đề ra tại Kế hoạch;", "100%"],
    ["- Ban Chấp hành phấn đấu kết nạp 50 hội viên mới;", "50"],
    ["- Phấn đấu tốc độ tăng trưởng kinh tế bằng 7% trở lên;", "7%"],
  ])("%s keeps %s", (text, value) => {
    const { ctx, targets } = run([text], { docType: "KH" });
    expect(targets.map((t) => valueText(ctx, t))).toContainEqual(expect.stringContaining(value));
  });
});

describe("never a target or result", () => {
  // Each case sits in a target list of a plan, where anything read would come out as a target.
  it.each([
    ["a year", "- Phấn đấu đến năm 2022 hoàn thành xây dựng nông thôn mới;", "2022"],
    ["a bare year at the end", "- Hoàn thành việc số hóa trong năm tới, chậm nhất 2025", "2025"],
    ["a period", "- Tỷ lệ hộ nghèo giai đoạn 2021 - 2025 giảm;", "2021"],
    ["a period in parentheses", "- Thực hiện kế hoạch 5 năm (2010-2014) đạt kết quả;", "2010"],
    ["a duration", "- Thực hiện kế hoạch 5 năm;", "5"],
    ["a date", "- Đến ngày 15 tháng 01 năm 2023 hoàn thành;", "15"],
    ["a slashed date", "- Kỷ niệm 110 năm ngày thành lập tỉnh (09/02/1913 - 09/02/2023);", "110"],
    ["a dashed date", "- Kế hoạch số 604/KH-UBND ngày 04-3-2022 đạt yêu cầu;", "04"],
    ["a document number", "- Theo Nghị quyết số 56/NQ-HĐND ngày 09 tháng 12 năm 2021 của Hội đồng nhân dân tỉnh;", "56"],
    ["a Party document number", "- Thực hiện Chỉ thị số 34-CT/TW của Bộ Chính trị (khóa XI);", "34"],
    ["a legal document number", "- Căn cứ Luật Điện lực số 61/2024/QH15 ngày 30/11/2024;", "61"],
    ["a number without slash", "- Tại Kế hoạch số 2973 KH-UBND đạt yêu cầu;", "2973"],
    ["an article", "- Thực hiện Điều 3 của Quyết định;", "3"],
    ["a clause", "- Theo khoản 2 Điều 39 Nghị định;", "2"],
    ["a criterion number", "- Có 11 xã đạt tiêu chí số 8 (bưu điện);", "8"],
    ["an ordinal", "- Tổ chức Hội nghị lần thứ 10 của Ban Chấp hành;", "10"],
    ["a dose number", "- Tiêm nhắc lại lần 1 cho người dân;", "1"],
    ["an age range", "- Tiêm vắc xin cho người từ 12 đến 17 tuổi;", "12"],
    ["an age", "- Phổ cập mầm non cho trẻ 5 tuổi;", "5"],
    ["a ratio count", "- Có 21/21 xã đạt chuẩn;", "21"],
    ["a part of a total", "- Mầm non có 24.667 HSDTTS/40.009 trẻ;", "24.667"],
    ["a standard", "- Áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2008;", "9001"],
    ["a map scale", "- Lập quy hoạch chi tiết tỷ lệ 1/500;", "1"],
    ["a time", "- Thời gian ký: 25.02.2021 15:12:01", "15"],
    ["a road", "- Nâng cấp Quốc lộ 24 đoạn qua tỉnh;", "24"],
    ["a place name", "- Thành lập các CCN mới: Bảo Minh, An Thịnh, Bảo Hưng 2, Yên Hợp 2;", "2"],
    ["a disease name", "- Phòng, chống dịch Covid-19 hiệu quả;", "19"],
    ["an outline number", "1.2. Công tác triển khai, thực hiện", "1.2"],
    ["a quoted name", "- Thực hiện “12 điều y đức” trong ngành;", "12"],
    ["a broadcast slot", "- Phát sóng 02 tuần/số với thời lượng 10 phút/số;", "02"],
    ["an appendix", "- Phụ lục số 01 kèm theo;", "01"],
    ["a benefit rate", "- Mức chi thù lao bằng 0,6 lần mức lương cơ sở hiện hành/người/tháng;", "0,6"],
    ["a rate per role", "- Mức thù lao hàng tháng như sau: đội trưởng bằng 0,6; đội phó bằng 0,5;", "0,5"],
    ["a rate followed by the wage", "- Hỗ trợ 1,1 lần mức lương cơ sở cho viên chức;", "1,1"],
    ["the make-up of a body", "- Dự kiến Ban Chấp hành: 76 người; Ban Thường vụ: 26 người;", "26"],
    ["a shortcoming", "- Chưa hoàn thành 100% nhiệm vụ đề ra tại Kế hoạch Chuyển đổi số;", "100"],
    ["the scope a sentence opens on", "- Đối với 29 xã, phường, đặc khu có Quyết định công nhận: duy trì giao ban;", "29"],
  ])("%s: %s", (_name, text, number) => {
    const { ctx, all } = run([text], { docType: "KH" });
    expect(all.map((t) => valueText(ctx, t))).not.toContainEqual(expect.stringMatching(new RegExp(`^${number.replace(/\./g, "\\.")}(?!\\d)`)));
  });

  it("a figure after 'đối với' inside the sentence is still read", () => {
    const { all } = run(["- Phấn đấu tuyên truyền đối với 100% cán bộ, giáo viên;"], { docType: "KH" });
    expect(all.map((t) => t.value)).toContain(100);
  });

  it.each([
    "- Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI và Đại hội toàn quốc lần thứ XIII;",
    "- Hội nghị lần thứ mười Ban Chấp hành Trung ương Đảng (khóa XII);",
    "- Thực hiện Chị thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị (khóa XI);",
    "- Tổng kết 5 năm (2010-2014) và phương hướng 5 năm (2015 – 2020);",
    "- Kỷ niệm 110 năm Ngày thành lập tỉnh Kon Tum (09/02/1913 - 09/02/2023);",
    "- Áp dụng ISO 9001:2008; 21/21 xã, phường đạt chuẩn; 19/21 xã có trạm y tế;",
    "- Đợt thi đua từ ngày 15 tháng 10 năm 2022 đến hết ngày 15 tháng 01 năm 2023;",
    "- Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020, Kế hoạch số 2442 /KH-UBND ngày 28 tháng 7 năm 2022;",
    "- Thực hiện điểm a khoản 1, điểm a khoản 2, Điều 39 Nghị định số 91/2017/NĐ-CP;",
  ])("reads no figure at all in %s", (text) => {
    expect(run([text], { docType: "KH" }).all).toEqual([]);
  });

  it("a count in goal prose without a target verb is neither (seed 002: '03 Chương trình mục tiêu quốc gia')", () => {
    const { all } = run(["Triển khai thực hiện có hiệu quả 03 Chương trình mục tiêu quốc gia."], { heading: "I. MỤC TIÊU TỔNG QUÁT", docType: null });
    expect(all).toEqual([]);
  });

  it("numbers inside exclude spans are never read", () => {
    const ctx = ctxOf(["- Thu ngân sách đạt 4.000 tỷ đồng; tỷ lệ đạt 90%;"]);
    const start = ctx.text.indexOf("4.000");
    const { targets } = extractTargets(ctx, { exclude: [{ start, end: start + 5 }] });
    expect(targets.map((t) => t.value)).toEqual([90]);
  });

  it("prose of a công văn with no target heading yields nothing", () => {
    const { all } = run(["Ủy ban nhân dân tỉnh phát động phong trào thi đua yêu nước năm 2022 với 7 nội dung."], { heading: null, docType: null });
    expect(all).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------------------------

describe("robustness", () => {
  it("pushes a warning for an English decimal point instead of guessing silently", () => {
    const { ctx, targets } = run(["- Tỷ lệ nợ xấu dưới 1.5%;"]);
    expect(only(targets).value).toBe(1.5);
    expect(ctx.warnings.map((w) => w.code)).toContain("target_number_ambiguous");
  });

  it("reads through broken units: clamps or skips them, and a sound unit beside them still gives its target", () => {
    const heading = "II. CÁC CHỈ TIÊU CHỦ YẾU";
    const text = `${heading}\n- Tỷ lệ hộ nghèo giảm 4%/năm;`;
    const ctx: ExtractContext = {
      text,
      units: [
        { span: { start: 0, end: heading.length }, role: "heading", sectionId: "II", footnote: null },
        { span: { start: heading.length + 1, end: text.length }, role: "paragraph", sectionId: "II", footnote: null },
        { span: { start: -5, end: 999 }, role: "paragraph", sectionId: "II", footnote: null }, // clamped to the text
        { span: { start: 10, end: 3 }, role: "paragraph", sectionId: null, footnote: null }, // reversed: skipped
        { span: { start: Number.NaN, end: 4 }, role: "footnote", sectionId: "X.Y.Z", footnote: "1" },
      ],
      docType: { code: "??", name: null },
      warnings: [],
    };
    const { targets, results } = extractTargets(ctx, { exclude: [{ start: Number.NaN, end: 3 }, { start: 8, end: 2 }] });
    checkShape(ctx, targets, results);
    const valueStart = text.indexOf("4%");
    expect(targets.length).toBeGreaterThanOrEqual(1);
    for (const t of targets) expect(t).toMatchObject({ value: 4, unit: "%/năm", direction: "decrease", valueSpan: { start: valueStart, end: text.length - 1 } });
    expect(targets.some((t) => t.text === "Tỷ lệ hộ nghèo giảm 4%/năm")).toBe(true);
    expect(results).toEqual([]);
    expect(ctx.warnings).toEqual([]);
  });

  it("an empty context gives nothing", () => {
    const ctx: ExtractContext = { text: "", units: [], docType: { code: null, name: null }, warnings: [] };
    expect(extractTargets(ctx)).toEqual({ targets: [], results: [] });
    expect(ctx.warnings).toEqual([]);
  });

  it.each([
    ["digits and dots", () => Array.from({ length: 1_000_000 }, (_, k) => k % 10).join(".")],
    ["digits and commas", () => "1,".repeat(1_000_000)],
    ["digits only", () => "1234567890".repeat(200_000)],
    ["open brackets", () => "(1 ".repeat(300_000)],
    ["spaced digits", () => "1 ".repeat(500_000)],
    ["commas before one figure", () => `${", ".repeat(500_000)}đạt 5%`],
    ["words before one figure", () => `${"tỷ lệ ".repeat(200_000)}đạt 5%`],
    ["figures in one clause", () => "đạt 1% ".repeat(100_000)],
    ["'và' between two figures", () => `đạt 1% ${"và ".repeat(300_000)}đạt 2%`],
    ["markup and brackets", () => "**(“1”)** ".repeat(100_000)],
  ])("stays linear on a long single line of %s", (_name, make) => {
    const line = make();
    const ctx: ExtractContext = { text: line, units: [{ span: { start: 0, end: line.length }, role: "paragraph", sectionId: null, footnote: null }], docType: { code: "KH", name: null }, warnings: [] };
    const started = performance.now();
    extractTargets(ctx);
    // Generous: a backtracking pattern would take minutes here, a linear scan well under a second.
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

// ---------------------------------------------------------------------------------------------
// Property test
// ---------------------------------------------------------------------------------------------

describe("property: random Vietnamese-like text", () => {
  const word = fc.constantFrom(
    "tỷ lệ", "đạt", "trên", "dưới", "khoảng", "từ", "đến", "trở lên", "tăng", "giảm", "ít nhất", "phấn đấu", "ước đạt", "đã",
    "so với cùng kỳ", "kế hoạch", "hộ", "xã", "doanh nghiệp", "lượt khách", "năm", "tháng", "ngày", "giai đoạn", "số", "Điều",
    "khoản", "lần thứ", "tuổi", "Quyết định", "và", "của", ",", ";", ".", ":", "(", ")", "“", "”", "-", "/", "%", "%/năm", "tỷ đồng",
    "triệu", "nghìn", "vạn", "ha", "km", "USD", "ISO", "\n", "  ",
  );
  const number = fc.oneof(
    fc.integer({ min: 0, max: 3000 }).map(String),
    fc.integer({ min: 1900, max: 2100 }).map(String),
    fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${String(b).padStart(3, "0")}`),
    fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a},${b}`),
    fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2100 })).map(([d, m, y]) => `${d}/${m}/${y}`),
    fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom("QĐ-UBND", "NQ-HĐND", "KH-UBND", "CT/TW")).map(([n, s]) => `${n}/${s}`),
    fc.integer({ min: 1900, max: 2100 }).map((y) => `năm ${y}`),
    fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1990, max: 2030 })).map(([a, b]) => `${a} - ${b}`),
    fc.constantFrom("1.2.3.4", "1,1,1,1", "ISO 9001:2008", "09/02/1913", "04-3-2022", "15:12:01", "21/21", "1/500"),
  );
  const token = fc.oneof({ weight: 3, arbitrary: word }, { weight: 2, arbitrary: number });
  const paragraph = fc.array(token, { minLength: 0, maxLength: 40 }).map((ts) => ts.join(" "));
  const headings = fc.constantFrom("II. CÁC CHỈ TIÊU CHỦ YẾU", "I. KẾT QUẢ THỰC HIỆN", "1. Mục tiêu", "III. TỔ CHỨC THỰC HIỆN", null);
  const docTypes = fc.constantFrom("KH", "BC", null);

  it("never throws, keeps spans inside the text, is schema-valid, and never reads a bare or 'năm' year", () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), headings, docTypes, (paragraphs, heading, docType) => {
        const ctx = ctxOf(paragraphs, { heading, docType });
        const { targets, results } = extractTargets(ctx);
        checkShape(ctx, targets, results);
        for (const t of [...targets, ...results]) {
          const printed = valueText(ctx, t);
          // A year is printed as four bare digits: "1.900" (thousands separator) is a quantity.
          const isYear = Number.isInteger(t.value) && t.value >= 1900 && t.value <= 2100 && /^\d{4}$/u.test(printed.trim());
          if (!isYear) continue;
          // Look back inside the figure's own unit: the previous paragraph may end with "năm".
          const unit = ctx.units.find((u) => u.span.start <= t.valueSpan.start && t.valueSpan.end <= u.span.end)!;
          const before = ctx.text.slice(Math.max(unit.span.start, t.valueSpan.start - 5), t.valueSpan.start);
          // A year-like value is only read with a unit after it, and never right after "năm".
          expect(t.unit, printed).not.toBeNull();
          expect(/năm\s*$/iu.test(before), printed).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Golden annotations
// ---------------------------------------------------------------------------------------------

describe.each([
  ["002_003d8d7c1a93ab94.targets.json", 1],
  ["003_6adc8e0f7a982ac0.targets.json", 1],
  ["real/kh-sct-laocai-dean-08.targets.json", 0.9],
  ["real/kh-stp-hcm-2021-bad-ocr.targets.json", 1],
])("golden targets %s", (file, minPrecision) => {
  const path = join(FIXTURES, file);
  const annotation = JSON.parse(readFileSync(path, "utf8")) as Annotation;
  const text = readFileSync(join(dirname(path), annotation.text), "utf8");
  const ctx = buildPlainContext(text, annotation.docType, annotation.joinWrapped);
  const { targets, results } = extractTargets(ctx);

  it("annotations point at real text", () => {
    for (const t of annotation.targets) {
      // Located whitespace-insensitively: the slice is the value, up to line wrapping.
      const at = locateValue(text, t);
      expect(text.slice(at.start, at.end).replace(/\s+/gu, " "), t.quote).toBe(t.valueText.trim().replace(/\s+/gu, " "));
    }
  });

  it("finds every annotated target with the right value, unit, comparator and direction", () => {
    const score = scoreTargets(text, annotation, targets);
    expect(score.misses.map((m) => m.quote)).toEqual([]);
    expect(score.wrong.map((w) => `${w.expected.valueText}: ${w.fields.join("; ")}`)).toEqual([]);
    expect(score.recall).toBe(1);
    expect(score.precision).toBeGreaterThanOrEqual(minPrecision);
  });

  it("outputs are well-formed and no year is read as a target", () => {
    checkShape(ctx, targets, results);
    for (const t of targets) {
      const yearLike = Number.isInteger(t.value) && t.value >= 1900 && t.value <= 2100;
      expect(yearLike && t.unit === null, valueText(ctx, t)).toBe(false);
      expect(valueText(ctx, t)).not.toMatch(/^(19|20)\d\d$/);
    }
  });
});
