import { describe, expect, it } from "vitest";
import { parseText, type Section } from "../../src/index.js";
import { checkRecord } from "../helpers/record-checks.js";

const tree = (sections: Section[]): unknown => sections.map((s) => (s.children.length ? [s.id, tree(s.children)] : s.id));
const parseBody = (body: string, format: "text" | "markdown" = "text") => checkRecord(parseText(`BÁO CÁO\nKết quả thực hiện\n\n${body}`, { format }));

describe("section tree", () => {
  it("nests Phần > I > 1 > 1.1 > a > - > +", () => {
    const r = parseBody("Phần thứ nhất\nKẾT QUẢ\nI. CÔNG TÁC CHỈ ĐẠO\n1. Công tác tuyên truyền\n1.1. Ở cấp tỉnh\na) Các sở, ngành\n- Sở Nội vụ đã hướng dẫn;\n+ Thành lập tổ công tác;\n+ Tổ chức hội nghị;\n- Sở Tài chính bố trí kinh phí.\nb) Các huyện\nNội dung các huyện.\n2. Công tác khen thưởng\nNội dung khen thưởng.\nII. PHƯƠNG HƯỚNG\nNội dung phương hướng.");
    expect(tree(r.sections)).toEqual([["P1", [["P1.I", [["P1.I.1", [["P1.I.1.1", [["P1.I.1.1.a", [["P1.I.1.1.a.-1", ["P1.I.1.1.a.-1.+1", "P1.I.1.1.a.-1.+2"]], "P1.I.1.1.a.-2"]], "P1.I.1.1.b"]]]], "P1.I.2"]], "P1.II"]]]);
    expect(r.warnings.filter((w) => w.code.startsWith("section_"))).toEqual([]);
  });
  it("reads Chương > Điều > khoản > điểm in a legal text", () => {
    const r = parseBody("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định về công tác văn thư.\nĐiều 2. Giải thích từ ngữ\n1. Văn bản là thông tin thành văn.\n2. Bản sao y gồm:\na) Bản sao y từ bản gốc;\nb) Bản sao y từ bản chính.");
    const c1 = r.sections[0];
    expect([c1.kind, c1.label, c1.heading]).toEqual(["chapter", "Chương I", "QUY ĐỊNH CHUNG"]);
    const d2 = c1.children[1];
    expect([d2.kind, d2.label, d2.heading]).toEqual(["article", "Điều 2", "Giải thích từ ngữ"]);
    expect(d2.children.map((c) => [c.kind, c.label])).toEqual([["clause", "1"], ["clause", "2"]]);
    expect(d2.children[1].children.map((c) => [c.kind, c.label, c.id])).toEqual([["point", "a", "C1.Đ2.2.a"], ["point", "b", "C1.Đ2.2.b"]]);
  });
  it("tells a heading from a list item", () => {
    const r = parseBody("1. Công tác lãnh đạo\nNăm qua, công tác lãnh đạo được tăng cường.\n2. Tiếp tục tuyên truyền, quán triệt sâu sắc tư tưởng thi đua ái quốc của Chủ tịch Hồ Chí Minh; thực hiện có hiệu quả các phong trào thi đua.");
    expect(r.sections.map((s) => [s.label, s.heading])).toEqual([["1", "Công tác lãnh đạo"], ["2", null]]);
    expect(r.sections[1].paragraphs[0].text).toMatch(/^Tiếp tục tuyên truyền/u);
  });
  it("keeps a list that switches from bullets to numbers, with a warning", () => {
    const r = parseBody("I. NHIỆM VỤ\n- Nhiệm vụ một;\n- Nhiệm vụ hai;\n11. Nhiệm vụ mười một;\n12. Nhiệm vụ mười hai.");
    expect(tree(r.sections)).toEqual([["I", ["I.-1", "I.-2", "I.11", "I.12"]]]);
    expect(r.warnings.some((w) => w.code === "section_numbering_gap")).toBe(true);
  });
  it("nests by marker when Markdown heading levels are inconsistent", () => {
    const r = parseBody("#### **I. Kết quả**\n\n##### **1. Công tác lãnh đạo**\n\nNội dung.\n\n### **2. Công tác khen thưởng**\n\nNội dung.\n\n## **II. ĐÁNH GIÁ**\n\nNội dung.", "markdown");
    expect(tree(r.sections)).toEqual([["I", ["I.1", "I.2"]], "II"]);
  });
  it("reads an appendix after the signature as a section", () => {
    const r = parseBody("1. Nội dung./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n\nPhụ lục 1\nDANH SÁCH CÁC ĐƠN VỊ\nI. Cấp tỉnh\nNội dung phụ lục.");
    expect(r.signature?.signer).toBe("Nguyễn Văn An");
    expect(r.sections.map((s) => [s.kind, s.label, s.heading])).toEqual([["number", "1", null], ["appendix", "Phụ lục 1", "DANH SÁCH CÁC ĐƠN VỊ"]]);
  });
});

describe("page furniture in text", () => {
  it("moves page numbers and a running header out of the flow, and joins the paragraph they cut", () => {
    const page = (n: number, body: string) => `SỞ Y TẾ - KẾ HOẠCH ${n}/2021\n${body}\n\n- ${n} -\n`;
    const text = [
      page(1, "BÁO CÁO\nKết quả công tác\n\nI. KẾT QUẢ\nCông tác tuyên truyền được đẩy mạnh trên các phương tiện thông tin và"),
      page(2, "các tổ chức chính trị - xã hội đã phối hợp chặt chẽ."),
      page(3, "II. PHƯƠNG HƯỚNG\nTiếp tục thực hiện."),
    ].join("\f");
    const r = checkRecord(parseText(text, { format: "text" }));
    expect(r.furniture.map((f) => f.text)).toEqual(["SỞ Y TẾ - KẾ HOẠCH 1/2021", "- 1 -", "SỞ Y TẾ - KẾ HOẠCH 2/2021", "- 2 -", "SỞ Y TẾ - KẾ HOẠCH 3/2021", "- 3 -"]);
    expect(r.sections[0].paragraphs.map((p) => p.text)).toEqual([
      "Công tác tuyên truyền được đẩy mạnh trên các phương tiện thông tin và các tổ chức chính trị - xã hội đã phối hợp chặt chẽ.",
    ]);
    expect(r.source.pages).toBe(3);
  });
});
