import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Block, SourceDocument } from "../../src/blocks/block.js";
import { ParseOptionsSchema } from "../../src/schema/options.js";
import { readDoc } from "../../src/sources/doc/index.js";
import { expectError } from "../helpers/errors.js";

const OPTIONS = ParseOptionsSchema.parse({});
const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");

const fixtureBytes = (slug: string) => new Uint8Array(readFileSync(join(FIXTURES, slug, "input.doc")));
const readFixture = (slug: string) => readDoc(fixtureBytes(slug), OPTIONS);
const texts = (blocks: Block[]) => blocks.map((b) => b.text);
const zone = (doc: SourceDocument, z: "header" | "closing", column: "left" | "right") =>
  texts(doc.blocks.filter((b) => b.zone === z && b.column === column));

function checkBlocks(doc: SourceDocument): void {
  expect(doc.format).toBe("doc");
  expect(doc.pages).toBeNull();
  let lastBody = -1;
  let firstNote = Infinity;
  doc.blocks.forEach((b, i) => {
    expect(b.text.trim(), `block ${i} is empty`).not.toBe("");
    expect(b.text).not.toMatch(/[\n\r\t\u0000-\u0008\uE000-\uF8FF]/u);
    if (b.role === "footnote" || b.role === "endnote") firstNote = Math.min(firstNote, i);
    else if (b.role !== "furniture") lastBody = i;
  });
  expect(lastBody).toBeLessThan(firstNote);
  const labels = new Set(doc.blocks.filter((b) => b.role === "footnote" || b.role === "endnote").map((b) => b.footnoteLabel));
  for (const b of doc.blocks) {
    for (const m of b.marks ?? []) {
      if (m.kind === "footnoteRef") {
        expect(b.text.slice(m.start, m.end)).toBe(m.label);
        expect(labels.has(m.label)).toBe(true);
      }
    }
  }
}


describe("readDoc on Word 97–2003 files", () => {
  it("cv-2019-sct-laocai-mo-da (real .doc): header and closing tables in columns, body in order", async () => {
    const doc = await readFixture("cv-2019-sct-laocai-mo-da");
    checkBlocks(doc);
    expect(zone(doc, "header", "left")).toEqual([
      "UBND TỈNH LÀO CAI",
      "SỞ CÔNG THƯƠNG",
      expect.stringMatching(/^Số:\s+\/SCT-KT$/u),
      "V/v tham gia ý kiến về TKCS dự án khai thác đá làm VLXD tại mỏ đá Sâu Chua",
    ]);
    expect(zone(doc, "header", "right")).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      expect.stringMatching(/^Lào Cai,\s+ngày\s+tháng 5\s+năm 2019$/u),
    ]);
    const body = doc.blocks.filter((b) => !b.zone);
    expect(body[0].text).toMatch(/^Kính gửi:\s+Sở Giao thông vận tải - Xây dựng tỉnh Lào Cai$/u);
    expect(body[1].text).toMatch(/^Sở Công Thương nhận được văn bản số 1650\/SGTVTXD-KT&VL ngày 09\/5\/2019/u);
    expect(body.map((b) => b.text.slice(0, 2))).toEqual(["Kí", "Sở", "- ", "- ", "Sở"]);
    expect(zone(doc, "closing", "left")).toEqual(["Nơi nhận:", "- Như trên;", "- Lưu VT, KT."]);
    expect(zone(doc, "closing", "right")).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phan Văn Cương"]);
    expect(doc.blocks.slice(-6).every((b) => b.zone === "closing")).toBe(true);
  });

  it("gm-ubnd-laocai-word97: a footnote reference keeps its place and label", async () => {
    const doc = await readFixture("gm-ubnd-laocai-word97");
    checkBlocks(doc);
    const ref = doc.blocks.find((b) => b.text.endsWith("cụm công nghiệp trên địa bàn1."))!;
    expect(ref.marks).toContainEqual({ kind: "footnoteRef", start: ref.text.length - 2, end: ref.text.length - 1, label: "1" });
    const note = doc.blocks[doc.blocks.length - 1];
    expect(note).toMatchObject({ role: "footnote", footnoteLabel: "1" });
    expect(note.text).toMatch(/^UBND các xã, phường: Gia Phú, Văn Bàn/u);
    const kinhGui = texts(doc.blocks).indexOf("Kính gửi:");
    expect(doc.blocks[kinhGui + 1].text).toBe("- Đồng chí Nguyễn Tuấn Anh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh;");
    expect(zone(doc, "closing", "right")).toEqual(["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Hoàng Ngọc Bích"]);
  });

  it("bc-vp-ubnd-laocai-trich-word97: a data table reads one cell per block, rows and cells in order", async () => {
    const doc = await readFixture("bc-vp-ubnd-laocai-trich-word97");
    checkBlocks(doc);
    const cells = doc.blocks.filter((b) => b.table?.index === 0);
    expect([...new Set(cells.map((b) => b.table!.row))]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const row = (n: number) => cells.filter((b) => b.table!.row === n);
    expect(texts(row(0))).toEqual(["TT", "Cụm công nghiệp", "Địa điểm", "Diện tích (ha)", "Tỷ lệ lấp đầy (%)", "Chủ đầu tư/đơn vị quản lý"]);
    expect(texts(row(2))).toEqual(["1", "Đầm Hồng", "Phường Yên Bái, phường Văn Phú", "16", "100", "UBND phường Yên Bái và phường Văn Phú"]);
    expect(row(2).map((b) => b.table!.col)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(zone(doc, "closing", "right")).toEqual(["VĂN PHÒNG UBND TỈNH"]);
    expect(zone(doc, "header", "left")).toContain("VĂN PHÒNG");
  });
});

describe("readDoc refuses unreadable input", () => {
  it("random bytes, a DOCX zip and an empty input", async () => {
    await expectError(readDoc(new Uint8Array(2048).map((_, i) => (i * 31 + 7) % 253), OPTIONS), "corrupt");
    await expectError(readDoc(zipSync({ "word/document.xml": strToU8("<w:document/>") }), OPTIONS), "corrupt");
    await expectError(readDoc(new Uint8Array(0), OPTIONS), "empty_input");
  });

  it("an OLE file that is not a Word document, or is truncated, is corrupt", async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectError(readDoc(ole, OPTIONS), "corrupt");
    const real = fixtureBytes("cv-2019-sct-laocai-mo-da");
    await expectError(readDoc(real.subarray(0, 1536), OPTIONS), "corrupt");
  });

  it("a password-protected .doc (FIB fEncrypted) and an encrypted OOXML package are encrypted", async () => {
    const real = fixtureBytes("cv-2019-sct-laocai-mo-da").slice();
    // The WordDocument stream starts on a sector boundary with the FIB magic 0xA5EC.
    let fib = -1;
    for (let at = 512; at < real.length; at += 512) {
      if (real[at] === 0xec && real[at + 1] === 0xa5) {
        fib = at;
        break;
      }
    }
    expect(fib).toBeGreaterThan(0);
    real[fib + 0x0b] |= 0x01;
    await expectError(readDoc(real, OPTIONS), "encrypted");
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "EncryptedPackage";
    for (let i = 0; i < name.length; i++) ole[1024 + i * 2] = name.charCodeAt(i);
    await expectError(readDoc(ole, OPTIONS), "encrypted");
  });

  it("a sector chain that loops back on itself ends instead of hanging", async () => {
    const data = fixtureBytes("cv-2019-sct-laocai-mo-da").slice();
    const view = new DataView(data.buffer);
    const sectorSize = 1 << view.getUint16(30, true);
    const firstSatSector = view.getInt32(76, true);
    const satEntry = (sector: number) => 512 + firstSatSector * sectorSize + sector * 4;
    // In this file the WordDocument stream starts at sector 0 (within the first SAT sector):
    // point its last sector back to its second one.
    let sector = 0;
    while (view.getInt32(satEntry(sector), true) >= 0) sector = view.getInt32(satEntry(sector), true);
    expect(sector).toBeGreaterThan(1);
    view.setInt32(satEntry(sector), 1, true);
    const outcome = await readDoc(data, OPTIONS).then(
      (doc) => doc.format,
      (error: { code?: string }) => error.code,
    );
    expect(["doc", "corrupt"]).toContain(outcome);
  });
});
