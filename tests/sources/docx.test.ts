import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Deflate, deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import type { Block, SourceDocument } from "../../src/blocks/block.js";
import { ParseOptionsSchema } from "../../src/schema/options.js";
import { readDocx } from "../../src/sources/docx/index.js";
import { expectError } from "../helpers/errors.js";

const OPTIONS = ParseOptionsSchema.parse({});
const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");

async function readFixture(slug: string): Promise<SourceDocument> {
  return readDocx(new Uint8Array(readFileSync(join(FIXTURES, slug, "input.docx"))), OPTIONS);
}

const texts = (blocks: Block[]) => blocks.map((b) => b.text);
const zone = (doc: SourceDocument, z: "header" | "closing", column: "left" | "right") =>
  texts(doc.blocks.filter((b) => b.zone === z && b.column === column));
const find = (doc: SourceDocument, pattern: RegExp) => doc.blocks.find((b) => pattern.test(b.text));

/** Invariants every DOCX read must keep. */
function checkBlocks(doc: SourceDocument): void {
  expect(doc.format).toBe("docx");
  expect(doc.blocks.length).toBeGreaterThan(0);
  let lastBody = -1;
  let firstNote = Infinity;
  doc.blocks.forEach((b, i) => {
    expect(b.text.trim(), `block ${i} is empty`).not.toBe("");
    expect(b.text).not.toMatch(/[\n\r]/u);
    // Drawing anchor offsets (wp:posOffset) glued to text, as in "488950444500Số:".
    expect(b.text).not.toMatch(/\d{6,}\p{L}/u);
    expect(b.text).not.toMatch(/[\uE000-\uF8FF]/u);
    for (const m of b.marks ?? []) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(b.text.length);
      expect(m.start).toBeLessThanOrEqual(m.end);
    }
    if (b.role === "footnote" || b.role === "endnote") firstNote = Math.min(firstNote, i);
    else if (b.role !== "furniture") lastBody = i;
  });
  expect(lastBody).toBeLessThan(firstNote);
  // Every reference has a definition printed with the same label.
  const definitions = new Set(doc.blocks.filter((b) => b.role === "footnote" || b.role === "endnote").map((b) => `${b.role}:${b.footnoteLabel}`));
  for (const b of doc.blocks) {
    for (const m of b.marks ?? []) {
      if (m.kind !== "footnoteRef") continue;
      expect(b.text.slice(m.start, m.end)).toBe(m.label);
      expect(definitions.has(`footnote:${m.label}`) || definitions.has(`endnote:${m.label}`), `no definition for ${m.label}`).toBe(true);
    }
  }
  // Header-zone blocks come first (after at most a few stamps like "DỰ THẢO"), left column before right.
  const header = doc.blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.zone === "header");
  if (header.length) {
    expect(header[0].i).toBeLessThanOrEqual(3);
    const lastLeft = Math.max(...header.filter(({ b }) => b.column === "left").map(({ i }) => i));
    const firstRight = Math.min(...header.filter(({ b }) => b.column === "right").map(({ i }) => i));
    expect(lastLeft).toBeLessThan(firstRight);
  }
}

describe("readDocx on real documents", () => {
  it("bc-ubnd-laocai-chithi-38: header table in two columns, blank number, closing table", async () => {
    const doc = await readFixture("bc-ubnd-laocai-chithi-38");
    checkBlocks(doc);
    expect(doc.pages).toBe(6);
    expect(zone(doc, "header", "left")).toEqual(["UỶ BAN NHÂN DÂN", "TỈNH LÀO CAI", expect.stringMatching(/^Số:\s+\/BC-UBND$/u)]);
    expect(zone(doc, "header", "right")).toEqual([
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      expect.stringMatching(/^Lào Cai, ngày\s+tháng\s+năm 2026$/u),
    ]);
    expect(doc.blocks[0].style.headingLevel).toBeUndefined();
    const title = find(doc, /^BÁO CÁO$/u)!;
    expect(title.style).toMatchObject({ bold: true, align: "center" });
    expect(title.zone).toBeUndefined();
    expect(zone(doc, "closing", "left")[0]).toBe("Nơi nhận:");
    expect(zone(doc, "closing", "left")).toContain("- Lưu: VT, KT(Thủy, Nho).");
    expect(zone(doc, "closing", "right")).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh"]);
    expect(doc.blocks.slice(-11).every((b) => b.zone === "closing")).toBe(true);
  });

  it("gm-ubnd-laocai: a footnote reference links to its definition, at the end", async () => {
    const doc = await readFixture("gm-ubnd-laocai");
    checkBlocks(doc);
    const ref = find(doc, /cụm công nghiệp trên địa bàn1\.$/u)!;
    const mark = ref.marks!.find((m) => m.kind === "footnoteRef")!;
    expect(mark).toMatchObject({ label: "1" });
    expect(ref.text.slice(mark.start, mark.end)).toBe("1");
    expect(ref.marks).toContainEqual({ kind: "sup", start: mark.start, end: mark.end });
    const note = doc.blocks[doc.blocks.length - 1];
    expect(note).toMatchObject({ role: "footnote", footnoteLabel: "1" });
    expect(note.text).toMatch(/^UBND các xã, phường: Gia Phú, Văn Bàn/u);
    // The "Kính gửi" table is layout: its lines read in order, outside any zone or table.
    const kinhGui = doc.blocks.findIndex((b) => b.text === "Kính gửi:");
    expect(doc.blocks[kinhGui + 1].text).toBe("- Đồng chí Nguyễn Tuấn Anh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh;");
    expect(doc.blocks[kinhGui + 1].zone ?? doc.blocks[kinhGui + 1].table).toBeUndefined();
    expect(zone(doc, "closing", "right")).toEqual(["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Hoàng Ngọc Bích"]);
  });

  it("cv-ubnd-laocai-chidao: V/v in the left header column, wrapped addressee joined", async () => {
    const doc = await readFixture("cv-ubnd-laocai-chidao");
    checkBlocks(doc);
    const left = zone(doc, "header", "left");
    expect(left[2]).toMatch(/^Số:\s+\/UBND-KT$/u);
    expect(left[3]).toMatch(/^V\/v triển khai di dời cụm công nghiệp Đầm Hồng/u);
    expect(texts(doc.blocks)).toContain("- Các Sở: Công Thương, Tài chính, Xây dựng, Nông nghiệp và Môi trường;");
    expect(doc.pages).toBe(2);
  });

  it("bc-vp-ubnd-laocai: parent body + issuer, content tables one cell per block, signature-only closing", async () => {
    const doc = await readFixture("bc-vp-ubnd-laocai");
    checkBlocks(doc);
    expect(doc.pages).toBe(26);
    expect(zone(doc, "header", "left").slice(1)).toEqual(["VĂN PHÒNG", expect.stringMatching(/^Số:\s+\/BC-VP$/u)]);
    expect(zone(doc, "closing", "right")).toEqual(["VĂN PHÒNG UBND TỈNH"]);
    const header = doc.blocks.filter((b) => b.table?.index === 0 && b.table.row === 0);
    expect(texts(header)).toEqual(["TT", "Cụm công nghiệp", "Địa điểm", "Diện tích (ha)", "Tỷ lệ lấp đầy (%)", "Chủ đầu tư/đơn vị quản lý"]);
    expect(header.every((b) => b.style.bold)).toBe(true);
    const cell = find(doc, /^Đầm Hồng$/u)!;
    const row = doc.blocks.filter((b) => b.table?.index === 0 && b.table.row === cell.table!.row);
    expect(texts(row)).toEqual(["1", "Đầm Hồng", "Phường Yên Bái, phường Văn Phú", "16", "100", "UBND phường Yên Bái và phường Văn Phú"]);
    expect(cell.table).toEqual({ index: 0, row: 2, col: 1 });
    expect(cell.role ?? "body").toBe("body");
    // Rows of each table come in order.
    for (let index = 0; index < 3; index++) {
      const rows = doc.blocks.filter((b) => b.table?.index === index).map((b) => b.table!.row);
      expect(rows.length).toBeGreaterThan(5);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
    }
  });

  it("nd-30-2020-nd-cp: decree header, Điều headings bold, wrapped recipients joined", async () => {
    const doc = await readFixture("nd-30-2020-nd-cp");
    checkBlocks(doc);
    expect(zone(doc, "header", "left")).toContain("Số: 30/2020/NĐ-CP");
    expect(zone(doc, "header", "right")).toContain("Hà Nội, ngày 05 tháng 3 năm 2020");
    expect(find(doc, /^Điều 1\. Phạm vi điều chỉnh$/u)!.style.bold).toBe(true);
    expect(find(doc, /^Căn cứ Luật Tổ chức Chính phủ/u)!.style.italic).toBe(true);
    expect(zone(doc, "closing", "left")).toContain("- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;");
    expect(zone(doc, "closing", "right")).toEqual(expect.arrayContaining(["TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Nguyễn Xuân Phúc"]));
  });

  it("nd-30-2020-phuluc-3: list numbering labels printed in table cells, restarting", async () => {
    const doc = await readFixture("nd-30-2020-phuluc-3");
    checkBlocks(doc);
    expect(doc.pages).toBeNull();
    const cells = doc.blocks.filter((b) => b.table?.index === 0);
    const rows = [...new Set(cells.map((b) => b.table!.row))].map((n) => texts(cells.filter((b) => b.table!.row === n)).join(" | "));
    expect(rows[0]).toBe("STT | Tên loại văn bản hành chính | Chữ viết tắt");
    expect(rows[1]).toBe("1. | Nghị quyết (cá biệt) | NQ");
    expect(rows).toContain("27. | Phiếu báo | PB");
    expect(rows).toContain("1. | Bản sao y | SY");
  });

  it("nd-30-2020-phuluc-1: text boxes read once, a footnote referenced from a table row", async () => {
    const doc = await readFixture("nd-30-2020-phuluc-1");
    checkBlocks(doc);
    const all = texts(doc.blocks).join("\n");
    expect(all.split("PHẦN CUỐI CÙNG CỦA VĂN BẢN ĐƯỢC SAO").length - 1).toBe(1);
    expect(all.split("15 - 20  mm").length - 1).toBe(1);
    const row = doc.blocks.filter((b) => b.table && b.table.row === find(doc, /^STT$/u)!.table!.row && b.table.index === find(doc, /^STT$/u)!.table!.index);
    expect(row[1].text).toMatch(/^Thành phần thể thức/u);
    expect(row.flatMap((b) => b.marks ?? []).find((m) => m.kind === "footnoteRef")?.label).toBe("1");
    expect(doc.blocks.filter((b) => b.role === "footnote").map((b) => b.footnoteLabel)).toEqual(["1"]);
  });

  it("qd-ubnd-laocai-uyquyen-duthao: signature lines pushed apart with spaces are split", async () => {
    const doc = await readFixture("qd-ubnd-laocai-uyquyen-duthao");
    checkBlocks(doc);
    expect(zone(doc, "header", "left")[2]).toMatch(/^Số:\s+\/QĐ-UBND$/u);
    expect(zone(doc, "closing", "right")).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh"]);
    const articles = texts(doc.blocks).filter((t) => /^Điều \d/u.test(t)).map((t) => t.slice(0, 7));
    expect(articles).toEqual(["Điều 1.", "Điều 2.", "Điều 3.", "Điều 4."]);
  });
});

// ---------------------------------------------------------------------------------------------
// Synthetic packages: a minimal zip writer, so tests control every byte (sizes may lie on purpose).

interface ZipPart {
  name: string;
  /** Content, deflated by the writer. */
  data?: Uint8Array;
  /** Already-deflated content and the uncompressed size to declare. */
  raw?: { compressed: Uint8Array; declaredSize: number };
}

function makeZip(parts: ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = strToU8(part.name);
    const compressed = part.raw?.compressed ?? deflateSync(part.data ?? new Uint8Array(0));
    const size = part.raw?.declaredSize ?? part.data?.length ?? 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, compressed.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const entry = new Uint8Array(46 + name.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, compressed.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    entry.set(name, 46);
    chunks.push(local, compressed);
    central.push(entry);
    offset += local.length + compressed.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const NS = `${W} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function docxPackage(body: string, extra: Record<string, string> = {}, rels: string[] = []): Uint8Array {
  const parts: Record<string, string> = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${body}</w:body></w:document>`,
    ...extra,
  };
  return makeZip(Object.entries(parts).map(([name, xml]) => ({ name, data: strToU8(xml) })));
}

const p = (inner: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${inner}</w:p>`;
const r = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const numPr = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;


describe("readDocx on synthetic packages", () => {
  it("prints list labels from numbering.xml: decimal, letters, roman, bullets, restarts", async () => {
    const lvl = (ilvl: number, fmt: string, text: string) =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = `<?xml version="1.0"?><w:numbering ${W}>
      <w:abstractNum w:abstractNumId="0">${lvl(0, "upperRoman", "%1.")}${lvl(1, "decimal", "%2.")}${lvl(2, "lowerLetter", "%3)")}${lvl(3, "decimal", "%2.%4.")}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1">${lvl(0, "bullet", "-")}${lvl(1, "bullet", "\uF0B7")}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>`;
    const body = [
      p(r("MỤC TIÊU"), numPr(1, 0)),
      p(r("Mục tiêu chung"), numPr(1, 1)),
      p(r("phát triển công nghiệp;"), numPr(1, 2)),
      p(r("thu hút đầu tư;"), numPr(1, 2)),
      p(r("Chỉ tiêu cụ thể"), numPr(1, 3)),
      p(r("Mục tiêu riêng"), numPr(1, 1)),
      p(r("tăng trưởng;"), numPr(1, 2)),
      p(r("Tiếp tục rà soát;"), numPr(2, 0)),
      p(r("Rà soát quy hoạch;"), numPr(2, 1)),
      p(r("NHIỆM VỤ"), numPr(1, 0)),
      p(r("Giải pháp"), numPr(1, 1)),
      p(r("DANH SÁCH MỚI"), numPr(3, 0)),
    ].join("");
    const doc = await readDocx(
      docxPackage(body, { "word/numbering.xml": numbering }, [`<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>`]),
      OPTIONS,
    );
    checkBlocks(doc);
    expect(texts(doc.blocks)).toEqual([
      "I. MỤC TIÊU",
      "1. Mục tiêu chung",
      "a) phát triển công nghiệp;",
      "b) thu hút đầu tư;",
      "1.1. Chỉ tiêu cụ thể",
      "2. Mục tiêu riêng",
      "a) tăng trưởng;",
      "- Tiếp tục rà soát;",
      "• Rà soát quy hoạch;",
      "II. NHIỆM VỤ",
      "1. Giải pháp",
      "I. DANH SÁCH MỚI",
    ]);
  });

  it("labels footnotes 1, 2 and endnotes i, a custom mark as typed, definitions after the body", async () => {
    const ref = (kind: "footnote" | "endnote", id: number) => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="${id}"/></w:r>`;
    const body = [
      p(`${r("Theo Quyết định số 12/QĐ-UBND")}${ref("footnote", 2)}${r(" và Kế hoạch số 5/KH-UBND")}${ref("footnote", 3)}${r(".")}`),
      p(`${r("Tổng vốn 4.014,89 tỷ đồng")}${ref("endnote", 2)}${r(".")}`),
      p(`${r("Ghi chú riêng")}<w:r><w:footnoteReference w:customMarkFollows="1" w:id="4"/><w:t>*</w:t></w:r>${r(".")}`),
    ].join("");
    const note = (kind: string, id: number, text: string, mark = `<w:r><w:${kind}Ref/></w:r>`) => `<w:${kind} w:id="${id}">${p(`${mark}${r(` ${text}`)}`)}</w:${kind}>`;
    const separators = (kind: string) => `<w:${kind} w:type="separator" w:id="-1">${p("<w:r><w:separator/></w:r>")}</w:${kind}><w:${kind} w:type="continuationSeparator" w:id="0">${p("<w:r><w:continuationSeparator/></w:r>")}</w:${kind}>`;
    const footnotes = `<?xml version="1.0"?><w:footnotes ${W}>${separators("footnote")}${note("footnote", 3, "Kế hoạch năm 2025.")}${note("footnote", 2, "Quyết định ngày 10/6/2025.")}${note("footnote", 4, "Ghi chú tùy chỉnh.", r("*"))}${note("footnote", 9, "Không ai dẫn chiếu.")}</w:footnotes>`;
    const endnotes = `<?xml version="1.0"?><w:endnotes ${W}>${separators("endnote")}${note("endnote", 2, "Số liệu ước tính.")}</w:endnotes>`;
    const doc = await readDocx(
      docxPackage(body, { "word/footnotes.xml": footnotes, "word/endnotes.xml": endnotes }, [
        `<Relationship Id="rId3" Type="${REL}/footnotes" Target="footnotes.xml"/>`,
        `<Relationship Id="rId4" Type="${REL}/endnotes" Target="endnotes.xml"/>`,
      ]),
      OPTIONS,
    );
    checkBlocks(doc);
    const [first, second, third] = doc.blocks;
    expect(first.text).toBe("Theo Quyết định số 12/QĐ-UBND1 và Kế hoạch số 5/KH-UBND2.");
    expect(first.marks?.filter((m) => m.kind === "footnoteRef")).toEqual([
      { kind: "footnoteRef", start: 29, end: 30, label: "1" },
      { kind: "footnoteRef", start: 55, end: 56, label: "2" },
    ]);
    expect(second.text).toBe("Tổng vốn 4.014,89 tỷ đồngi.");
    expect(second.marks).toContainEqual({ kind: "footnoteRef", start: 25, end: 26, label: "i" });
    expect(third.text).toBe("Ghi chú riêng*.");
    const notes = doc.blocks.filter((b) => b.role === "footnote" || b.role === "endnote");
    expect(notes.map((b) => [b.role, b.footnoteLabel, b.text])).toEqual([
      ["footnote", "1", "Quyết định ngày 10/6/2025."],
      ["footnote", "2", "Kế hoạch năm 2025."],
      ["footnote", "*", "Ghi chú tùy chỉnh."],
      ["footnote", undefined, "Không ai dẫn chiếu."],
      ["endnote", "i", "Số liệu ước tính."],
    ]);
    expect(doc.warnings.map((w) => w.code)).toEqual(["footnote_without_reference"]);
  });

  it("keeps text-box text once and never the drawing's position numbers", async () => {
    const textBox = (text: string) => `<w:txbxContent>${p(r(text))}</w:txbxContent>`;
    const anchor = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>488950</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>444500</wp:posOffset></wp:positionV><wps:wsp><wps:txbx>${textBox("DỰ THẢO")}</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${textBox("DỰ THẢO")}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = p(`${anchor}${r("Số: 12/QĐ-UBND")}`) + p(r("Nội dung."));
    const doc = await readDocx(docxPackage(body), OPTIONS);
    checkBlocks(doc);
    expect(texts(doc.blocks)).toEqual(["Số: 12/QĐ-UBND", "DỰ THẢO", "Nội dung."]);
  });

  it("reads headings, alignment, sizes, caps; skips hidden and deleted text; keeps field results", async () => {
    const styles = `<?xml version="1.0"?><w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style></w:styles>`;
    const body = [
      p(r("quyết định"), '<w:pStyle w:val="Title"/><w:jc w:val="center"/><w:rPr/>').replace("<w:t", "<w:rPr><w:caps/></w:rPr><w:t"),
      p(r("Chương I"), '<w:pStyle w:val="Heading2"/>'),
      p(`${r("Điều 1. ", "<w:b/>")}${r("Phạm vi điều chỉnh")}`, '<w:jc w:val="both"/><w:ind w:left="720" w:firstLine="567"/>'),
      p(`${r("Văn bản ")}${r("bí mật ", "<w:vanish/>")}<w:del><w:r><w:delText>đã xóa </w:delText></w:r></w:del><w:ins>${r("mới ")}</w:ins>${r("số ")}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF bm1 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("15")}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r(".")}`),
      p(`${r("Kính gửi:")}<w:r><w:br/></w:r>${r("- Sở Tài chính;")}<w:r><w:br/></w:r>${r("- Sở Xây dựng,")}<w:r><w:br/></w:r>${r("Giao thông.")}`, '<w:jc w:val="right"/>'),
    ].join("");
    const doc = await readDocx(
      docxPackage(body, { "word/styles.xml": styles }, [`<Relationship Id="rId5" Type="${REL}/styles" Target="styles.xml"/>`]),
      OPTIONS,
    );
    checkBlocks(doc);
    // Lines after a soft break (w:br) are unwrapped like any hard-wrapped line.
    expect(texts(doc.blocks)).toEqual([
      "QUYẾT ĐỊNH",
      "Chương I",
      "Điều 1. Phạm vi điều chỉnh",
      "Văn bản mới số 15.",
      "Kính gửi:",
      "- Sở Tài chính;",
      "- Sở Xây dựng, Giao thông.",
    ]);
    expect(doc.blocks[0].style).toMatchObject({ headingLevel: 1, bold: true, fontSize: 16, align: "center" });
    expect(doc.blocks[1].style).toMatchObject({ headingLevel: 2, bold: true, fontSize: 14, align: "center" });
    expect(doc.blocks[2].style).toMatchObject({ align: "justify", indent: 36, firstLineIndent: 28.35 });
    expect(doc.blocks[2].style.bold).toBeUndefined();
    expect(doc.blocks[2].marks).toEqual([{ kind: "bold", start: 0, end: 7 }]);
    expect(doc.blocks[4].style.align).toBe("right");
    expect(doc.pages).toBeNull();
  });

  it("running headers become furniture; page-number fields are left out", async () => {
    const header = `<?xml version="1.0"?><w:hdr ${W}>${p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("3")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`)}</w:hdr>`;
    const footer = `<?xml version="1.0"?><w:ftr ${W}>${p(r("VĂN BẢN DỰ THẢO"))}</w:ftr>`;
    const app = '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Pages>3</Pages></Properties>';
    const doc = await readDocx(
      docxPackage(p(r("Nội dung.")), { "word/header1.xml": header, "word/footer1.xml": footer, "docProps/app.xml": app }, [
        `<Relationship Id="rId6" Type="${REL}/header" Target="header1.xml"/>`,
        `<Relationship Id="rId7" Type="${REL}/footer" Target="/word/footer1.xml"/>`,
      ]),
      OPTIONS,
    );
    checkBlocks(doc);
    expect(doc.blocks.map((b) => [b.role ?? "body", b.text])).toEqual([
      ["body", "Nội dung."],
      ["furniture", "VĂN BẢN DỰ THẢO"],
    ]);
    expect(doc.pages).toBe(3);
  });
});

describe("readDocx reads XML by namespace", () => {
  const M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"';
  const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

  it("reads math text (m:t) where the formula stands, never drawing text (a:t) or a foreign t", async () => {
    const math = `<m:oMath ${M}><m:r><m:t>x²</m:t></m:r><m:r><m:t>+1</m:t></m:r></m:oMath>`;
    // A chart or SmartArt label inside a drawing, and an element named "t" in another namespace.
    const drawing = `<w:r><w:drawing><wp:inline><a:graphic ${A}><a:graphicData><a:p><a:r><a:t>NHÃN BIỂU ĐỒ</a:t></a:r></a:p></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const foreign = `<w:r><x:t xmlns:x="urn:example:other">KHÔNG IN</x:t></w:r>`;
    const body = p(`${r("Giá trị ")}${math}${r(" ước tính.")}`) + p(`${drawing}${foreign}${r("Nội dung.")}`);
    const doc = await readDocx(docxPackage(body), OPTIONS);
    expect(texts(doc.blocks)).toEqual(["Giá trị x²+1 ước tính.", "Nội dung."]);
  });

  it("matches elements by namespace, whatever prefix the generator chose", async () => {
    const document = `<?xml version="1.0"?><ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body><ns0:p><ns0:pPr><ns0:jc ns0:val="center"/></ns0:pPr><ns0:r><ns0:rPr><ns0:b/></ns0:rPr><ns0:t>QUYẾT ĐỊNH</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`;
    const doc = await readDocx(docxPackage("", { "word/document.xml": document }), OPTIONS);
    expect(doc.blocks.map((b) => [b.text, b.style.align, b.style.bold])).toEqual([["QUYẾT ĐỊNH", "center", true]]);
  });

  it("malformed XML is corrupt, naming the part", async () => {
    const broken = docxPackage(p(r("Số: 12/QĐ-UBND")) + "<w:p><w:r><w:t>không đóng</w:r></w:p>");
    await expectError(readDocx(broken, OPTIONS), "corrupt");
    await expect(readDocx(broken, OPTIONS)).rejects.toThrow(/word\/document\.xml is not well-formed XML/);
    const styles = docxPackage(p(r("Nội dung.")), { "word/styles.xml": `<w:styles ${W}><w:style></w:styles>` });
    await expect(readDocx(styles, OPTIONS)).rejects.toThrow(/word\/styles\.xml is not well-formed XML/);
  });

  it("does not expand entities declared in a DTD", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${NS}><w:body>${p(r("&b;"))}</w:body></w:document>`;
    await expectError(readDocx(docxPackage("", { "word/document.xml": bomb }), OPTIONS), "corrupt");
  });
});

describe("readDocx refuses unreadable or hostile input", () => {
  it("a zip without word/document.xml is corrupt", async () => {
    const zip = makeZip([{ name: "[Content_Types].xml", data: strToU8("<Types/>") }, { name: "word/styles.xml", data: strToU8("<w:styles/>") }]);
    await expectError(readDocx(zip, OPTIONS), "corrupt");
  });

  it("random bytes, a truncated zip and an empty input are refused", async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    await expectError(readDocx(random, OPTIONS), "corrupt");
    const real = new Uint8Array(readFileSync(join(FIXTURES, "gm-ubnd-laocai", "input.docx")));
    await expectError(readDocx(real.subarray(0, real.length / 2), OPTIONS), "corrupt");
    await expectError(readDocx(new Uint8Array(0), OPTIONS), "empty_input");
  });

  it("a password-protected DOCX (OLE container with an EncryptedPackage stream) is encrypted", async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "EncryptedPackage";
    for (let i = 0; i < name.length; i++) ole[1024 + i * 2] = name.charCodeAt(i);
    await expectError(readDocx(ole, OPTIONS), "encrypted");
  });

  it("parts inflating beyond maxUncompressedBytes are too_large", async () => {
    const real = new Uint8Array(readFileSync(join(FIXTURES, "gm-ubnd-laocai", "input.docx")));
    await expectError(readDocx(real, { ...OPTIONS, maxUncompressedBytes: 10_000 }), "too_large");
  });

  it("a ~300 MB zip bomb fails fast, whether its declared size is honest or a lie", async () => {
    // 1 MiB of zeros deflated once, ended with a sync flush, then repeated: 300 MiB inflated.
    const pieces: Uint8Array[] = [];
    const deflater = new Deflate({ level: 9 }, (chunk) => pieces.push(chunk));
    deflater.push(new Uint8Array(1 << 20));
    deflater.flush(true);
    const block = Uint8Array.from(pieces.flatMap((c) => [...c]));
    const copies = 300;
    const compressed = new Uint8Array(block.length * copies + 2);
    for (let i = 0; i < copies; i++) compressed.set(block, i * block.length);
    compressed.set([0x03, 0x00], block.length * copies); // final empty fixed-Huffman block
    expect(compressed.length).toBeLessThan(2_000_000);
    const bomb = (declaredSize: number) =>
      makeZip([
        { name: "[Content_Types].xml", data: strToU8("<Types/>") },
        { name: "word/document.xml", raw: { compressed, declaredSize } },
      ]);
    const before = process.memoryUsage().arrayBuffers;
    await expectError(readDocx(bomb(copies << 20), OPTIONS), "too_large");
    await expectError(readDocx(bomb(4096), OPTIONS), "too_large");
    await expectError(readDocx(bomb(4096), { ...OPTIONS, maxUncompressedBytes: 1 << 20 }), "too_large");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
  });
});
