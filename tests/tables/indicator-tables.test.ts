import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "../../src/index.js";

const PLAN_REPORT = `# BÁO CÁO

## I. Kết quả thực hiện

Biểu số 02. Kết quả thực hiện các chỉ tiêu chủ yếu năm 2025

| STT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Ước thực hiện 2025 | So sánh (%) | Ghi chú |
|---|---|---|---|---|---|---|
| I | Chỉ tiêu kinh tế | | | | | |
| 1 | Tốc độ tăng trưởng GRDP | % | ≥ 8 | 8,5 | 106 | |
| 2 | Thu ngân sách | tỷ đồng | 4.000 | 3.950,5 | 98,8 | |
| II | Chỉ tiêu xã hội | | | | | |
| 3 | Tỷ lệ hộ nghèo | % | dưới 2 | 1,5 | | |
| 4 | Số xã đạt chuẩn nông thôn mới | xã | 8-10 | 12 | | |
| 5 | Điều 44 Luật Đất đai (số 45/2013/QH13 ngày 29/11/2013) | km | 100 | 100 | | |
| - | Trong đó: đường liên xã | km | trên 85 | Đang tổng hợp | | |

## II. Khu công nghiệp

| TT | Khu công nghiệp | Diện tích (ha) | Tỷ lệ lấp đầy (%) |
|---|---|---|---|
| 1 | Khu công nghiệp Tằng Loỏng | 1.100 | 45,55 |
`;

describe("indicator tables", () => {
  const record = parseText(PLAN_REPORT, { format: "markdown" });

  it("reads a GFM table as a table with its caption, section and header row", () => {
    expect(record.tables).toHaveLength(2);
    const [plan, parks] = record.tables;
    expect(plan.caption).toBe("Biểu số 02. Kết quả thực hiện các chỉ tiêu chủ yếu năm 2025");
    expect(record.text.slice(plan.captionSpan!.start, plan.captionSpan!.end)).toBe(plan.caption);
    expect(plan.sectionId).toBe("I");
    expect(parks.sectionId).toBe("II");
    expect(plan.headerRows).toBe(1);
    expect(plan.rows).toHaveLength(9);
    expect(plan.rows[2].cells.map((c) => [c.col, c.text])).toEqual([[0, "1"], [1, "Tốc độ tăng trưởng GRDP"], [2, "%"], [3, "≥ 8"], [4, "8,5"], [5, "106"]]);
    for (const cell of plan.rows.flatMap((r) => r.cells)) expect(record.text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
  });

  it("gives one target per data row, the indicator nested under its parent rows", () => {
    expect(record.targets.map((t) => [t.indicator, t.comparator, t.value, t.valueMax, t.unit])).toEqual([
      ["Chỉ tiêu kinh tế / Tốc độ tăng trưởng GRDP", "gte", 8, null, "%"],
      ["Chỉ tiêu kinh tế / Thu ngân sách", "eq", 4000, null, "tỷ đồng"],
      ["Chỉ tiêu xã hội / Tỷ lệ hộ nghèo", "lt", 2, null, "%"],
      ["Chỉ tiêu xã hội / Số xã đạt chuẩn nông thôn mới", "range", 8, 10, "xã"],
      ["Chỉ tiêu xã hội / Điều 44 Luật Đất đai (số 45/2013/QH13 ngày 29/11/2013)", "eq", 100, null, "km"],
      ["Chỉ tiêu xã hội / Điều 44 Luật Đất đai (số 45/2013/QH13 ngày 29/11/2013) / Trong đó: đường liên xã", "gt", 85, null, "km"],
    ]);
    const budget = record.targets[1];
    expect(budget.normalized).toEqual({ value: 4_000_000_000_000, unit: "đồng" });
    expect(record.text.slice(budget.valueSpan.start, budget.valueSpan.end)).toBe("4.000");
    expect(budget.sectionId).toBe("I");
  });

  it("links each result to its row's target with a computed status", () => {
    const linked = record.results.map((r) => [r.indicator.split(" / ").pop(), r.value, record.targets[r.targetRef!]?.value, r.status]);
    expect(linked).toEqual([
      ["Tốc độ tăng trưởng GRDP", 8.5, 8, "exceeded"],
      ["Thu ngân sách", 3950.5, 4000, "not_met"],
      ["Tỷ lệ hộ nghèo", 1.5, 2, "met"],
      ["Số xã đạt chuẩn nông thôn mới", 12, 8, "exceeded"],
      ["Điều 44 Luật Đất đai (số 45/2013/QH13 ngày 29/11/2013)", 100, 100, "met"],
    ]);
    for (const r of record.results) expect(record.targets[r.targetRef!].indicator).toBe(r.indicator);
  });

  it("takes no target from a table that is no indicator table, and no heading or cross-cell citation from cells", () => {
    expect(record.targets.some((t) => /lấp đầy|Tằng Loỏng/u.test(t.indicator))).toBe(false);
    expect(record.results.some((t) => /lấp đầy|Tằng Loỏng/u.test(t.indicator))).toBe(false);
    // "Điều 44 …" in a cell is no article of the section tree.
    expect(record.sections.map((s) => s.id)).toEqual(["I", "II"]);
    expect(record.sections[0].children).toEqual([]);
    // The law in a cell is one citation with its symbol and date, inside that cell.
    const law = record.citations.find((c) => c.symbol === "45/2013/QH13")!;
    expect(law.date).toBe("2013-11-29");
    const cells = record.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
    for (const c of record.citations) {
      const inCells = cells.filter((cell) => c.span.start < cell.span.end && cell.span.start < c.span.end);
      expect(inCells.length, c.raw).toBeLessThanOrEqual(1);
      if (inCells.length) expect(c.span.end).toBeLessThanOrEqual(inCells[0].span.end);
    }
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, bold = false) => `<w:p><w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${inner}</w:tc>`;
const tr = (cells: string, header = false) => `<w:tr>${header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells}</w:tr>`;
const grid = (n: number) => `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(n)}</w:tblGrid>`;

function docx(body: string): Uint8Array {
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "_rels/.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  });
}

describe("DOCX tables", () => {
  it("reads gridSpan, vMerge, repeated header rows and a nested table into one grid", async () => {
    const nested = `<w:tbl>${grid(2)}${tr(tc(p("a")) + tc(p("b")))}</w:tbl>`;
    const body = [
      p("BÁO CÁO", true),
      p("1. Kết quả"),
      p("Bảng 1. Chỉ tiêu"),
      `<w:tbl>${grid(5)}`,
      tr(tc(p("STT"), '<w:vMerge w:val="restart"/>') + tc(p("Chỉ tiêu"), '<w:vMerge w:val="restart"/>') + tc(p("ĐVT"), '<w:vMerge w:val="restart"/>') + tc(p("Năm 2025"), '<w:gridSpan w:val="2"/>'), true),
      tr(tc(p(""), "<w:vMerge/>") + tc(p(""), "<w:vMerge/>") + tc(p(""), "<w:vMerge/>") + tc(p("Kế hoạch")) + tc(p("Thực hiện")), true),
      tr(tc(p("1")) + tc(p("Tỷ lệ trường đạt chuẩn")) + tc(p("%")) + tc(p("≥ 90")) + tc(p("92"))),
      tr(tc(p("2")) + tc(p("Điều 5 Ghi chú") + nested) + tc(p("trường")) + tc(p("15")) + tc(p("14"))),
      "</w:tbl>",
      p("Đoạn sau bảng."),
    ].join("");
    const record = await parse(docx(body), { name: "t.docx" });
    expect(record.tables).toHaveLength(1);
    const [table] = record.tables;
    expect(table.caption).toBe("Bảng 1. Chỉ tiêu");
    expect(table.headerRows).toBe(2);
    expect(table.rows[0].cells.map((c) => [c.col, c.text, c.rowSpan, c.colSpan])).toEqual([
      [0, "STT", 2, 1], [1, "Chỉ tiêu", 2, 1], [2, "ĐVT", 2, 1], [3, "Năm 2025", 1, 2],
    ]);
    expect(table.rows[1].cells.map((c) => [c.col, c.text])).toEqual([[3, "Kế hoạch"], [4, "Thực hiện"]]);
    // The nested table's text stays in its cell.
    expect(table.rows[3].cells[1].text).toBe("Điều 5 Ghi chú a b");
    expect(record.targets.map((t) => [t.indicator, t.comparator, t.value, t.unit])).toEqual([
      ["Tỷ lệ trường đạt chuẩn", "gte", 90, "%"],
      ["Điều 5 Ghi chú a b", "eq", 15, "trường"],
    ]);
    expect(record.results.map((r) => [r.value, r.targetRef, r.status])).toEqual([[92, 0, "exceeded"], [14, 1, "not_met"]]);
    // Cells are not paragraphs of section 1, and "Điều 5" in a cell is no article.
    expect(record.sections.map((s) => s.id)).toEqual(["1"]);
    expect(record.sections[0].paragraphs.map((x) => x.text)).toEqual(["Bảng 1. Chỉ tiêu", "Đoạn sau bảng."]);
  });
});
