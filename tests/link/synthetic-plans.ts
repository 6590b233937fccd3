/**
 * Three synthetic plan–report pairs (the Lâm Đồng fixture corpus holds none with comparable
 * targets and results): used by reconciliation.test.ts and the worked example of docs/linking.md.
 */
import type { LinkableRecord } from "../../src/link/index.js";
import type { Result, Target } from "../../src/schema/target.js";

type Figure = Pick<Target, "indicator" | "comparator" | "value" | "unit"> & Partial<Pick<Target, "direction" | "valueMax">>;

function measure(text: string, f: Figure): Target {
  const start = text.indexOf(f.indicator);
  const span = { start, end: start + f.indicator.length };
  return {
    text: f.indicator,
    span,
    sectionId: null,
    footnote: null,
    indicator: f.indicator,
    comparator: f.comparator,
    value: f.value,
    valueMax: f.valueMax ?? null,
    unit: f.unit,
    normalized: null,
    direction: f.direction ?? null,
    valueSpan: span,
  };
}

function record(opts: {
  name: string;
  code: string;
  typeName: string;
  number: string;
  symbol: string;
  date: string;
  subject: string;
  body: string;
  citations?: Array<{ raw: string; symbol: string; year: number }>;
  targets?: Figure[];
  results?: Figure[];
}): LinkableRecord {
  const text = `${opts.subject}\n${opts.body}`;
  return {
    source: { name: opts.name },
    text,
    type: { code: opts.code, name: opts.typeName, inferredFrom: "title" },
    title: opts.typeName.toUpperCase(),
    subject: opts.subject,
    header: {
      issuer: { name: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", parent: null },
      nationalTitle: null,
      motto: null,
      number: opts.number,
      symbol: opts.symbol,
      place: null,
      date: opts.date,
      urgency: null,
      confidentiality: null,
      spans: {},
      year: null,
    },
    citations: (opts.citations ?? []).map((c) => {
      const start = text.indexOf(c.raw);
      return {
        raw: c.raw,
        span: { start, end: start + c.raw.length },
        sectionId: null,
        footnote: null,
        type: "Kế hoạch",
        typeCorrection: null,
        number: c.symbol.split("/")[0],
        symbol: c.symbol,
        year: c.year,
        date: null,
        issuer: null,
        issuerTerm: null,
        title: null,
        pinpoints: [],
        self: false,
        legalBasis: false,
        inferred: [],
      };
    }),
    targets: (opts.targets ?? []).map((f) => measure(text, f)),
    results: (opts.results ?? []).map((f) => ({ ...measure(text, f), basis: null }) as Result),
  };
}

export const plan = record({
  name: "kh-213.json",
  code: "KH",
  typeName: "Kế hoạch",
  number: "213",
  symbol: "KH-UBND",
  date: "2025-01-15",
  subject: "Kế hoạch chuyển đổi số năm 2025",
  body: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt từ 80%. Tỷ lệ người dân có tài khoản định danh điện tử mức 2 đạt 70%. Số xã đạt chuẩn nông thôn mới tối thiểu 20 xã.",
  targets: [
    { indicator: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", comparator: "gte", value: 80, unit: "%" },
    { indicator: "Tỷ lệ người dân có tài khoản định danh điện tử mức 2", comparator: "eq", value: 70, unit: "%" },
    { indicator: "Số xã đạt chuẩn nông thôn mới", comparator: "gte", value: 20, unit: "xã" },
  ],
});
// Pair 1: cites the plan. Pair 2: same issuer, period and indicators, no citation.
export const report1 = record({
  name: "bc-450.json",
  code: "BC",
  typeName: "Báo cáo",
  number: "450",
  symbol: "BC-UBND",
  date: "2025-07-10",
  subject: "Báo cáo sơ kết 6 tháng chuyển đổi số năm 2025",
  body: "Thực hiện Kế hoạch số 213/KH-UBND, kết quả: Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến đạt 85%. Tỷ lệ người dân có tài khoản định danh điện tử mức 2 đạt 65%.",
  citations: [{ raw: "Kế hoạch số 213/KH-UBND", symbol: "213/KH-UBND", year: 2025 }],
  results: [
    { indicator: "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến", comparator: "eq", value: 85, unit: "%" },
    { indicator: "Tỷ lệ người dân có tài khoản định danh điện tử mức 2", comparator: "eq", value: 65, unit: "%" },
  ],
});
export const report2 = record({
  name: "bc-900.json",
  code: "BC",
  typeName: "Báo cáo",
  number: "900",
  symbol: "BC-UBND",
  date: "2025-12-20",
  subject: "Báo cáo kết quả chuyển đổi số năm 2025",
  body: "Số xã đạt chuẩn nông thôn mới 20 xã. Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt 78%. Diện tích trồng rừng 500 ha.",
  results: [
    { indicator: "Số xã đạt chuẩn nông thôn mới", comparator: "eq", value: 20, unit: "xã" },
    { indicator: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", comparator: "eq", value: 78, unit: "%" },
    { indicator: "Diện tích trồng rừng", comparator: "eq", value: 500, unit: "ha" },
  ],
});
// Pair 3: a plan with a ceiling (tỷ lệ hộ nghèo dưới 2%) and its report, in another unit for one figure.
export const plan2 = record({
  name: "kh-77.json",
  code: "KH",
  typeName: "Kế hoạch",
  number: "77",
  symbol: "KH-UBND",
  date: "2024-03-01",
  subject: "Kế hoạch giảm nghèo bền vững năm 2024",
  body: "Tỷ lệ hộ nghèo giảm còn dưới 2%. Số hộ nghèo được hỗ trợ nhà ở 300 căn.",
  targets: [
    { indicator: "Tỷ lệ hộ nghèo", comparator: "lt", value: 2, unit: "%", direction: "decrease" },
    { indicator: "Số hộ nghèo được hỗ trợ nhà ở", comparator: "gte", value: 300, unit: "căn" },
  ],
});
export const report3 = record({
  name: "bc-12.json",
  code: "BC",
  typeName: "Báo cáo",
  number: "12",
  symbol: "BC-UBND",
  date: "2025-01-10",
  subject: "Báo cáo kết quả giảm nghèo năm 2024",
  body: "Triển khai Kế hoạch số 77/KH-UBND: tỷ lệ hộ nghèo còn 1,8%. Số hộ nghèo được hỗ trợ nhà ở 2,5 tỷ đồng.",
  citations: [{ raw: "Kế hoạch số 77/KH-UBND", symbol: "77/KH-UBND", year: 2024 }],
  results: [
    { indicator: "tỷ lệ hộ nghèo", comparator: "eq", value: 1.8, unit: "%" },
    { indicator: "Số hộ nghèo được hỗ trợ nhà ở", comparator: "eq", value: 2.5, unit: "tỷ đồng" },
  ],
});

