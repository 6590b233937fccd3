import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CitedDocumentSchema, extractCitations, groupCitations, type ExtractContext, type TextUnit } from "../../src/extract/index.js";
import { documentTypeByCode, documentTypeByName, TYPE_CODES } from "../../src/lexicon/document-types.js";
import { CitationSchema, type Citation } from "../../src/schema/citation.js";
import { expectNoStageFailure } from "../helpers/record-checks.js";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

interface ContextOptions {
  role?: TextUnit["role"];
  docType?: ExtractContext["docType"];
  sectionId?: string | null;
  footnote?: string | null;
}

/** An ExtractContext whose single unit spans the whole string. */
function contextOf(text: string, options: ContextOptions = {}): ExtractContext {
  return {
    text,
    units: [
      {
        span: { start: 0, end: text.length },
        role: options.role ?? "paragraph",
        sectionId: options.sectionId ?? null,
        footnote: options.footnote ?? null,
      },
    ],
    docType: options.docType ?? { code: null, name: null },
    warnings: [],
  };
}

/** Extracts and checks the invariants every result must hold (schema, raw = slice of text). */
function cite(text: string, options: ContextOptions = {}): { citations: Citation[]; ctx: ExtractContext } {
  const ctx = contextOf(text, options);
  const citations = extractCitations(ctx);
  expectNoStageFailure(ctx.warnings);
  for (const c of citations) {
    expect(CitationSchema.safeParse(c).success).toBe(true);
    expect(text.slice(c.span.start, c.span.end)).toBe(c.raw);
  }
  return { citations, ctx };
}

type Expected = Partial<Citation>;

function expectCitations(text: string, expected: Expected[], options: ContextOptions = {}): Citation[] {
  const { citations } = cite(text, options);
  expect(citations.map((c) => pick(c, expected[0] ?? {}))).toHaveLength(expected.length);
  citations.forEach((c, i) => expect(pick(c, expected[i])).toEqual(expected[i]));
  return citations;
}

function pick(c: Citation, fields: Expected): Expected {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(fields)) out[k] = (c as Record<string, unknown>)[k];
  return out as Expected;
}

// ---------------------------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------------------------

/** Every type of Nghị định 30/2020 Điều 7 plus the legal normative and Party ones. */
const TYPES_WITH_CODES: Array<[string, string]> = [
  ["Nghị quyết", "NQ"], ["Quyết định", "QĐ"], ["Chỉ thị", "CT"], ["Quy chế", "QC"], ["Quy định", "QyĐ"],
  ["Thông cáo", "TC"], ["Thông báo", "TB"], ["Hướng dẫn", "HD"], ["Chương trình", "CTr"], ["Kế hoạch", "KH"],
  ["Phương án", "PA"], ["Đề án", "ĐA"], ["Dự án", "DA"], ["Báo cáo", "BC"], ["Biên bản", "BB"],
  ["Tờ trình", "TTr"], ["Hợp đồng", "HĐ"], ["Công điện", "CĐ"], ["Bản ghi nhớ", "BGN"],
  ["Bản thỏa thuận", "BTT"], ["Giấy ủy quyền", "GUQ"], ["Giấy mời", "GM"], ["Giấy giới thiệu", "GGT"],
  ["Giấy nghỉ phép", "GNP"], ["Phiếu gửi", "PG"], ["Phiếu chuyển", "PC"], ["Phiếu báo", "PB"],
  ["Nghị định", "NĐ"], ["Thông tư", "TT"], ["Thông tư liên tịch", "TTLT"], ["Kết luận", "KL"], ["Lệnh", "L"],
];

describe("type lexicon", () => {
  it.each(TYPES_WITH_CODES)("%s ↔ %s", (name, code) => {
    expect(documentTypeByCode(code)).toEqual({ code, name });
    expect(documentTypeByName(name)).toEqual({ code, name, corrected: false });
    expect(documentTypeByName(name.toUpperCase())).toEqual({ code, name, corrected: false });
    expect(TYPE_CODES[code]).toBe(name);
  });

  it.each([
    ["Công văn", null],
    ["Luật", null],
    ["Bộ luật", null],
    ["Pháp lệnh", null],
    ["Hiến pháp", null],
    ["Thư công", null],
  ])("%s has no code", (name, code) => {
    expect(documentTypeByName(name)).toEqual({ code, name, corrected: false });
  });

  it.each([
    ["QUYẾT ĐỊNH", "QĐ", false],
    ["Giấy uỷ quyền", "GUQ", false],
    ["Bản thoả thuận", "BTT", false],
    ["Quyết  định", "QĐ", false],
    ["Chị thị", "CT", true],
    ["Quyết đinh", "QĐ", true],
  ])("documentTypeByName(%s) → %s (corrected %s)", (word, code, corrected) => {
    expect(documentTypeByName(word)).toMatchObject({ code, corrected });
  });

  it.each(["Luận", "Lệnh x", "bệnh viện", "Văn bằng", "Thông tin", "hoạt động", ""])("%s is not a type", (word) => {
    expect(documentTypeByName(word)).toBeNull();
  });

  it("reads Party codes: CV Công văn, QĐi Quy định, TT Thông tri in a Party symbol", () => {
    expect(documentTypeByCode("CV")?.name).toBe("Công văn");
    expect(documentTypeByCode("QĐi")?.name).toBe("Quy định");
    expect(documentTypeByCode("TT", { party: true })?.name).toBe("Thông tri");
    expect(documentTypeByCode("TT")?.name).toBe("Thông tư");
    expect(documentTypeByName("Thông tri")).toEqual({ code: "TT", name: "Thông tri", corrected: false });
  });
});

// ---------------------------------------------------------------------------------------------
// Types in citations
// ---------------------------------------------------------------------------------------------

describe("type word before a symbol", () => {
  it.each(TYPES_WITH_CODES)("%s số 12/%s-UBND", (name, code) => {
    expectCitations(`Thực hiện ${name} số 12/${code}-UBND ngày 05/3/2021 của Ủy ban nhân dân tỉnh về việc X.`, [
      { type: name, number: "12", symbol: `12/${code}-UBND`, date: "2021-03-05", issuer: "Ủy ban nhân dân tỉnh" },
    ]);
  });

  it.each([
    ["QUYẾT ĐỊNH SỐ 12/QĐ-UBND", "Quyết định"],
    ["quyết định số 12/QĐ-UBND", "Quyết định"],
    ["Công văn số 967/UBND-NC", "Công văn"],
    ["Thư công số 5/UBND-VP", "Thư công"],
    ["Luật số 47/2019/QH14", "Luật"],
    ["Pháp lệnh số 02/2022/UBTVQH15", "Pháp lệnh"],
    ["Thông tri số 10-TT/TW", "Thông tri"],
    ["Giấy uỷ quyền số 3/GUQ-SCT", "Giấy ủy quyền"],
    ["Bản thoả thuận số 1/BTT-UBND", "Bản thỏa thuận"],
    ["Nghị       định      số 43/2014/NĐ-CP", "Nghị định"],
    ["QĐ số 1955/QĐ-UBND", "Quyết định"],
  ])("%s → %s", (text, type) => {
    const { citations } = cite(text);
    expect(citations).toHaveLength(1);
    expect(citations[0].type).toBe(type);
    expect(citations[0].inferred).not.toContain("type");
  });

  it.each([
    ["Luật số 47/2019/QH14", "Quốc hội"],
    ["Pháp lệnh số 02/2022/UBTVQH15", "Ủy ban Thường vụ Quốc hội"],
    ["Nghị định số 43/2014/NĐ-CP", "Chính phủ"],
    ["Quyết định số 28/2025/QĐ-TTg", "Thủ tướng Chính phủ"],
  ])("the issuer a legal normative ký hiệu names, marked inferred: %s", (text, issuer) => {
    expectCitations(text, [{ issuer, inferred: ["issuer"] }]);
  });

  it.each([
    "Quyết định số 12/QĐ-UBND",
    "Kế hoạch số 67-KH/TU",
    "Nghị định số 43/2014/NĐ-CP của Chính phủ",
  ])("no issuer inferred when the symbol does not name one beyond doubt, or one is printed: %s", (text) => {
    expect(cite(text).citations[0].inferred).not.toContain("issuer");
  });

  it.each([
    ["Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 255/TTr-SNV ngày 22 tháng 01 năm 2025.", "Giám đốc Sở Nội vụ"],
    ["Hội Golf báo cáo về việc đại hội và ý kiến của Sở Nội vụ tại Tờ trình số 509/TTr-SNV ngày 10/11/2025.", "Sở Nội vụ"],
    ["Công an tỉnh Lâm Đồng đã xây dựng Kế hoạch số 13/KH-CAT-PC04 ngày 14/7/2025 về xây dựng xã.", "Công an tỉnh Lâm Đồng"],
    ["Trên cơ sở đó, UBND tỉnh xây dựng Kế hoạch số 69/KH-UBND ngày 03/3/2025.", "UBND tỉnh"],
  ])("an issuer printed before the citation: %s", (text, issuer) => {
    expectCitations(text, [{ issuer }]);
  });

  it.each([
    "Theo ý kiến của các đồng chí tại Tờ trình số 255/TTr-SNV ngày 22 tháng 01 năm 2025.",
    "Đơn vị đã triển khai Kế hoạch số 69/KH-UBND ngày 03/3/2025.",
  ])("no issuer before the citation when no body is named: %s", (text) => {
    expectCitations(text, [{ issuer: null }]);
  });

  it.each([
    ["Chị thị số 34-CT/TW ngày 07 tháng 4 năm 2014", "Chị thị", "Chỉ thị", "34-CT/TW"],
    ["Quyết đinh số 12/QĐ-UBND", "Quyết đinh", "Quyết định", "12/QĐ-UBND"],
    ["Thông bao số 79/TB-VPCP", "Thông bao", "Thông báo", "79/TB-VPCP"],
  ])("misspelled %s is corrected", (text, printed, corrected, symbol) => {
    const { citations, ctx } = cite(text);
    expect(citations).toHaveLength(1);
    expect(citations[0]).toMatchObject({ type: corrected, symbol, typeCorrection: { printed, corrected } });
    expect(ctx.warnings.map((w) => w.code)).toContain("citation_type_corrected");
  });

  it("two edits away is too far for a short name: Kế hoạt", () => {
    expect(cite("Kế hoạt số 3/KH-UBND").citations[0]).toMatchObject({ typeCorrection: null, type: "Kế hoạch", inferred: ["type"] });
  });

  it.each([
    "Chị thị của Bộ Chính trị về thi đua",
    "Bộ Chính trị chỉ đạo thực hiện chị thị đúng hạn",
    "Thông tin số liệu của 12 xã",
  ])("no correction without a symbol: %s", (text) => {
    const { citations, ctx } = cite(text);
    expect(citations).toEqual([]);
    expect(ctx.warnings).toEqual([]);
  });

  it("a symbol without type word takes the type of its code, marked inferred", () => {
    expectCitations("theo 25/2014/TT-BTNMT và 67-KH/TU", [
      { type: "Thông tư", symbol: "25/2014/TT-BTNMT", inferred: ["type"] },
      { type: "Kế hoạch", symbol: "67-KH/TU", inferred: ["type"] },
    ]);
  });

  it("'Văn bản số' is read as a công văn when the symbol has no type code", () => {
    expectCitations("Văn bản số 10699/BNNMT-ĐCKS ngày 23/12/2025 của Bộ Nông nghiệp và Môi trường về việc báo cáo", [
      { type: "Công văn", symbol: "10699/BNNMT-ĐCKS", inferred: ["type"], issuer: "Bộ Nông nghiệp và Môi trường" },
    ]);
  });

  it("warns when the type word and the symbol's code disagree", () => {
    const { citations, ctx } = cite("tại Công văn số 05/HD-SNV ngày 14 tháng 11 năm 2022");
    expect(citations[0]).toMatchObject({ type: "Công văn", symbol: "05/HD-SNV" });
    expect(ctx.warnings.map((w) => w.code)).toEqual(["citation_type_mismatch"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Symbols
// ---------------------------------------------------------------------------------------------

describe("số ký hiệu", () => {
  it.each([
    ["Kế hoạch số 3461/KH-UBND", "3461/KH-UBND", "3461", null],
    ["Công văn số 967/UBND-NC", "967/UBND-NC", "967", null],
    ["Nghị định số 91/2017/NĐ-CP", "91/2017/NĐ-CP", "91", 2017],
    ["Quyết định số 05/2022/QĐ-UBND", "05/2022/QĐ-UBND", "05", 2022],
    ["Kế hoạch số 67-KH/TU", "67-KH/TU", "67", null],
    ["Chỉ thị số 34-CT/TW", "34-CT/TW", "34", null],
    ["Công văn số 215-CV/TU", "215-CV/TU", "215", null],
    ["Nghị quyết số 05-NQ/ĐU", "05-NQ/ĐU", "05", null],
    ["Chỉ thị 39-CT/TW", "39-CT/TW", "39", null],
    ["số 2442 /KH-UBND", "2442/KH-UBND", "2442", null],
    ["Công văn số 215 -CV/TU", "215-CV/TU", "215", null],
    ["Chỉ thị 34/CT - TW", "34-CT/TW", "34", null],
    ["số 2973 KH-UBND", "2973/KH-UBND", "2973", null],
    ["Công văn số 1043/BTP-QLXLVPHC&TDTHPL", "1043/BTP-QLXLVPHC&TDTHPL", "1043", null],
    ["Nghị định số 15/2018/NĐ-\nCP", "15/2018/NĐ-CP", "15", 2018],
    ["Nghị định số 15/2018/NĐ- CP", "15/2018/NĐ-CP", "15", 2018],
    ["Tờ trình số 2205/TTr - SCT", "2205/TTr-SCT", "2205", null],
    ["Quyết định số 1626/QĐTTg", "1626/QĐ-TTg", "1626", null],
    ["Nghị định 43/2014NĐ-CP", "43/2014/NĐ-CP", "43", 2014],
    ["Quyết định số2093/QĐ-BYT", "2093/QĐ-BYT", "2093", null],
    ["Thông tư liên tịch số 01/2015/TTLT-BNV-BTC", "01/2015/TTLT-BNV-BTC", "01", 2015],
    ["Luật Điện lực số 61/2024/QH15", "61/2024/QH15", "61", 2024],
    ["Nghị định số 103/2016/NĐ-\n                CP", "103/2016/NĐ-CP", "103", 2016],
    ["Nghị định số 148/2025/NĐ ngày 12/6/2025", "148/2025/NĐ-CP", "148", 2025],
  ])("%s → %s", (text, symbol, number, year) => {
    expectCitations(text, [{ symbol, number, year }]);
  });

  it.each([
    ["map scale", "bản đồ tỷ lệ 1/500 và 1/2000, QHCT 1/500"],
    ["counts", "có 21/21 xã, phường đạt chuẩn; 14/21 trạm y tế; 44/63 tỉnh, thành"],
    ["ISO standard", "áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2008"],
    ["a date alone", "ngày 23/7/2014 và ngày 30-10-2010"],
    ["a date range", "kỷ niệm 110 năm (09/02/1913-09/02/2023) và (09/02/1913 - 09/02/2023)"],
    ["periods", "giai đoạn 2021-2025, kế hoạch 5 năm (2015 - 2020), từ 7-9 tiêu chí"],
    ["numbers", "đạt 4.014,89 tỷ đồng, tăng 4%/năm, 02 tuần/số, Quý III/2026"],
    ["disease names", "phòng chống dịch COVID-19, biến thể SARS-CoV-2"],
    ["bare prose type word", "theo quy định của Nghị định và Thông tư hướng dẫn, thực hiện Quyết định của cấp trên"],
    ["law in general", "chấp hành pháp luật, PHÁP LUẬT về đất đai, Luật sư Nguyễn Văn A"],
    ["an issuer-only symbol alone", "gửi 12/UBND-VP và 7/SCT-KT"],
    ["a missing slash without 'số'", "có 2973 KH-UBND"],
    ["the document's own number", "Số: 1696 /QĐ-UBND\nLào Cai, ngày 15 tháng 5 năm 2026"],
    ["a blank number", "Kèm theo Quyết định số:      /QĐ-UBND ngày    tháng    năm 2025"],
    ["a plan of five years", "thực hiện kế hoạch 5 năm (2021-2025) và Kế hoạch 5 năm"],
  ])("no citation in %s", (_label, text) => {
    expect(cite(text).citations).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

describe("ngày ban hành", () => {
  it.each([
    ["Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014", "2014-04-07"],
    ["Kế hoạch số 1822/KH-UBND ngày 23/7/2014", "2014-07-23"],
    ["Chỉ thị số 02/2010/CT-UBND, ngày 26/10/2010", "2010-10-26"],
    ["Kết luận số 83-KL/TW ngày 30-10-2010", "2010-10-30"],
    ["Kế hoạch số 604/KH-UBND ngày 04-3-2022", "2022-03-04"],
    ["Công văn số 1043/BTP-QLXLVPHC&TDTHPL ngày 9.4.2021", "2021-04-09"],
    ["Chỉ thị số 34-CT/TW ngày 07 \ntháng 4 năm 2014", "2014-04-07"],
    ["Chỉ thị số 34-CT/TW ngày   07   tháng  4  năm   2014", "2014-04-07"],
    ["Quyết định số 1696/QĐ-UBND ngày15 tháng 5 năm 2026", "2026-05-15"],
    ["Quyết định số 1/QĐ-UBND ngày 29/02/2024", "2024-02-29"],
    ["Nghị quyết số 35-NQ/TU của Tỉnh ủy Lào Cai ngày 29/12/2025", "2025-12-29"],
  ])("%s → %s", (text, date) => {
    expectCitations(text, [{ date, year: Number(date.slice(0, 4)) }]);
  });

  it.each([
    ["Quyết định số 1228/QĐ-UBND ngày 31/02/2024", 2024],
    ["Quyết định số 12/QĐ-UBND ngày 12 tháng 13 năm 2020", 2020],
    ["Quyết định số 12/QĐ-UBND ngày 29/02/2023", 2023],
  ])("invalid %s → no date, a warning", (text, year) => {
    const { citations, ctx } = cite(text);
    expect(citations[0]).toMatchObject({ date: null, year });
    expect(ctx.warnings.map((w) => w.code)).toEqual(["citation_date_invalid"]);
  });

  it("a date belongs to the citation it follows, not to an earlier one of another type", () => {
    expectCitations("Quyết định số 1/QĐ-UBND và Kế hoạch số 2/KH-UBND ngày 03/04/2020", [
      { symbol: "1/QĐ-UBND", date: null },
      { symbol: "2/KH-UBND", date: "2020-04-03" },
    ]);
  });

  it("a date followed by another citation is not taken by it", () => {
    expectCitations("Kế hoạch số 2/KH-UBND ngày 03/04/2020 về việc X, Quyết định số 5/QĐ-UBND về Y", [
      { symbol: "2/KH-UBND", date: "2020-04-03" },
      { symbol: "5/QĐ-UBND", date: null },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Issuers
// ---------------------------------------------------------------------------------------------

describe("cơ quan ban hành", () => {
  it.each([
    ["Chỉ thị số 05-CT/TW ngày 15 tháng 5 năm 2016 của Bộ Chính trị về đẩy mạnh", "Bộ Chính trị", null],
    ["Chỉ thị số 26/2016/CT-TTg của Thủ tướng Chính phủ về tăng cường", "Thủ tướng Chính phủ", null],
    ["Chỉ thị số 02/2010/CT-UBND, ngày 26/10/2010 của Ủy ban nhân dân tỉnh về tiếp tục", "Ủy ban nhân dân tỉnh", null],
    ["Kết luận số 1663-KL/TU ngày 24 tháng 4 năm 2015 của Ban Thường vụ Tỉnh ủy Kon Tum về tăng cường", "Ban Thường vụ Tỉnh ủy Kon Tum", null],
    ["Kế hoạch số 67-KH/TU ngày 29 tháng 7 năm 2022 của Tỉnh ủy về tổ chức", "Tỉnh ủy", null],
    ["Nghị quyết số 56/NQ-HĐND ngày 09 tháng 12 năm 2021 của HĐND tỉnh về phương hướng", "HĐND tỉnh", null],
    ["Chị thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị (khóa XI) về việc", "Bộ Chính trị", "khóa XI"],
    ["Kết luận số 83-KL/TW ngày 30-10-2010 của Ban Bí thư Trung ương Đảng (khoá X) về", "Ban Bí thư Trung ương Đảng", "khoá X"],
    ["Văn bản số 1/BNNMT-ĐCKS của Bộ Nông nghiệp và Môi trường về việc", "Bộ Nông nghiệp và Môi trường", null],
    ["Văn bản số 1650/SGTVTXD-KT&VL ngày 09/5/2019 của Sở Giao thông vận tải - Xây dựng về việc", "Sở Giao thông vận tải - Xây dựng", null],
    ["Quyết định số 1/QĐ-UBND của UBND tỉnh quy định chức năng", "UBND tỉnh", null],
    ["Quyết định số 1/QĐ-UBND của UBND tỉnh, Sở Tài chính thực hiện", "UBND tỉnh", null],
    ["Quyết định số 1/QĐ-UBND của UBND tỉnh; Sở Tài chính thực hiện", "UBND tỉnh", null],
    ["Quyết định số 1/QĐ-UBND của Ủy ban nhân dân tỉnh và các sở, ngành", "Ủy ban nhân dân tỉnh", null],
    ["Thông tư số 19/2025/TT-BYT ngày 15/6/2025 của Bộ trưởng Bộ Y tế quy định về", "Bộ trưởng Bộ Y tế", null],
    ["Nghị định số 1/2020/NĐ-CP của Chính phủ ban hành ngày", "Chính phủ", null],
    ["Quyết định số 53/2023/QĐ-UBND ngày 17/11/2023 của UBND tỉnh Bà Rịa-Vũng Tàu ban hành", "UBND tỉnh Bà Rịa-Vũng Tàu", null],
    ["Quyết định số 1/QĐ-UBND của UBND TP. Hồ Chí Minh về việc", "UBND TP. Hồ Chí Minh", null],
    ["Nghị quyết số 34-NQ/TU của Ban Thường vụ Đảng ủy UBND tỉnh thực hiện Đề án", "Ban Thường vụ Đảng ủy UBND tỉnh", null],
  ])("%s", (text, issuer, issuerTerm) => {
    expectCitations(text, [{ issuer, issuerTerm }]);
  });

  it.each([
    "Kế hoạch số 3461/KH-UBND của một số đơn vị chưa kịp thời",
    "Quyết định số 1/QĐ-UBND của các cơ quan",
    "Quyết định số 1/QĐ-UBND của\n\n",
  ])("no issuer: %s", (text) => {
    expectCitations(text, [{ issuer: null }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

describe("lists sharing type, issuer and date", () => {
  it("Tại các Quyết định của Ủy ban nhân dân tỉnh: …", () => {
    const cs = expectCitations(
      "Tại các Quyết định của Ủy ban nhân dân tỉnh: số 86/QĐ-UBND ngày 22 tháng 02 năm 2022; số 252/QĐ-UBND ngày 10 tháng 5 năm 2022; số 380/QĐ-UBND và Quyết định số 381/QĐ-UBND ngày 29 tháng 6 năm 2022.",
      [
        { raw: "số 86/QĐ-UBND ngày 22 tháng 02 năm 2022", type: "Quyết định", symbol: "86/QĐ-UBND", date: "2022-02-22", issuer: "Ủy ban nhân dân tỉnh" },
        { type: "Quyết định", symbol: "252/QĐ-UBND", date: "2022-05-10", issuer: "Ủy ban nhân dân tỉnh" },
        { raw: "số 380/QĐ-UBND", type: "Quyết định", symbol: "380/QĐ-UBND", date: "2022-06-29", issuer: "Ủy ban nhân dân tỉnh" },
        { type: "Quyết định", symbol: "381/QĐ-UBND", date: "2022-06-29", issuer: "Ủy ban nhân dân tỉnh" },
      ],
    );
    expect(cs[0].inferred).toEqual(["type", "issuer"]);
    expect(cs[2].inferred).toEqual(expect.arrayContaining(["date", "issuer", "type"]));
    expect(cs[3].inferred).toEqual(["issuer"]);
  });

  it("số 4431/KH-UBND; số 4432/KH-UBND và số 4435/KH-UBND ngày …", () => {
    expectCitations(
      "Ủy ban nhân dân tỉnh Kon Tum tại các Kế hoạch: số 4431/KH-UBND; số 4432/KH-UBND và số 4435/KH-UBND ngày 30 tháng 12 năm 2022.",
      [
        { symbol: "4431/KH-UBND", type: "Kế hoạch", date: "2022-12-30", issuer: "Ủy ban nhân dân tỉnh Kon Tum", inferred: ["type", "issuer", "date", "year"] },
        { symbol: "4432/KH-UBND", type: "Kế hoạch", date: "2022-12-30", issuer: "Ủy ban nhân dân tỉnh Kon Tum", inferred: ["type", "issuer", "date", "year"] },
        { symbol: "4435/KH-UBND", type: "Kế hoạch", date: "2022-12-30", issuer: "Ủy ban nhân dân tỉnh Kon Tum", inferred: ["type", "issuer"] },
      ],
    );
  });

  it("a footnote mark before the list's issuer", () => {
    expectCitations("<sup>(13)</sup> Ủy ban nhân dân tỉnh tại các Kế hoạch: số 1/KH-UBND và số 2/KH-UBND ngày 30/12/2022.", [
      { issuer: "Ủy ban nhân dân tỉnh", date: "2022-12-30" },
      { issuer: "Ủy ban nhân dân tỉnh", date: "2022-12-30" },
    ]);
  });

  it("a trailing issuer is shared backwards", () => {
    expectCitations("Quyết định số 1/QĐ-UBND và Quyết định số 2/QĐ-UBND ngày 03/4/2020 của UBND tỉnh", [
      { date: "2020-04-03", issuer: "UBND tỉnh", inferred: ["date", "year", "issuer"] },
      { date: "2020-04-03", issuer: "UBND tỉnh", inferred: [] },
    ]);
  });

  it.each([
    ["different types", "Chỉ thị số 1/CT-UBND; Kế hoạch số 2/KH-UBND ngày 03/4/2020"],
    ["words between", "Quyết định số 1/QĐ-UBND về việc X và Quyết định số 2/QĐ-UBND ngày 03/4/2020"],
    ["a bare symbol", "67-KH/TU; Kế hoạch số 2/KH-UBND ngày 03/4/2020"],
  ])("no sharing across %s", (_label, text) => {
    const { citations } = cite(text);
    expect(citations).toHaveLength(2);
    expect(citations[0].date).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Pinpoints
// ---------------------------------------------------------------------------------------------

describe("pinpoints (điểm, khoản, Điều)", () => {
  it.each([
    [
      "quy định tại điểm a khoản 1, điểm a khoản 2, Điều 39 Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ.",
      [{ point: "a", clause: "1", article: "39" }, { point: "a", clause: "2", article: "39" }],
      "điểm a khoản 1, điểm a khoản 2, Điều 39 Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ",
    ],
    ["theo Điều 5 Luật Đầu tư công", [{ article: "5" }], "Điều 5 Luật Đầu tư công"],
    ["tại khoản 2 Điều 3 Quyết định này", [{ clause: "2", article: "3" }], "khoản 2 Điều 3 Quyết định này"],
    ["khoản 1, 2 Điều 3 Nghị định số 1/2020/NĐ-CP", [{ clause: "1", article: "3" }, { clause: "2", article: "3" }], null],
    ["điểm a, b khoản 1 Điều 5 Thông tư số 2/2020/TT-BYT", [{ point: "a", clause: "1", article: "5" }, { point: "b", clause: "1", article: "5" }], null],
    ["sửa đổi Điều 137, Nghị định số 193/2025/NĐ-CP", [{ article: "137" }], null],
    ["Điều 3 và Điều 4 của Luật Đất đai", [{ article: "3" }, { article: "4" }], null],
    ["Khoản 3 Điều 31 Thông tư số 25/2014/TT-BTNMT", [{ clause: "3", article: "31" }], null],
  ])("%s", (text, pinpoints, raw) => {
    const [c] = expectCitations(text, [{ pinpoints }]);
    if (raw) expect(c.raw).toBe(raw);
  });

  it("no pinpoint across other words", () => {
    expectCitations("Điều 5 quy định rõ, Nghị định số 1/2020/NĐ-CP", [{ pinpoints: [] }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Documents cited by name
// ---------------------------------------------------------------------------------------------

describe("documents cited by name", () => {
  it.each([
    ["Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;", "Luật", "Luật Đầu tư công", "2019-06-13", 2019],
    ["Bộ luật Dân sự ngày 24 tháng 11 năm 2015;", "Bộ luật", "Bộ luật Dân sự", "2015-11-24", 2015],
    ["Thực hiện Luật Thi đua, khen thưởng; Kế hoạch", "Luật", "Luật Thi đua, khen thưởng", null, null],
    ["tuyên truyền Luật Thi đua, Khen thưởng, qua đó làm chuyển biến nhận thức", "Luật", "Luật Thi đua, Khen thưởng", null, null],
    ["Luật Khoáng sản năm 2010, Luật Địa chất và khoáng sản năm 2024", "Luật", "Luật Khoáng sản", null, 2010],
    ["Luật Đất đai 2013 quy định", "Luật", "Luật Đất đai", null, 2013],
    ["theo Hiến pháp năm 2013", "Hiến pháp", "Hiến pháp", null, 2013],
    ["Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn; kết hợp", "Pháp lệnh", "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn", null, null],
    ["Điều 227 Bộ Luật hình sự năm 2015, hướng dẫn", "Bộ luật", "Bộ Luật hình sự", null, 2015],
    ["Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; ", "Luật", "Luật Tổ chức chính quyền địa phương", "2025-06-16", 2025],
    ["Luật sửa đổi, bổ sung một số điều của Luật Địa chất và khoáng sản năm 2025", "Luật", "Luật sửa đổi, bổ sung một số điều của Luật Địa chất và khoáng sản", null, 2025],
    ["thực hiện Luật Xây dựng và các văn bản hướng dẫn", "Luật", "Luật Xây dựng", null, null],
    ["Luật Đất đai đã được sửa đổi", "Luật", "Luật Đất đai", null, null],
    ["Luật Đất đai (sửa đổi)", "Luật", "Luật Đất đai", null, null],
    ["theo Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (HIV/AIDS)", "Luật", "Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người", null, null],
    ["Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ;", "Luật", "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ", null, null],
    ["Luật cán bộ, công chức ngày 13/11/2008 ;", "Luật", "Luật cán bộ, công chức", "2008-11-13", 2008],
    ["Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;", "Luật", "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương", "2019-11-22", 2019],
    ["Luật sữa đổi, bổ sung một số điều của Luật cán bộ, công chức và Luật viên chức;", "Luật", "Luật sữa đổi, bổ sung một số điều của Luật cán bộ, công chức và Luật viên chức", null, null],
  ])("%s", (text, type, title, date, year) => {
    const [c] = cite(text).citations;
    expect(c).toMatchObject({ type, title, date, year, symbol: null, self: false });
  });

  it("a law's name and its symbol: Luật Điện lực số 61/2024/QH15 ngày 30/11/2024", () => {
    expectCitations("Căn cứ Luật Điện lực số 61/2024/QH15 ngày 30/11/2024; Luật Công nghiệp công nghệ số số 71/2025/QH15 ngày 14/6/2025;", [
      { title: "Luật Điện lực", symbol: "61/2024/QH15", date: "2024-11-30" },
      { title: "Luật Công nghiệp công nghệ số", symbol: "71/2025/QH15", date: "2025-06-14" },
    ]);
  });

  it("an amending law known by what it amends, with its symbol", () => {
    expectCitations(
      "Luật sửa đổi, bổ sung một số điều của 10 luật có liên quan đến an ninh, trật tự số 118/2025/QH15, có hiệu lực",
      [{ type: "Luật", title: "Luật sửa đổi, bổ sung một số điều của 10 luật có liên quan đến an ninh, trật tự", symbol: "118/2025/QH15" }],
    );
  });

  it("a long name with commas, then its symbol", () => {
    expectCitations("Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ số 42/2024/QH15 được sửa đổi", [
      { title: "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ", symbol: "42/2024/QH15", year: 2024 },
    ]);
  });

  it("Luật Đất đai (số 45/2013/QH13 ngày 29/11/2013)", () => {
    expectCitations("1 Luật Đất đai (số 45/2013/QH13 ngày 29/11/2013) Toàn bộ", [
      { title: "Luật Đất đai", symbol: "45/2013/QH13", date: "2013-11-29", raw: "Luật Đất đai (số 45/2013/QH13 ngày 29/11/2013)" },
    ]);
  });

  it.each([
    ["Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI và Nghị quyết Đại hội toàn quốc lần thứ XIII của Đảng", [
      { title: "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI", issuer: null },
      { title: "Nghị quyết Đại hội toàn quốc lần thứ XIII", issuer: "Đảng" },
    ]],
    ["quán triệt Nghị quyết Trung ương 4 khóa XII về tăng cường", [{ title: "Nghị quyết Trung ương 4", issuerTerm: "khóa XII" }]],
    ["theo Nghị \nquyết Đại hội toàn quốc lần thứ XIII", [{ title: "Nghị quyết Đại hội toàn quốc lần thứ XIII" }]],
  ])("named resolution: %s", (text, expected) => {
    expectCitations(text, expected.map((e) => ({ type: "Nghị quyết", symbol: null, ...e })));
  });

  it.each([
    ["chính sách Đề án 1956: 1.916 người", "Đề án 1956", "1956"],
    ["Thực hiện Đề án số 08 về phát triển", "Đề án 08", "08"],
    ["triển khai Đề án *“Xác định Chỉ số chuyển đổi số”* trên địa bàn", "Đề án “Xác định Chỉ số chuyển đổi số”", null],
  ])("project: %s", (text, title, number) => {
    expectCitations(text, [{ type: "Đề án", title, number, symbol: null }]);
  });

  it("Đề án 08-ĐA/TU is a symbol, not a name", () => {
    expectCitations("thực hiện Đề án 08-ĐA/TU của Tỉnh ủy Lào Cai ngày 29/12/2025", [
      { type: "Đề án", symbol: "08-ĐA/TU", title: null, issuer: "Tỉnh ủy Lào Cai", date: "2025-12-29" },
    ]);
  });

  it.each([
    ["bare Nghị định", "theo Nghị định và các văn bản"],
    ["Nghị quyết of a body, unnamed", "chỉ tiêu Nghị quyết của Thành uỷ"],
    ["Luật without a name", "quy định của Luật."],
    ["a project described, not named", "xây dựng đề án tổng thể xây dựng nông thôn mới"],
    ["a plan of years", "Kế hoạch 5 năm 2021-2025"],
  ])("not cited by name: %s", (_label, text) => {
    expect(cite(text).citations).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Self references, short forms, back references
// ---------------------------------------------------------------------------------------------

describe("self references", () => {
  it.each([
    ["Chỉ thị này có hiệu lực", "Chỉ thị"],
    ["thi hành Quyết định này./.", "Quyết định"],
    ["Nghị quyết này được Hội đồng nhân dân tỉnh thông qua", "Nghị quyết"],
    ["tổ chức thực hiện Kế hoạch này", "Kế hoạch"],
    ["QUYẾT ĐỊNH NÀY có hiệu lực", "Quyết định"],
  ])("%s", (text, type) => {
    expectCitations(text, [{ type, self: true, symbol: null, title: null }]);
  });

  it("self when it is the document's own type", () => {
    expectCitations("thi hành Quyết định này", [{ self: true }], { docType: { code: "QĐ", name: "Quyết định" } });
  });

  it("'Chỉ thị này' in a Kế hoạch points back at the Chỉ thị cited before", () => {
    expectCitations(
      "Thực hiện Chỉ thị số 15-CT/TU ngày 02/3/2023 của Tỉnh ủy. Các cơ quan quán triệt Chỉ thị này.",
      [
        { self: false, symbol: "15-CT/TU" },
        { self: false, symbol: "15-CT/TU", date: "2023-03-02", issuer: "Tỉnh ủy", inferred: ["date", "issuer", "year"] },
      ],
      { docType: { code: "KH", name: "Kế hoạch" } },
    );
  });

  it.each(["văn bản này", "Điều này", "nội dung này"])("%s is not a self reference", (text) => {
    expect(cite(text).citations).toEqual([]);
  });
});

describe("short forms inherit from the full citation", () => {
  it("a later Kế hoạch số 3461/KH-UBND takes date and issuer", () => {
    const text =
      "Ban hành Kế hoạch số 3461/KH-UBND ngày 14 tháng 10 năm 2022 của Ủy ban nhân dân tỉnh về phát động.\n\ntheo Kế hoạch số 3461/KH-UBND của một số đơn vị";
    const split = text.indexOf("\n\n");
    const ctx: ExtractContext = {
      text,
      units: [
        { span: { start: 0, end: split }, role: "paragraph", sectionId: "I", footnote: null },
        { span: { start: split + 2, end: text.length }, role: "paragraph", sectionId: "II.2", footnote: null },
      ],
      docType: { code: "BC", name: "Báo cáo" },
      warnings: [],
    };
    const [full, short] = extractCitations(ctx);
    expect(full).toMatchObject({ date: "2022-10-14", issuer: "Ủy ban nhân dân tỉnh", inferred: [], sectionId: "I" });
    expect(short).toMatchObject({
      raw: "Kế hoạch số 3461/KH-UBND",
      date: "2022-10-14",
      issuer: "Ủy ban nhân dân tỉnh",
      year: 2022,
      sectionId: "II.2",
    });
    expect(short.inferred).toEqual(expect.arrayContaining(["date", "issuer", "year"]));
  });

  it("a later name citation takes the law's date", () => {
    expectCitations("Luật Đầu tư công ngày 13 tháng 6 năm 2019; theo Luật đầu tư công", [
      { date: "2019-06-13", inferred: [] },
      { date: "2019-06-13", inferred: ["date", "year"] },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Legal basis, units, spans
// ---------------------------------------------------------------------------------------------

describe("legal basis and units", () => {
  it.each([
    ["preamble", "Căn cứ Nghị định số 1/2020/NĐ-CP ngày 02/01/2020 của Chính phủ;", true],
    ["preamble", "- Căn cứ Luật Đất đai ngày 29/11/2013;", true],
    ["preamble", "Theo đề nghị của Giám đốc Sở tại Tờ trình số 2205/TTr-SCT ngày 28/10/2025,", false],
    ["paragraph", "2. Căn cứ Nghị quyết số 56/NQ-HĐND ngày 09 tháng 12 năm 2021 của HĐND tỉnh", false],
  ] as const)("%s: %s → %s", (role, text, legalBasis) => {
    expectCitations(text, [{ legalBasis }], { role });
  });

  it("carries the unit's section and footnote label", () => {
    expectCitations("Hướng dẫn số 05/HD-SNV ngày 14 tháng 11 năm 2022.", [{ sectionId: "I.1", footnote: "1" }], {
      role: "footnote",
      sectionId: "I.1",
      footnote: "1",
    });
  });

  it("looks only inside units and reports spans in the record", () => {
    const text = "Tiêu đề Quyết định số 9/QĐ-UBND\n\nĐoạn văn: Kế hoạch số 3461/KH-UBND ngày 14/10/2022.\n\nNgoài: Chỉ thị số 1/CT-TTg";
    const start = text.indexOf("Đoạn");
    const end = text.indexOf("\n\nNgoài");
    const ctx: ExtractContext = {
      text,
      units: [{ span: { start, end, page: 2 }, role: "paragraph", sectionId: null, footnote: null }],
      docType: { code: null, name: null },
      warnings: [],
    };
    const cs = extractCitations(ctx);
    expect(cs).toHaveLength(1);
    expect(cs[0].span).toEqual({ start: text.indexOf("Kế hoạch"), end: text.indexOf(".\n\nNgoài"), page: 2 });
    expect(cs[0].raw).toBe("Kế hoạch số 3461/KH-UBND ngày 14/10/2022");
  });

  it("matches old and new tone placement alike", () => {
    expectCitations("Giấy uỷ quyền số 1/GUQ-UBND của Uỷ ban nhân dân tỉnh Hoà Bình (khoá XIV) về", [
      { type: "Giấy ủy quyền", issuer: "Uỷ ban nhân dân tỉnh Hoà Bình", issuerTerm: "khoá XIV" },
    ]);
  });

  it("citations come in text order across units given out of order", () => {
    const text = "Kế hoạch số 1/KH-UBND\n\nKế hoạch số 2/KH-UBND";
    const ctx: ExtractContext = {
      text,
      units: [
        { span: { start: 23, end: text.length }, role: "paragraph", sectionId: null, footnote: null },
        { span: { start: 0, end: 21 }, role: "paragraph", sectionId: null, footnote: null },
      ],
      docType: { code: null, name: null },
      warnings: [],
    };
    expect(extractCitations(ctx).map((c) => c.symbol)).toEqual(["1/KH-UBND", "2/KH-UBND"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Grouping
// ---------------------------------------------------------------------------------------------

describe("groupCitations", () => {
  it("groups by canonical symbol, else by name; fields from the fullest occurrence", () => {
    const { citations } = cite(
      "Chị thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị; Luật Thi đua, khen thưởng; Chỉ thị 34/CT - TW; Luật thi đua; luật thi đua; Luật thi đua, khen thưởng; Quyết định này; khoản 2 Điều 1 Quyết định này",
    );
    const docs = groupCitations(citations);
    for (const d of docs) expect(CitedDocumentSchema.safeParse(d).success).toBe(true);
    expect(docs.map((d) => [d.key, d.occurrences.length])).toEqual([
      ["symbol:34-CT/TW", 2],
      ["title:luật thi đua, khen thưởng", 2],
      ["title:luật thi đua", 1],
      ["self", 2],
    ]);
    expect(docs[0]).toMatchObject({ type: "Chỉ thị", date: "2014-04-07", issuer: "Bộ Chính trị", number: "34" });
    expect(docs[3].occurrences[1].pinpoints).toEqual([{ clause: "2", article: "1" }]);
    expect(docs[0].occurrences.map((o) => o.index)).toEqual([0, 2]);
  });

  it("is empty for no citations", () => {
    expect(groupCitations([])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const VOCAB = [
  "Quyết định", "số", "Chỉ thị", "Chị thị", "Nghị định", "Luật", "Bộ luật", "Hiến pháp", "Đề án", "Nghị quyết", "Đại hội",
  "Kế hoạch", "này", "các", "của", "Ủy ban nhân dân tỉnh", "Uỷ ban", "hoà", "khoá XI", "(khóa XI)", "ngày", "tháng", "năm",
  "về việc", "và", ";", ",", ":", ".", "\n", "\n\n", "/", "-", " - ", "Điều", "khoản", "điểm", "a", "đ", "Căn cứ", "Số:",
  "3461/KH-UBND", "91/2017/NĐ-CP", "34-CT/TW", "34/CT - TW", "2442 /KH-UBND", "NĐ-\nCP", "1/500", "21/21", "2021-2025",
  "07", "4", "2014", "31/02/2024", "23/7/2014", "ISO 9001:2008", "“", "”", "*", "(", ")", "Thi đua", "khen thưởng", "&",
];

const vietnameseLikeText = fc
  .array(fc.oneof(fc.constantFrom(...VOCAB), fc.integer({ min: 0, max: 99999 }).map(String), fc.string({ maxLength: 4 })), {
    maxLength: 60,
  })
  .chain((parts) => fc.array(fc.constantFrom(" ", "", "  ", "\t"), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join("")));

describe("properties", () => {
  it("never throws; spans inside units; every result validates", () => {
    fc.assert(
      fc.property(vietnameseLikeText, fc.nat(), fc.boolean(), (text, cut, preamble) => {
        const mid = text.length === 0 ? 0 : cut % (text.length + 1);
        const ctx: ExtractContext = {
          text,
          units: [
            { span: { start: 0, end: mid }, role: preamble ? "preamble" : "paragraph", sectionId: "1", footnote: null },
            { span: { start: mid, end: text.length }, role: "footnote", sectionId: null, footnote: "2" },
          ],
          docType: { code: null, name: null },
          warnings: [],
        };
        const citations = extractCitations(ctx);
        // The extractor catches a finder's error per unit; an empty result must not hide one.
        expectNoStageFailure(ctx.warnings);
        let last = -1;
        for (const c of citations) {
          expect(CitationSchema.safeParse(c).success).toBe(true);
          expect(c.span.start).toBeGreaterThanOrEqual(0);
          expect(c.span.end).toBeLessThanOrEqual(text.length);
          expect(c.span.start).toBeLessThan(c.span.end);
          expect(c.span.end <= mid || c.span.start >= mid).toBe(true);
          expect(text.slice(c.span.start, c.span.end)).toBe(c.raw);
          expect(c.span.start).toBeGreaterThanOrEqual(last);
          last = c.span.start;
        }
        for (const d of groupCitations(citations)) expect(CitedDocumentSchema.safeParse(d).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("stays linear on a long line of number-like fragments", () => {
    const line = `Quyết định số ${Array.from({ length: 100_000 }, (_, i) => `${i % 97}/ ${i % 13}- `).join("")}`;
    const ctx = contextOf(line);
    const t0 = performance.now();
    expect(extractCitations(ctx)).toEqual([]);
    expectNoStageFailure(ctx.warnings);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it("stays linear on a long line of list items, names and self references", () => {
    const n = 20_000;
    const line =
      "Tại các Quyết định của Ủy ban nhân dân tỉnh: " +
      Array.from({ length: n }, (_, i) => `số ${i}/QĐ-UBND`).join("; ") +
      " ngày 01/02/2020. " +
      "Luật A, ".repeat(n) +
      "Quyết định này ".repeat(n);
    const t0 = performance.now();
    const citations = extractCitations(contextOf(line));
    expect(citations).toHaveLength(3 * n);
    expect(citations[0]).toMatchObject({ date: "2020-02-01", issuer: "Ủy ban nhân dân tỉnh", type: "Quyết định" });
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
