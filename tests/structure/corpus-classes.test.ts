/**
 * The failure classes the Lâm Đồng corpus showed (issue 11), each on a small document written
 * the way the corpus prints it, with the negative beside it. The texts are plain text: the
 * header's two columns one after the other, as .doc and text exports give them.
 */
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/index.js";
import { checkRecord } from "../helpers/record-checks.js";

const HEADER = (issuer: string[], extra: string[] = []) =>
  [...issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ...extra].join("\n");

function read(text: string) {
  const record = parseText(text, { format: "text" });
  checkRecord(record);
  return record;
}

describe("attached texts: điều lệ, quy chế under a decision", () => {
  const dieuLe = (reference: string) =>
    [
      HEADER(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]),
      "",
      "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)",
      "HIỆP HỘI DOANH NGHIỆP TỈNH LÂM ĐỒNG",
      reference,
      "",
      "Chương I",
      "QUY ĐỊNH CHUNG",
      "",
      "Điều 1. Tên gọi",
      "Tên tiếng Việt: Hiệp hội Doanh nghiệp tỉnh Lâm Đồng.",
    ].join("\n");

  it("the issuer stops at the header; the title is the text's own type; the decision is attachedTo", () => {
    const r = read(dieuLe("(Kèm theo Quyết định số 1424/QĐ-UBND ngày 30 tháng 6 năm 2025 của Chủ tịch UBND tỉnh)"));
    expect(r.header.issuer).toEqual({ name: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", parent: null });
    expect(r.type).toMatchObject({ code: null, name: "Điều lệ", inferredFrom: "title" });
    expect(r.title).toBe("ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)");
    expect(r.subject).toBe("HIỆP HỘI DOANH NGHIỆP TỈNH LÂM ĐỒNG");
    expect(r.attachedTo).toMatchObject({ type: "Quyết định", number: "1424", symbol: "1424/QĐ-UBND", date: "2025-06-30" });
    expect(r.sections[0].label).toBe("Chương I");
  });

  it("a draft's blank number still gives the parent's type, ký hiệu, year and issuer", () => {
    const r = read(dieuLe("(Kèm theo Quyết định số      /QĐ-UBND ngày    tháng 9 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh)"));
    expect(r.attachedTo).toMatchObject({ type: "Quyết định", number: null, symbol: "QĐ-UBND", year: 2025, issuer: "Chủ tịch Ủy ban nhân dân tỉnh" });
    expect(r.subject).toBe("HIỆP HỘI DOANH NGHIỆP TỈNH LÂM ĐỒNG");
  });

  it("a decision that mentions an attachment in its body has no attachedTo", () => {
    const r = read(
      [HEADER(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], ["Số: 12/QĐ-UBND", "Lâm Đồng, ngày 02 tháng 3 năm 2026"]), "", "QUYẾT ĐỊNH", "Về việc phê duyệt Điều lệ Hội", "", "Điều 1. Phê duyệt Điều lệ kèm theo Quyết định này."].join("\n"),
    );
    expect(r.attachedTo).toBeNull();
    expect(r.type.name).toBe("Quyết định");
  });
});

describe("types the lexicon lacked", () => {
  it("Phiếu trình: its title, its code from the ký hiệu, its addressees", () => {
    const r = read(
      [
        HEADER(["UBND TỈNH LÂM ĐỒNG", "VĂN PHÒNG", "Số:         /PT-NC"]),
        "",
        "PHIẾU TRÌNH",
        "Kính gửi:",
        "- Lãnh đạo UBND tỉnh;",
        "- Lãnh đạo Văn phòng UBND tỉnh.",
        "I. NỘI DUNG TRÌNH",
        "1. Văn bản: Tờ trình số 152/TTr-SNV ngày 06/3/2026 của Sở Nội vụ.",
      ].join("\n"),
    );
    expect(r.type).toMatchObject({ code: "PT", name: "Phiếu trình", inferredFrom: "title" });
    expect(r.title).toBe("PHIẾU TRÌNH");
    expect(r.addressees.map((a) => a.name)).toEqual(["Lãnh đạo UBND tỉnh", "Lãnh đạo Văn phòng UBND tỉnh"]);
    expect(r.sections.map((s) => s.label)).toEqual(["I"]);
  });

  it("a conference paper gets no type and a warning, never Công văn", () => {
    const r = read([HEADER(["CÔNG AN TỈNH LÂM ĐỒNG", "Số:    /CAT-PC04"]), "", "THAM LUẬN", "Giải pháp xây dựng xã không ma túy", "", "Kính thưa các đồng chí."].join("\n"));
    expect(r.type).toMatchObject({ code: null, name: null });
    expect(r.title).toBe("THAM LUẬN");
    expect(r.warnings.map((w) => w.code)).toContain("not_administrative_document");
  });

  it.each([
    ["GIẢI TRÌNH BỔ SUNG THEO CHỈ ĐẠO CỦA PHÓ CHỦ TỊCH UBND TỈNH", "Giải trình"],
    ["PHIẾU GHI Ý KIẾN", "Phiếu ghi ý kiến"],
    // Negative: a capitals heading that names no type.
    ["HỒ SƠ ĐẠI HỘI", null],
  ])("the heading %s names the type %s", (heading, name) => {
    const r = read([heading, "", "1. Nội dung thứ nhất.", "2. Nội dung thứ hai."].join("\n"));
    expect(r.type.name).toBe(name);
  });

  it.each([
    [["CHƯƠNG TRÌNH", "Hội nghị triển khai Chương trình mục tiêu quốc gia phòng, chống ma tuý", "Thời gian: ½ ngày, bắt đầu lúc 08h00, ngày 09/10/2025"], null],
    [["CHƯƠNG TRÌNH ĐẠI HỘI DỰ KIẾN", "Hiệp hội Doanh nghiệp tỉnh, nhiệm kỳ V (2025-2030)"], null],
    // Negatives: a programme that sets work, and an agenda that bears a ký hiệu.
    [["CHƯƠNG TRÌNH", "Thực hành tiết kiệm, chống lãng phí năm 2026"], "Chương trình"],
    [["Số: 12/CTr-UBND", "CHƯƠNG TRÌNH", "Hội nghị sơ kết công tác 6 tháng"], "Chương trình"],
  ])("an event's agenda %j is no administrative document (type %s)", (lines, name) => {
    const r = read([...lines, "", "1. Nội dung thứ nhất.", "2. Nội dung thứ hai."].join("\n"));
    expect(r.type.name).toBe(name);
    expect(r.warnings.some((w) => w.code === "not_administrative_document")).toBe(name === null);
  });

  it("a numbered roster of people at the top is the preamble's list, not sections; under a heading it stays a sub-list", () => {
    const roster = ["1. Ông Huỳnh Ngọc Liêm, Phó Giám đốc Công an tỉnh: Đội trưởng;", "2. Bà Lường Thị Tuyết Lê, Chuyên viên: Thành viên;", "3. Trung tá Đoàn Danh Quyết, Trợ lý Ban Thông tin: Thành viên."];
    const top = read(["PHỤ LỤC", "Danh sách Thành viên Đội ứng cứu sự cố", "", ...roster].join("\n"));
    expect(top.sections).toEqual([]);
    const nested = read(["KẾ HOẠCH", "Tổ chức hội nghị", "", "I. THÀNH PHẦN", ...roster, "II. TỔ CHỨC THỰC HIỆN", "Giao Văn phòng chuẩn bị."].join("\n"));
    expect(nested.sections.map((s) => s.label)).toEqual(["I", "II"]);
    expect(nested.sections[0].children.map((s) => s.label)).toEqual(["1", "2", "3"]);
    // Negative: numbered items that name no person are sections.
    const items = read(["KẾ HOẠCH", "Tổ chức hội nghị", "", "1. Ông bà con nhân dân được tuyên truyền;", "2. Các cơ quan phối hợp thực hiện."].join("\n"));
    expect(items.sections.map((s) => s.label)).toEqual(["1", "2"]);
  });

  it("Danh sách and Phụ lục name the text but are not cited as types", () => {
    const r = read(["DANH SÁCH", "Thành viên Ban Vận động", "", "Căn cứ Phụ lục I kèm theo và Danh sách số 12 của Hội."].join("\n"));
    expect(r.type.name).toBe("Danh sách");
    expect(r.citations).toEqual([]);
  });
});

describe("closing", () => {
  const closing = (lines: string[]) =>
    [HEADER(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], ["Số: 15/UBND-NC", "Lâm Đồng, ngày 02 tháng 3 năm 2026"]), "V/v kết quả Đại hội", "", "Kính gửi: Sở Nội vụ.", "", "Ủy ban nhân dân tỉnh có ý kiến như sau./.", "", ...lines].join("\n");

  it.each([
    ["(để b/c)", "Sở Nội vụ", "để b/c", "b/c"],
    ["(b/c)", "Sở Nội vụ", "b/c", "b/c"],
    ["(để P/H)", "Sở Nội vụ", "để P/H", "p/h"],
    ["(t/h)", "Sở Nội vụ", "t/h", "t/h"],
    ["(Đ/c Tuấn)", "Sở Nội vụ (Đ/c Tuấn)", null, null],
    ["(qua Văn phòng Bộ)", "Sở Nội vụ (qua Văn phòng Bộ)", null, null],
    ["(cử PV)", "Sở Nội vụ", "cử PV", "t/h"],
    ["(chuẩn bị phòng họp)", "Sở Nội vụ", "chuẩn bị phòng họp", "t/h"],
    // Negative: the verb alone names no task.
    ["(cử)", "Sở Nội vụ (cử)", null, null],
  ])("a purpose is kept as printed with its code: %s", (printed, name, purpose, code) => {
    const r = read(closing(["Nơi nhận:", `- Sở Nội vụ ${printed};`, "- Lưu: VT, NC.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Hồ Văn Mười"]));
    expect(r.recipients[0]).toMatchObject({ name, purpose, purposeCode: code });
  });

  it.each([
    ["Lưu: VT, NC.Châu.", ["VT", "NC"], "Châu"],
    ["Lưu: VT. NC.", ["VT", "NC"], null],
    ["Lưu VT, KT.", ["VT", "KT"], null],
    ["- Lưu: VT, NC_{TTHG}.", ["VT", "NC"], "TTHG"],
  ])("the archive line %s", (line, copies, drafter) => {
    const r = read(closing(["Nơi nhận:", "- Như trên;", line, "", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Minh"]));
    expect(r.archive).toMatchObject({ copies, drafter });
    expect(r.recipients.map((x) => x.name)).toEqual(["Như trên"]);
    expect(r.signature).toMatchObject({ authorities: [{ mode: "KT", title: "CHỦ TỊCH" }], position: "PHÓ CHỦ TỊCH", signer: "Nguyễn Minh" });
  });

  it.each([
    ["Thiếu tướng Trương Minh Đương", "Trương Minh Đương", "Thiếu tướng"],
    ["Đại tá Nguyễn Văn Hùng", "Nguyễn Văn Hùng", "Đại tá"],
    // Negatives: a name without a rank; a name whose first word only looks like one.
    ["Nguyễn Minh", "Nguyễn Minh", undefined],
    ["Trung Thị Hoa", "Trung Thị Hoa", undefined],
  ])("the signer line %s: name %s, rank %s", (line, signer, rank) => {
    const r = read(closing(["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "GIÁM ĐỐC", "", line]));
    expect(r.signature?.signer).toBe(signer);
    expect(r.signature?.signerRank).toBe(rank);
  });

  it("Nơi nhận and the signature set on the same lines with spaces", () => {
    const r = read(
      closing(["Nơi nhận:                    KT. CHỦ TỊCH", "- Văn phòng Bộ Công an;                     PHÓ CHỦ TỊCH", "- Thường trực Tỉnh ủy;", "- Lưu: VT. NC.", "Nguyễn Minh"]),
    );
    expect(r.recipients.map((x) => x.name)).toEqual(["Văn phòng Bộ Công an", "Thường trực Tỉnh ủy"]);
    expect(r.signature).toMatchObject({ authorities: [{ mode: "KT", title: "CHỦ TỊCH" }], position: "PHÓ CHỦ TỊCH", signer: "Nguyễn Minh" });
  });
});

describe("Party documents", () => {
  it("Đảng header, a committee over a star, a hyphenated number, T/M, Lưu without a colon", () => {
    const r = read(
      [
        "ĐẢNG BỘ TỈNH THANH HÓA",
        "TỈNH ỦY THANH HÓA",
        "*",
        "Số 123-QĐ/TU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Thanh Hóa, ngày 05 tháng 3 năm 2026",
        "",
        "QUYẾT ĐỊNH",
        "về việc thành lập Ban Chỉ đạo",
        "",
        "Điều 1. Thành lập Ban Chỉ đạo.",
        "",
        "Nơi nhận:",
        "- Như Điều 3,",
        "- Lưu VPTU.",
        "",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "",
        "Nguyễn Văn A",
      ].join("\n"),
    );
    expect(r.header).toMatchObject({ nationalTitle: "ĐẢNG CỘNG SẢN VIỆT NAM", number: "123", symbol: "QĐ/TU", date: "2026-03-05" });
    expect(r.header.issuer).toEqual({ name: "TỈNH ỦY THANH HÓA", parent: "ĐẢNG BỘ TỈNH THANH HÓA" });
    expect(r.type.name).toBe("Quyết định");
    expect(r.archive?.copies).toEqual(["VPTU"]);
    expect(r.recipients.map((x) => x.name)).toEqual(["Như Điều 3"]);
    expect(r.signature).toMatchObject({ authorities: [{ mode: "TM", title: "BAN THƯỜNG VỤ" }], position: "BÍ THƯ", signer: "Nguyễn Văn A" });
  });

  it("a blank Party number: number null, symbol kept", () => {
    const r = read(["TỈNH ỦY LÂM ĐỒNG", "*", "Số      -KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Lâm Đồng, ngày    tháng 3 năm 2026", "", "KẾ HOẠCH", "thực hiện Nghị quyết"].join("\n"));
    expect(r.header).toMatchObject({ number: null, symbol: "KH/TU", year: 2026 });
  });
});

describe("sections", () => {
  it("bullets before the first numbered heading are the preamble, never the top of the tree", () => {
    const r = read(
      [HEADER(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], ["Số: 15/UBND-NC", "Lâm Đồng, ngày 02 tháng 3 năm 2026"]), "V/v triển khai", "", "Kính gửi: Các sở, ngành.", "", "- Căn cứ ý kiến chỉ đạo;", "- Xét đề nghị của Sở Nội vụ,", "1. Giao Sở Nội vụ chủ trì.", "- Tham mưu văn bản.", "2. Các sở phối hợp."].join("\n"),
    );
    expect(r.sections.map((s) => s.label)).toEqual(["1", "2"]);
    expect(r.preamble.map((p) => p.text)).toEqual(["- Căn cứ ý kiến chỉ đạo;", "- Xét đề nghị của Sở Nội vụ,"]);
    expect(r.sections[0].children.map((s) => s.kind)).toEqual(["bullet"]);
  });
});

describe("subject", () => {
  it("a V/v wrapped below the header's columns, its last line starting with a capital before Kính gửi", () => {
    const r = read(
      [HEADER(["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "Số: 3542/SNV-TCBC"], ["Lâm Đồng, ngày 12 tháng 12 năm 2025"]), "V/v ý kiến đối với Đề án tổ chức Đại hội Hội Công chứng viên tỉnh Lâm", "Đồng nhiệm kỳ 2025-2030", "Kính gửi: Sở Tư pháp", "", "Sở Nội vụ có ý kiến như sau."].join("\n"),
    );
    expect(r.subject).toBe("ý kiến đối với Đề án tổ chức Đại hội Hội Công chứng viên tỉnh Lâm Đồng nhiệm kỳ 2025-2030");
    expect(r.addressees.map((a) => a.name)).toEqual(["Sở Tư pháp"]);
  });

  it("a trích yếu over two lines, the second starting with a name", () => {
    const r = read([HEADER(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], ["Số:     /QĐ-UBND", "Lâm Đồng, ngày    tháng    năm 2026"]), "QUYẾT ĐỊNH", "Về việc công nhận Ban Vận động thành lập", "Liên đoàn Pickleball tỉnh Lâm Đồng", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"].join("\n"));
    expect(r.subject).toBe("Về việc công nhận Ban Vận động thành lập Liên đoàn Pickleball tỉnh Lâm Đồng");
  });
});

describe("input sniffing", () => {
  it("a .txt holding Markdown (converter output) is read as Markdown, and source says why", async () => {
    const { parse } = await import("../../src/index.js");
    const { readFileSync } = await import("node:fs");
    const bytes = new Uint8Array(readFileSync(new URL("../../fixtures/seed-000-kontum-bc-markdown/input.md", import.meta.url)));
    const asTxt = await parse(bytes, { name: "bao-cao.txt", ocr: "never" });
    expect(asTxt.source).toMatchObject({ format: "markdown", chosenBy: "content" });
    expect(asTxt.type.name).toBe("Báo cáo");
    expect(asTxt.footnotes.length).toBeGreaterThan(0);
    const plain = await parse(new TextEncoder().encode("Một dòng chữ thường.\nDòng thứ hai."), { name: "ghi-chu.txt" });
    expect(plain.source).toMatchObject({ format: "text", chosenBy: "content" });
    const forced = await parse(bytes, { name: "bao-cao.txt", format: "text" });
    expect(forced.source).toMatchObject({ format: "text", chosenBy: "option" });
  });
});

describe("a signer printed below the closing table", () => {
  // Blocks as the .doc and DOCX readers give a closing table: left and right columns, then a line
  // under the table. Built by hand so that the zone information is what the readers set.
  it("is the signer; a list in capitals after the table is an attachment", async () => {
    const { buildRecord } = await import("../../src/pipeline/build-record.js");
    const block = (text: string, zone?: "header" | "closing", column?: "left" | "right") => ({ text, style: {}, ...(zone ? { zone } : {}), ...(column ? { column } : {}) });
    const blocks = (after: string[]) => [
      block("ỦY BAN NHÂN DÂN", "header", "left"),
      block("TỈNH LÂM ĐỒNG", "header", "left"),
      block("Số: 12/KH-UBND", "header", "left"),
      block("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header", "right"),
      block("Độc lập - Tự do - Hạnh phúc", "header", "right"),
      block("Lâm Đồng, ngày 02 tháng 3 năm 2026", "header", "right"),
      block("KẾ HOẠCH"),
      block("Tổng kết công tác năm 2025"),
      block("1. Các sở tổ chức tổng kết."),
      block("Nơi nhận:", "closing", "left"),
      block("- Chánh, các PCVP UBND tỉnh;", "closing", "left"),
      block("- Lưu: VT, NC.", "closing", "left"),
      block("KT. CHỦ TỊCH", "closing", "right"),
      block("PHÓ CHỦ TỊCH", "closing", "right"),
      ...after.map((t) => block(t)),
    ];
    const meta = { name: null, bytes: 1, sha256: "0".repeat(64) };
    const signed = buildRecord({ format: "docx", blocks: blocks(["Nguyễn Minh"]), pages: null, warnings: [] }, meta);
    checkRecord(signed);
    expect(signed.signature).toMatchObject({ position: "PHÓ CHỦ TỊCH", signer: "Nguyễn Minh" });
    const withList = buildRecord({ format: "docx", blocks: blocks(["DANH SÁCH THÀNH VIÊN", "1. Nguyễn Văn A"]), pages: null, warnings: [] }, meta);
    checkRecord(withList);
    expect(withList.signature?.signer ?? null).toBeNull();
    expect(withList.recipients.map((r) => r.name)).toEqual(["Chánh, các PCVP UBND tỉnh"]);
    // The signer below the table, then a list with a title: the list is an attached text, and the
    // closing before it is read whole however long the list is.
    const rows = Array.from({ length: 120 }, (_, k) => `${k + 1}. Tuyến số ${k + 1} qua địa bàn xã.`);
    const signedThenList = buildRecord({ format: "doc", blocks: blocks(["Nguyễn Minh", "DANH SÁCH", "Tuyến nội tỉnh trọng điểm", ...rows]), pages: null, warnings: [] }, meta);
    checkRecord(signedThenList);
    expect(signedThenList.signature).toMatchObject({ position: "PHÓ CHỦ TỊCH", signer: "Nguyễn Minh" });
    expect(signedThenList.sections.map((x) => [x.kind, x.label])).toEqual([
      ["number", "1"],
      ["attachment", "DANH SÁCH"],
    ]);
  });
});

describe("phiếu trình forms: number, trích yếu field, sign-off boxes", () => {
  const form = (number: string, extra: string[] = []) =>
    [
      HEADER(["UBND TỈNH LÂM ĐỒNG", "VĂN PHÒNG", `Số: ${number}`]),
      "",
      "PHIẾU TRÌNH",
      "Kính gửi:",
      "- Lãnh đạo UBND tỉnh;",
      "I. NỘI DUNG TRÌNH/CHỈ ĐẠO",
      "1. Văn bản/cơ quan, đơn vị: Tờ trình số 05/TTr-SNV ngày 06/01/2026 của Sở Nội vụ.",
      "2. Trích yếu: V/v ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026.",
      "II. RÀ SOÁT, TỔNG HỢP CỦA PHÒNG CHUYÊN MÔN",
      "5. Độ mật: Không",
      "PHÒNG XỬ LÝ CHÍNH: NỘI CHÍNH",
      ...extra,
    ].join("\n");
  const boxes = [
    "LÃNH ĐẠO VĂN PHÒNG ................................................ ........ Ngày      tháng 01 năm 2026 Trịnh Ngọc Duệ",
    "Chuyên viên Ngày 09 tháng 01 năm 2026 Trương Hải Châu",
    "Lãnh đạo phòng Ngày 09 tháng 01 năm 2026 Nguyễn Tuấn Anh",
    "KÍNH TRÌNH LÃNH ĐẠO UBND TỈNH",
    "....................................",
    "Ngày      tháng 01 năm 2026",
    "Nguyễn Ngọc Phúc",
  ];

  it.each([
    ["12-01/26/PT-NC", "12-01", "26/PT-NC"],
    ["112 -11/PT-NC", "112-11", "PT-NC"],
    ["    /PT-NC", null, "PT-NC"],
    // Negatives: a Party number keeps its letters after the hyphen; a hyphenated year is not a number part.
    ["67-KH/TU", "67", "KH/TU"],
  ])("Số: %s → number %s, symbol %s", (printed, number, symbol) => {
    const r = read(form(printed));
    expect(r.header.number).toBe(number);
    expect(r.header.symbol).toBe(symbol);
  });

  it("the trích yếu field is the subject when no trích yếu is printed under the title; its item stays in the body", () => {
    const r = read(form("12-01/26/PT-NC"));
    expect(r.subject).toBe("ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026");
    expect(r.text.slice(r.subjectSpan!.start, r.subjectSpan!.end)).toBe("ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026");
    expect(r.sections[0].children.map((c) => c.label)).toContain("2");
  });

  it("the 'Vấn đề trình' field of a phiếu trình giải quyết công việc", () => {
    const r = read(form("12/PT-NC").replace("PHIẾU TRÌNH\n", "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC\n").replace("2. Trích yếu: V/v", "1. Vấn đề trình:"));
    expect(r.type).toMatchObject({ code: "PT" });
    expect(r.subject).toBe("ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026");
  });

  it("a printed trích yếu wins over a field of the same name in the body", () => {
    const r = read(form("12/PT-NC").replace("PHIẾU TRÌNH\n", "PHIẾU TRÌNH\nV/v thành lập Hội đồng\n"));
    expect(r.subject).toBe("thành lập Hội đồng");
  });

  it("the sign-off box in capitals is the signature; staff boxes and the addressee's box are not", async () => {
    // One box a block, as the form's table cells come out of Word (a text export merges them).
    const { buildRecord } = await import("../../src/pipeline/build-record.js");
    const blocks = [...form("12-01/26/PT-NC").split("\n"), ...boxes].filter(Boolean).map((text) => ({ text, style: {} }));
    const r = buildRecord({ format: "doc", blocks, pages: null, warnings: [] }, { name: null, bytes: 1, sha256: "0".repeat(64) });
    checkRecord(r);
    expect(r.signature).toMatchObject({ authorities: [], position: "LÃNH ĐẠO VĂN PHÒNG", signer: "Trịnh Ngọc Duệ" });
    expect(r.text.slice(r.signature!.span.start, r.signature!.span.end)).toMatch(/^LÃNH ĐẠO VĂN PHÒNG .*Trịnh Ngọc Duệ$/u);
  });

  it("without sign-off boxes there is no signature, and an ordinary signature block is read as before", () => {
    expect(read(form("12/PT-NC", ["Chuyên viên Ngày 09 tháng 01 năm 2026 Trương Hải Châu"])).signature).toBeNull();
    const signed = read(form("12/PT-NC", ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CHÁNH VĂN PHÒNG", "Đỗ Tấn Sương"]));
    expect(signed.signature).toMatchObject({ position: "CHÁNH VĂN PHÒNG", signer: "Đỗ Tấn Sương" });
  });
});

describe("a trích yếu written 'Về …' under the Số line of the header table", () => {
  const blocks = (fourth: string) => [
    { text: "ỦY BAN NHÂN DÂN", zone: "header", column: "left" },
    { text: "TỈNH LÂM ĐỒNG", zone: "header", column: "left" },
    { text: "Số:            /UBND-NC", zone: "header", column: "left" },
    { text: fourth, zone: "header", column: "left" },
    { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", zone: "header", column: "right" },
    { text: "Độc lập - Tự do - Hạnh phúc", zone: "header", column: "right" },
    { text: "Lâm Đồng, ngày 06 tháng 01 năm 2026", zone: "header", column: "right" },
    { text: "Kính gửi: Hội Truyền thống Trường Sơn tỉnh Lâm Đồng" },
    { text: "Chủ tịch UBND tỉnh thông báo để Hội biết./." },
  ];
  it("is the subject, kept as printed", async () => {
    const { buildRecord } = await import("../../src/pipeline/build-record.js");
    const meta = { name: null, bytes: 1, sha256: "0".repeat(64) };
    const build = (fourth: string) =>
      buildRecord({ format: "doc", blocks: blocks(fourth).map((b) => ({ style: {}, ...b })) as never, pages: null, warnings: [] }, meta);
    const r = build("Về kết quả Đại hội Hội truyền thống Trường Sơn, nhiệm kỳ 2025 - 2030");
    checkRecord(r);
    expect(r.subject).toBe("Về kết quả Đại hội Hội truyền thống Trường Sơn, nhiệm kỳ 2025 - 2030");
    // Negative: another line there is not a trích yếu.
    expect(build("Văn phòng").subject).toBeNull();
  });
});

describe("the closing of a long PDF", () => {
  it("is found even when many footnotes and page numbers are placed after the last page", async () => {
    const { buildRecord } = await import("../../src/pipeline/build-record.js");
    const meta = { name: null, bytes: 1, sha256: "0".repeat(64) };
    const body = [
      { text: "SỞ NỘI VỤ" },
      { text: "Số: 12/BC-SNV" },
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" },
      { text: "Độc lập - Tự do - Hạnh phúc" },
      { text: "Lâm Đồng, ngày 02 tháng 3 năm 2026" },
      { text: "BÁO CÁO" },
      { text: "Kết quả thẩm định chỉ số cải cách hành chính" },
      { text: "Trên đây là kết quả thẩm định./." },
      { text: "Nơi nhận:" },
      { text: "- UBND tỉnh (báo cáo);" },
      { text: "- Lưu: VT, CCHC." },
      { text: "KT. GIÁM ĐỐC" },
      { text: "PHÓ GIÁM ĐỐC" },
      { text: "Trần Hữu Tuấn" },
    ];
    const asides = Array.from({ length: 80 }, (_, k) => ({ text: k % 2 ? `${k}` : `Ghi chú số ${k}.`, role: k % 2 ? "furniture" : "footnote", page: k + 1 }));
    const r = buildRecord({ format: "pdf", blocks: [...body, ...asides].map((b) => ({ style: {}, ...b })) as never, pages: 80, warnings: [] }, meta);
    expect(r.recipients.map((x) => x.name)).toEqual(["UBND tỉnh"]);
    expect(r.archive?.copies).toEqual(["VT", "CCHC"]);
    expect(r.signature).toMatchObject({ position: "PHÓ GIÁM ĐỐC", signer: "Trần Hữu Tuấn" });
  });
});

describe("texts attached after the signature", () => {
  const covering = (after: string[], signer = "Đỗ Tấn Sương") =>
    [
      HEADER(["UBND TỈNH LÂM ĐỒNG", "VĂN PHÒNG", "Số: 1376/VP-NC"], ["Lâm Đồng, ngày 06 tháng 4 năm 2026"]),
      "V/v xin ý kiến thành viên UBND tỉnh",
      "Kính gửi: Các đồng chí Thành viên UBND tỉnh.",
      "Văn phòng nhận được Tờ trình số 85/TTr-STP ngày 03/4/2026 của Sở Tư pháp.",
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT, NC.",
      "CHÁNH VĂN PHÒNG",
      ...(signer ? [signer] : []),
      ...after,
    ].join("\n\n");
  const draft = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH LÂM ĐỒNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "QUYẾT ĐỊNH",
    "Về việc phê duyệt Đề án tổ chức Đại hội",
    "Căn cứ Nghị định số 123/2013/NĐ-CP ngày 14 tháng 10 năm 2013 của Chính phủ;",
    "Điều 1. Phê duyệt Đề án.",
    "Điều 2. Quyết định này có hiệu lực từ ngày ký.",
  ];

  it("each is a section of kind attachment with its own tree; the covering text keeps its own", () => {
    const r = read(covering(draft));
    expect(r.sections.map((s) => [s.kind, s.label])).toEqual([["attachment", "QUYẾT ĐỊNH"]]);
    expect(r.sections[0].children.map((c) => c.id)).toEqual(["TL1.Đ1", "TL1.Đ2"]);
    expect(r.signature).toMatchObject({ position: "CHÁNH VĂN PHÒNG", signer: "Đỗ Tấn Sương" });
    expect(r.warnings.map((w) => w.code)).not.toContain("section_numbering_gap");
  });

  it("a second quốc hiệu starts a second attached text", () => {
    const form = ["THÀNH VIÊN UBND TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "PHIẾU GHI Ý KIẾN", "1. Tán thành hoàn toàn", "2. Không tán thành"];
    const r = read(covering([...form, ...draft]));
    expect(r.sections.map((s) => s.label)).toEqual(["PHIẾU GHI Ý KIẾN", "QUYẾT ĐỊNH"]);
  });

  it("not without a signer (a sample form inside the body), nor for a mark under the signature", () => {
    const unsigned = read(covering(draft, ""));
    expect(unsigned.sections.some((s) => s.kind === "attachment")).toBe(false);
    const marked = read(covering(["DỰ THẢO"]));
    expect(marked.sections.some((s) => s.kind === "attachment")).toBe(false);
  });
});

describe("section numbering", () => {
  it("Điều run on across Chương without a gap warning; a real gap still warns", () => {
    const law = (third: string) =>
      read(["QUY CHẾ", "", "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi", "Điều 2. Đối tượng", "Chương II", "TỔ CHỨC", `${third}. Cơ cấu`].join("\n"));
    expect(law("Điều 3").warnings.map((w) => w.code)).not.toContain("section_numbering_gap");
    expect(law("Điều 5").warnings.map((w) => w.code)).toContain("section_numbering_gap");
  });

  it.each([
    ["Điều 35 Nghị định số 126/2024/NĐ-CP.", false],
    ["Điều 13 của Thông tư số 05/2021/TT-BTP.", false],
    ["Điều 15 Nghị định này để đề nghị phê duyệt.", false],
    // Negatives: article headings, with and without punctuation after the number.
    ["Điều 35. Quyền của hội viên", true],
    ["Điều 35 Quyền của hội viên", true],
  ])("a line opening %j after a wrapped sentence is an article: %s", (line, article) => {
    const r = read(["BÁO CÁO", "Kết quả rà soát", "", "1. Hồ sơ đề nghị giải thể thực hiện theo quy định tại khoản 2", line, "2. Kiến nghị", "Đề nghị Ủy ban nhân dân tỉnh xem xét."].join("\n"));
    const articles = r.sections.flatMap((s) => [s, ...s.children]).filter((s) => s.kind === "article");
    expect(articles.length > 0).toBe(article);
    if (!article) {
      expect(r.warnings.some((w) => w.code === "section_numbering_gap")).toBe(false);
      expect(r.sections.map((s) => s.label)).toEqual(["1", "2"]);
      if (!line.includes("này")) expect(r.citations[0]?.pinpoints[0]).toMatchObject({ article: line.split(" ")[1] });
    }
  });

  it.each([
    [["a", "b", "c", "d", "đ", "e", "g"], false],
    // The Latin alphabet, as many reports letter their điểm.
    [["a", "b", "c", "d", "e", "f", "g"], false],
    // Negatives: a letter skipped in either alphabet.
    [["a", "b", "d"], true],
    [["d", "g"], true],
  ])("điểm lettered %j: a gap warning is %s", (letters, gap) => {
    const r = read(["KẾ HOẠCH", "Tuyên truyền", "", "1. Nhiệm vụ", ...letters.map((l) => `${l}) Nội dung ${l} được thực hiện.`)].join("\n"));
    expect(r.warnings.some((w) => w.code === "section_numbering_gap")).toBe(gap);
  });
});

describe("a handwritten number OCR garbled", () => {
  it.each([
    ["Số: 4 Q8/TTr-CAT", null, "TTr-CAT", true],
    ["Số: Ab/TTr-CAT", null, "TTr-CAT", true],
    ["Số:4Í7 Ÿ /QĐ-BTP", null, "QĐ-BTP", true],
    // Negatives: a clean number, a blank one.
    ["Số: 409/TTr-CAT", "409", "TTr-CAT", false],
    ["Số:      /TTr-CAT", null, "TTr-CAT", false],
  ])("%s → number %s, symbol %s, warned %s", (line, number, symbol, warned) => {
    const r = read([HEADER(["CÔNG AN TỈNH LÂM ĐỒNG", line]), "", "TỜ TRÌNH", "Về việc thành lập hội đồng", "Nội dung."].join("\n"));
    expect(r.header.number).toBe(number);
    expect(r.header.symbol).toBe(symbol);
    expect(r.warnings.some((w) => w.code === "header_number_unreadable")).toBe(warned);
  });
});

describe("a Số line OCR read onto the issuer's line", () => {
  it.each([
    ["BỘ TƯ PHÁP Số:4Í7 Ÿ /QĐ-BTP", null, true],
    // Negative: a clean number on the same line.
    ["BỘ TƯ PHÁP Số: 447/QĐ-BTP", "447", false],
  ])("%s → issuer BỘ TƯ PHÁP, number %s, warned %s", (line, number, warned) => {
    const r = read([HEADER([line]), "", "QUYẾT ĐỊNH", "Về việc phê duyệt Điều lệ", "Nội dung."].join("\n"));
    expect(r.header.issuer?.name ?? r.header.issuer?.parent).toBe("BỘ TƯ PHÁP");
    expect(r.header.number).toBe(number);
    expect(r.header.symbol).toBe("QĐ-BTP");
    expect(r.warnings.some((w) => w.code === "header_number_unreadable")).toBe(warned);
  });
});

describe("a handwritten date OCR garbled", () => {
  it.each([
    ["Lâm Đồng, ngàu$Ô tháng J1] năm 2025", null, 2025, true],
    // Negative: a clean date, and a blank one (a draft) that is no OCR noise.
    ["Lâm Đồng, ngày 26 tháng 11 năm 2025", "2025-11-26", 2025, false],
    ["Lâm Đồng, ngày      tháng 11 năm 2025", null, 2025, false],
  ])("%s → date %s, year %s, warned %s", (line, date, year, warned) => {
    const r = read([HEADER(["CÔNG AN TỈNH LÂM ĐỒNG", "Số: 409/TTr-CAT"], [line]), "", "TỜ TRÌNH", "Về việc thành lập hội đồng", "Nội dung."].join("\n"));
    expect(r.header).toMatchObject({ place: "Lâm Đồng", date, year });
    expect(r.warnings.some((w) => w.code === "header_date_unreadable")).toBe(warned);
  });
});

describe("a title in capitals over several lines", () => {
  it("does not run on across a trích yếu read between its lines (found by the property test)", () => {
    const r = read("CHỦ TỊCH\nV/v tăng cường\nCHỦ TỊCH");
    expect(r.title).toBe("CHỦ TỊCH");
    expect(r.text.slice(r.titleSpan!.start, r.titleSpan!.end)).toBe("CHỦ TỊCH");
  });
});
