import { describe, expect, it } from "vitest";
import { parseText } from "../../src/index.js";
import { checkRecord } from "../helpers/record-checks.js";

const doc = (header: string, rest = "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nĐiều 1. Thành lập Tổ công tác.") =>
  checkRecord(parseText(`${header}\n\n${rest}`, { format: "text" }));

describe("header (thể thức)", () => {
  it.each([
    ["two columns one after the other", "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 1234 /QĐ-SCT\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLào Cai, ngày 10 tháng 6 năm 2025",
      { parent: "UBND TỈNH LÀO CAI", name: "SỞ CÔNG THƯƠNG", number: "1234", symbol: "QĐ-SCT", place: "Lào Cai", date: "2025-06-10" }],
    ["interleaved on shared lines", "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH KON TUM Độc lập - Tự do - Hạnh phúc\nSố: 05/2022/QĐ-UBND Kon Tum, ngày 15 tháng 01 năm 2023",
      { parent: null, name: "ỦY BAN NHÂN DÂN TỈNH KON TUM", number: "05", symbol: "QĐ-UBND", place: "Kon Tum", date: "2023-01-15" }],
    ["blank number and date (signed electronically)", "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố:         /UBND-KTTH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\nKon Tum, ngày     tháng     năm 2025",
      { parent: null, name: "ỦY BAN NHÂN DÂN TỈNH KON TUM", number: null, symbol: "UBND-KTTH", place: "Kon Tum", date: null }],
    ["Party number with a hyphen", "TỈNH ỦY KON TUM\nSố 67-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nKon Tum, ngày 29 tháng 7 năm 2022",
      { parent: null, name: "TỈNH ỦY KON TUM", number: "67", symbol: "KH/TU", place: "Kon Tum", date: "2022-07-29" }],
    ["spaces inside the symbol", "SỞ CÔNG THƯƠNG\nSố: 12/TTr - SCT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập Tự do Hạnh phúc\nLào Cai, ngày 31 tháng 02 năm 2025",
      { parent: null, name: "SỞ CÔNG THƯƠNG", number: "12", symbol: "TTr-SCT", place: "Lào Cai", date: null }],
  ])("%s", (_, header, expected) => {
    const r = doc(header);
    expect({
      parent: r.header.issuer.parent,
      name: r.header.issuer.name,
      number: r.header.number,
      symbol: r.header.symbol,
      place: r.header.place,
      date: r.header.date,
    }).toEqual(expected);
    expect(r.header.nationalTitle).not.toBeNull();
  });
  it("reads the motto without hyphens and warns about an impossible date", () => {
    const r = doc("SỞ CÔNG THƯƠNG\nSố: 12/TTr - SCT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập Tự do Hạnh phúc\nLào Cai, ngày 31 tháng 02 năm 2025");
    expect(r.header.motto).toBe("Độc lập Tự do Hạnh phúc");
    expect(r.warnings.map((w) => w.code)).toContain("header_date_invalid");
    expect(r.header.year).toBe(2025);
  });
  it.each([
    ["HỎA TỐC", "urgency", "HỎA TỐC"],
    ["THƯỢNG KHẨN", "urgency", "THƯỢNG KHẨN"],
    ["MẬT", "confidentiality", "MẬT"],
    ["TỐI MẬT", "confidentiality", "TỐI MẬT"],
  ])("reads the mark %s", (mark, field, expected) => {
    const r = doc(`UBND TỈNH LÀO CAI\nSố: 12/QĐ-UBND\n${mark}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLào Cai, ngày 1 tháng 2 năm 2025`);
    expect(r.header[field as "urgency"]).toBe(expected);
  });
  it("leaves a header-less document's header empty and reads the title", () => {
    const r = doc("", "KẾ HOẠCH\nTổ chức Hội nghị tổng kết\n\nI. MỤC ĐÍCH\nNội dung.");
    expect(r.header.issuer.name).toBeNull();
    expect(r.type).toMatchObject({ code: "KH", name: "Kế hoạch", inferredFrom: "title" });
    expect(r.subject).toBe("Tổ chức Hội nghị tổng kết");
  });
});

describe("type, title and subject", () => {
  const header = "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 12/SCT-KT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLào Cai, ngày 1 tháng 2 năm 2025";
  it.each([
    ["CHỈ THỊ", { code: "CT", name: "Chỉ thị" }],
    ["NGHỊ QUYẾT", { code: "NQ", name: "Nghị quyết" }],
    ["TỜ TRÌNH", { code: "TTr", name: "Tờ trình" }],
    ["THÔNG BÁO", { code: "TB", name: "Thông báo" }],
    ["QUYẾT ĐINH", { code: "QĐ", name: "Quyết định" }],
    ["BÁO CÁO TỔNG KẾT", { code: "BC", name: "Báo cáo" }],
  ])("%s", (title, type) => {
    const r = doc(header, `${title}\nVề việc tăng cường công tác quản lý\n\n1. Nội dung.`);
    expect(r.type).toMatchObject(type);
    expect(r.title).toBe(title);
    expect(r.subject).toBe("Về việc tăng cường công tác quản lý");
  });
  it("a công văn: V/v in the header is the subject, Kính gửi lists the addressees", () => {
    const r = doc(`UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 12/SCT-KT\nV/v tăng cường quản lý\nvật liệu nổ công nghiệp\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLào Cai, ngày 1 tháng 2 năm 2025`,
      "Kính gửi:\n- Sở Tài chính;\n- UBND các xã, phường.\n\nSở Công Thương đề nghị các đơn vị thực hiện.");
    expect(r.type).toEqual({ code: null, name: "Công văn", inferredFrom: "symbol" });
    expect(r.subject).toBe("tăng cường quản lý vật liệu nổ công nghiệp");
    expect(r.addressees.map((a) => a.name)).toEqual(["Sở Tài chính", "UBND các xã, phường"]);
    expect(r.preamble[0].text).toMatch(/^Sở Công Thương đề nghị/u);
  });

  it.each([
    // A footnote reference after the name is not part of it.
    ["- Sở Tài chính<sup>1</sup>.", "Sở Tài chính"],
    // One with more of the name after it stays: the name is what is printed (a fuzzed case:
    // the reference used to be blanked inside the name, so the name no longer matched its span).
    ["- Sở Tài chính<sup>(1)</sup> tỉnh Lào Cai.", "Sở Tài chính(1) tỉnh Lào Cai"],
  ])("Kính gửi %j → %j", (line, name) => {
    const r = parseText(`Kính gửi:\n${line}\n\nĐề nghị các đơn vị thực hiện.`, { format: "markdown" });
    checkRecord(r);
    expect(r.addressees.map((a) => a.name)).toEqual([name]);
  });
});

describe("closing: Nơi nhận, Lưu, signature", () => {
  const body = "BÁO CÁO\nKết quả\n\n1. Nội dung đã thực hiện./.";
  it.each([
    ["braces drafter and a copy count", "- Lưu: VT, NC_{TTHG}, 02b.", { copies: ["VT", "NC"], drafter: "TTHG", count: 2 }],
    ["hyphenated drafter", "- Lưu: VT, KTTH-TTHG.", { copies: ["VT", "KTTH"], drafter: "TTHG", count: null }],
    ["drafter in parentheses", "- Lưu: VT, KT(Thủy, Nho).", { copies: ["VT", "KT"], drafter: "Thủy, Nho", count: null }],
  ])("archive with %s", (_, line, expected) => {
    const r = checkRecord(parseText(`${body}\n\nNơi nhận:\n- Như trên;\n- TT Tỉnh uỷ, TT HĐND tỉnh (b/c);\n${line}\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An`, { format: "text" }));
    expect(r.archive).toMatchObject(expected);
    expect(r.recipients.map((x) => [x.name, x.purpose])).toEqual([["Như trên", null], ["TT Tỉnh uỷ, TT HĐND tỉnh", "b/c"]]);
    expect(r.signature).toMatchObject({
      authorities: [{ mode: "TM", title: "ỦY BAN NHÂN DÂN" }, { mode: "KT", title: "CHỦ TỊCH" }],
      position: "PHÓ CHỦ TỊCH",
      signer: "Nguyễn Văn An",
    });
  });
  it("reads a signature printed before Nơi nhận (the right column first)", () => {
    const r = checkRecord(parseText(`${body}\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Thị Bình\nNơi nhận:\n- Sở Nội vụ (t/h);\n- Lưu: VT.`, { format: "text" }));
    expect(r.signature).toMatchObject({ authorities: [{ mode: "KT", title: "GIÁM ĐỐC" }], position: "PHÓ GIÁM ĐỐC", signer: "Trần Thị Bình" });
    expect(r.recipients).toHaveLength(1);
    expect(r.archive?.copies).toEqual(["VT"]);
  });
});
