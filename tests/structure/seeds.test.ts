import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText, type Section, type VanBanDocument } from "../../src/index.js";
import { checkRecord } from "../helpers/record-checks.js";
import { FIXTURES } from "../helpers/fixtures.js";

const read = (dir: string, file: string) => readFileSync(join(FIXTURES, dir, file), "utf8");
const find = (sections: Section[], id: string): Section | undefined => {
  const stack = [...sections];
  while (stack.length) {
    const s = stack.pop()!;
    if (s.id === id) return s;
    stack.push(...s.children);
  }
  return undefined;
};
const slice = (r: VanBanDocument, span: { start: number; end: number }) => r.text.slice(span.start, span.end);

describe("seed 002: công văn phát động, text extracted from a PDF", () => {
  const r = checkRecord(parseText(read("seed-002-kontum-phatdong-text", "input.txt"), { format: "text" }));
  it("reads the two-column header interleaved on one line", () => {
    expect(r.header.issuer).toEqual({ name: "ỦY BAN NHÂN DÂN TỈNH KON TUM", parent: null });
    expect(r.header.nationalTitle).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(r.header.motto).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(r.header.number).toBeNull();
    expect(r.header.symbol).toBe("UBND-KTTH");
    expect(r.header.place).toBe("Kon Tum");
    expect(r.header.date).toBeNull();
    expect(slice(r, r.header.spans.symbol!)).toBe("UBND-KTTH");
    expect(slice(r, r.header.spans.place!)).toBe("Kon Tum");
  });
  it("takes a heading that is not a type as the title, the type from the symbol", () => {
    expect(r.title).toBe("PHÁT ĐỘNG PHONG TRÀO THI ĐUA");
    expect(r.type).toEqual({ code: null, name: "Công văn", inferredFrom: "symbol" });
    expect(r.subject).toBe("Thực hiện nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh, xây dựng hệ thống chính trị của tỉnh năm 2022");
  });
  it("repairs misplaced tone marks and unwraps a sentence across a blank line", () => {
    expect(r.text).toContain("Doanh nghiệp Việt Nam hội nhập");
    expect(r.text).toContain("bị bỏ lại phía sau");
    expect(r.text).toContain("Chị thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị");
  });
  it("builds roman sections with bullets and numbered items", () => {
    expect(r.sections.map((s) => [s.label, s.heading])).toEqual([
      ["I", "MỤC TIÊU TỔNG QUÁT"],
      ["II", "CÁC CHỈ TIÊU CHỦ YẾU"],
      ["III", "NỘI DUNG THI ĐUA"],
      ["IV", "TỔ CHỨC THỰC HIỆN"],
    ]);
    const ii = find(r.sections, "II")!;
    expect(ii.children).toHaveLength(14);
    expect(ii.children.every((c) => c.kind === "bullet" && c.heading === null)).toBe(true);
    const item = find(r.sections, "III.1")!;
    expect(item.kind).toBe("number");
    expect(item.heading).toBeNull();
    expect(item.paragraphs[0].text.startsWith("Tiếp tục tuyên truyền")).toBe(true);
  });
  it("reads Nơi nhận, Lưu and the signature", () => {
    expect(r.recipients).toHaveLength(11);
    expect(r.recipients[1]).toMatchObject({ name: "TT Tỉnh uỷ, TT HĐND tỉnh", purpose: "b/c" });
    expect(r.archive).toMatchObject({ copies: ["VT", "KTTH"], drafter: "TTHG", count: null });
    expect(r.signature).toMatchObject({ authorities: [{ mode: "TM", title: "ỦY BAN NHÂN DÂN" }], position: "CHỦ TỊCH", signer: "Lê Ngọc Tuấn" });
  });
});

describe("seed 000: báo cáo as Markdown with <sup> footnotes at page breaks", () => {
  const r = checkRecord(parseText(read("seed-000-kontum-bc-markdown", "input.md"), { format: "markdown" }));
  it("reads type, title and subject from the headings", () => {
    expect(r.type).toMatchObject({ code: "BC", name: "Báo cáo" });
    expect(r.title).toBe("BÁO CÁO");
    expect(r.subject).toMatch(/^Tổng kết phát động Đợt thi đua đặc biệt/u);
    expect(r.header.issuer.name).toBeNull();
  });
  it("nests by marker, not by the inconsistent heading levels", () => {
    expect(r.sections.map((s) => s.label)).toEqual(["I", "II"]);
    expect(find(r.sections, "I")!.children.map((c) => c.label)).toEqual(["1", "2", "3", "4"]);
    expect(find(r.sections, "I.2")!.children.map((c) => c.label)).toEqual(["a", "b", "c", "d", "d", "e"]);
  });
  it("reads a letter printed twice as the next letter, with a warning", () => {
    expect(find(r.sections, "I.2.đ")?.label).toBe("d");
    expect(r.warnings.some((w) => w.code === "section_label_repeated")).toBe(true);
  });
  it("moves footnotes out of the body, links them, and rejoins the split paragraph", () => {
    expect(r.footnotes.map((f) => f.label)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    expect(r.footnotes.every((f) => f.refs.length > 0)).toBe(true);
    expect(r.footnotes[0].text).toBe("Hướng dẫn số 05/HD-SNV ngày 14 tháng 11 năm 2022.");
    expect(r.footnotes[0].refs[0].sectionId).toBe("I.1");
    expect(r.text).toMatch(/Mặt trận Tổ quốc và các tổ chức chính trị - xã hội/u);
  });
  it("reads recipients with purposes, the archive with a subscript drafter, one signer printed twice", () => {
    expect(r.recipients.map((x) => x.purpose)).toEqual(["b/c", "đ/b", "đ/b", "t/h", null]);
    expect(r.archive).toMatchObject({ copies: ["VT", "NC"], drafter: "TTHG" });
    expect(r.signature).toMatchObject({ position: "CHỦ TỊCH", signer: "Lê Ngọc Tuấn" });
  });
});

describe("seed 003: báo cáo from Word with endnotes marked �", () => {
  const r = checkRecord(parseText(read("seed-003-kontum-bc-endnotes-text", "input.txt"), { format: "text" }));
  it("reads parts with multi-line capital headings", () => {
    expect(r.sections.map((s) => s.label)).toEqual(["Phần thứ nhất", "Phần thứ hai", "Phần thứ ba", "Phần thứ tư"]);
    expect(r.sections[0].heading).toBe("ĐÁNH GIÁ CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO ĐỔI MỚI TỔ CHỨC CÁC PHONG TRÀO THI ĐUA YÊU NƯỚC VÀ CÔNG TÁC KHEN THƯỞNG");
  });
  it("reads '2.' after '2.1.' as continuing the sub-list", () => {
    const solutions = find(r.sections, "P4.II.2")!;
    expect(solutions.heading).toBe("Giải pháp chủ yếu");
    expect(solutions.children.map((c) => c.label)).toEqual(["2.1", "2", "3", "4", "5", "6"]);
    expect(r.warnings.some((w) => w.code === "section_list_continued")).toBe(true);
  });
  it("recovers the endnotes and links them by order where the marks were lost", () => {
    expect(r.footnotes).toHaveLength(14);
    expect(r.footnotes.every((f) => f.kind === "endnote")).toBe(true);
    expect(r.footnotes[13].text).toMatch(/Cấp Trung ương/u);
    expect(r.footnotes.every((f) => f.refs.length === 1)).toBe(true);
  });
});
