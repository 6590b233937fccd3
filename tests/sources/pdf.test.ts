import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Block, SourceDocument } from "../../src/blocks/block.js";
import { isVanbanError } from "../../src/errors.js";
import { encodeLegacy } from "../../src/normalize/legacy-encoding.js";
import { ParseOptionsSchema } from "../../src/schema/options.js";
import { readPdf } from "../../src/sources/pdf/index.js";
import { assemblePdf } from "../helpers/assemble-pdf.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const options = (extra: Record<string, unknown> = {}) => ParseOptionsSchema.parse({ ocr: "never", ...extra });
const fixture = (slug: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, slug, "input.pdf")));
const read = (slug: string, extra: Record<string, unknown> = {}) => readPdf(fixture(slug), options(extra));

const texts = (blocks: Block[]) => blocks.map((b) => b.text);
const indexOf = (blocks: Block[], pattern: RegExp) => blocks.findIndex((b) => pattern.test(b.text));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

/** A one-page PDF with a non-embedded font of the given name and raw (Latin-1) text lines. */
function makePdf(fontName: string, lines: string[]): Uint8Array {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = ["BT", "/F1 14 Tf", "72 760 Td", "18 TL", ...lines.map((l) => `(${escape(l)}) '`), "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    `<< /Type /Font /Subtype /TrueType /BaseFont /${fontName} /Encoding /WinAnsiEncoding >>`,
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  return assemblePdf(objects);
}

describe("readPdf: signed công văn (two-column header and closing, stamped số/ngày)", () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = await read("cv-ubnd-laocai-vlncn-signed");
  });

  it("reads every page, with a page on every block", () => {
    expect(doc.format).toBe("pdf");
    expect(doc.pages).toBe(4);
    expect(doc.warnings).toEqual([]);
    expect(doc.blocks.every((b) => typeof b.page === "number" && b.page >= 1 && b.page <= 4)).toBe(true);
  });

  it("emits the header as a left column, then a right column", () => {
    const header = doc.blocks.filter((b) => b.zone === "header");
    const left = header.filter((b) => b.column === "left");
    const right = header.filter((b) => b.column === "right");
    expect(header).toEqual([...left, ...right]);
    expect(texts(left).slice(0, 3)).toEqual(["UỶ BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 193 /UBND-KT"]);
    expect(texts(left).slice(3).join(" ")).toBe("V/v tăng cường công tác quản lý, giám sát hoạt động VLNCN, TCTN trên địa bàn tỉnh");
    expect(texts(right)).toEqual(["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 10 tháng 01 năm 2026"]);
    expect(header.every((b) => b.page === 1)).toBe(true);
  });

  it("keeps the body single-column, in reading order, after the header", () => {
    const kinhGui = indexOf(doc.blocks, /^Kính gửi:/);
    const body = indexOf(doc.blocks, /^Công tác quản lý nhà nước về vật liệu nổ/);
    expect(kinhGui).toBeGreaterThan(indexOf(doc.blocks, /^Lào Cai, ngày/));
    expect(body).toBeGreaterThan(kinhGui);
    expect(doc.blocks[body].column).toBeUndefined();
    expect(doc.blocks[body].zone).toBeUndefined();
  });

  it("emits the closing as Nơi nhận (left), then the signature (right)", () => {
    const closing = doc.blocks.filter((b) => b.zone === "closing");
    const left = closing.filter((b) => b.column === "left");
    const right = closing.filter((b) => b.column === "right");
    expect(texts(left)).toEqual(["Nơi nhận:", "- Như trên;", "- Chủ tịch UBND tỉnh;", "- PCT UBND tỉnh Nguyễn Thành Sinh;", "- CVP, PCVP UBND tỉnh (Bích);", "- Lưu: VT, KT."]);
    expect(texts(right)).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh"]);
    expect(closing.indexOf(right[0])).toBeGreaterThan(closing.indexOf(left[left.length - 1]));
    expect(closing.every((b) => b.page === 4)).toBe(true);
  });

  it("keeps page numbers as furniture", () => {
    const furniture = doc.blocks.filter((b) => b.role === "furniture");
    expect(furniture.map((b) => [b.text, b.page])).toEqual([
      ["2", 2],
      ["3", 3],
      ["4", 4],
    ]);
  });
});

describe("readPdf: stamped date over the template's digit", () => {
  it("reads the stamp in place of the digit it covers, and the number", async () => {
    const doc = await read("qd-1696-qd-ubnd-laocai-signed");
    const header = doc.blocks.filter((b) => b.zone === "header");
    expect(texts(header)).toContain("Số: 1696 /QĐ-UBND");
    expect(texts(header)).toContain("Lào Cai, ngày 15 tháng 5 năm 2026");
    // Title and preamble come after the header; the closing is on page 2 (page 3 is the appendix).
    expect(indexOf(doc.blocks, /^QUYẾT ĐỊNH$/)).toBeGreaterThan(indexOf(doc.blocks, /^Lào Cai, ngày/));
    expect(indexOf(doc.blocks, /^Căn cứ Luật Tổ chức/)).toBeGreaterThan(indexOf(doc.blocks, /^QUYẾT ĐỊNH$/));
    const signature = doc.blocks.filter((b) => b.zone === "closing" && b.column === "right");
    expect(texts(signature)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Tuấn Anh"]);
    expect(signature[0].page).toBe(2);
    expect(doc.blocks.some((b) => b.page === 3 && /^PHỤ LỤC/.test(b.text))).toBe(true);
  });
});

describe("readPdf: LibreOffice PDF with a footnote (gm-ubnd-laocai)", () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = await read("gm-ubnd-laocai-pdf");
  });

  it("rejoins words whose accented letters were drawn by a fallback font", () => {
    const header = doc.blocks.filter((b) => b.zone === "header");
    expect(texts(header.filter((b) => b.column === "left"))).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: /GM-UBND"]);
    expect(texts(header.filter((b) => b.column === "right"))).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(texts(doc.blocks)).toContain("GIẤY MỜI HỌP");
  });

  it("marks the reference and reads the definition with its label", () => {
    const notes = doc.blocks.filter((b) => b.role === "footnote");
    expect(notes).toHaveLength(1);
    expect(notes[0].footnoteLabel).toBe("1");
    expect(notes[0].page).toBe(1);
    expect(notes[0].text).toMatch(/^UBND các xã, phường: Gia Phú, Văn Bàn.*Văn Phú, Lào Cai\.$/);
    const ref = doc.blocks.find((b) => b.marks?.some((m) => m.kind === "footnoteRef"));
    expect(ref).toBeDefined();
    const mark = ref!.marks!.find((m) => m.kind === "footnoteRef")!;
    expect(mark.label).toBe("1");
    expect(ref!.text.slice(mark.start, mark.end)).toBe("1");
    expect(ref!.marks!.some((m) => m.kind === "sup" && m.start === mark.start)).toBe(true);
    // The note comes after the body of its page, before page 2.
    const noteIndex = doc.blocks.indexOf(notes[0]);
    expect(doc.blocks.slice(noteIndex + 1).every((b) => (b.page ?? 0) >= 1)).toBe(true);
    expect(doc.blocks.slice(0, noteIndex).every((b) => b.page === 1)).toBe(true);
  });

  it("splits the closing into Nơi nhận and signature", () => {
    const closing = doc.blocks.filter((b) => b.zone === "closing");
    expect(closing[0].text).toBe("Nơi nhận:");
    expect(texts(closing.filter((b) => b.column === "right"))).toEqual(["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Hoàng Ngọc Bích"]);
  });
});

describe("readPdf: text-layer health", () => {
  it("reports the scanned pages of a mixed document and reads the rest", async () => {
    const doc = await read("qd-1629-qd-ubnd-laichau-mixed");
    expect(doc.pages).toBe(6);
    expect(doc.warnings.find((w) => w.code === "no_text_layer")?.pages).toEqual([1, 2]);
    expect(doc.blocks.length).toBeGreaterThan(0);
    expect(doc.blocks.every((b) => (b.page ?? 0) >= 3)).toBe(true);
    expect(doc.blocks[0].text).toBe("Phụ lục");
    expect(doc.ocr).toBeNull();
  });

  it("reads the VNI-font document as Vietnamese (its VNI font only sets the page numbers)", async () => {
    const doc = await read("qd-ngaigiao-vni-font");
    expect(doc.warnings.filter((w) => w.code === "garbled_text_layer")).toEqual([]);
    expect(texts(doc.blocks)).toContain("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(doc.blocks.filter((b) => b.role === "furniture").map((b) => b.text)).toEqual(["1", "2"]);
  });

  it("decodes text set in a VNI font", async () => {
    const lines = ["Quyết định về việc phân công nhiệm vụ", "Chủ tịch Ủy ban nhân dân thị trấn Ngãi Giao"];
    const doc = await readPdf(makePdf("VNI-Times", lines.map((l) => encodeLegacy(l, "vni"))), options());
    expect(doc.warnings.map((w) => [w.code, w.pages])).toEqual([["legacy_encoding_converted", [1]]]);
    expect(doc.blocks.map((b) => b.text).join(" ")).toBe(lines.join(" "));
  });

  it("decodes text set in a TCVN3 (.VnTime) font", async () => {
    const lines = ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập tự do hạnh phúc và các quy định"];
    const doc = await readPdf(makePdf(".VnTime", lines.map((l) => encodeLegacy(l, "tcvn3"))), options());
    expect(doc.warnings[0]?.code).toBe("legacy_encoding_converted");
    expect(doc.blocks.map((b) => b.text).join(" ")).toBe(lines.join(" "));
  });

  it("repairs (or flags) the shifted codes of tb-1894", async () => {
    const doc = await read("tb-1894-garbled-layer");
    const codes = doc.warnings.map((w) => w.code);
    expect(codes.some((c) => c === "legacy_encoding_converted" || c === "garbled_text_layer")).toBe(true);
    if (codes.includes("legacy_encoding_converted")) {
      expect(texts(doc.blocks)).toContain("SỞ CÔNG THƯƠNG");
      expect(texts(doc.blocks)).toContain("Lào Cai, ngày 09 tháng 4 năm 2026");
    }
  });
});

describe("readPdf: options and unreadable input", () => {
  it("respects maxPages", async () => {
    const doc = await read("cv-ubnd-laocai-vlncn-signed", { maxPages: 1 });
    expect(doc.pages).toBe(4);
    expect(doc.warnings.map((w) => w.code)).toEqual(["pages_truncated"]);
    expect(doc.blocks.every((b) => b.page === 1)).toBe(true);
  });

  it("refuses an encrypted PDF without its password, opens it with it", async () => {
    const error = await rejection(read("encrypted-pdf"));
    expect(isVanbanError(error) && error.code).toBe("encrypted");
    const wrong = await rejection(read("encrypted-pdf", { password: "nope" }));
    expect(isVanbanError(wrong) && wrong.code).toBe("encrypted");
    const doc = await read("encrypted-pdf", { password: "user-pw" });
    expect(texts(doc.blocks)).toContain("GIẤY MỜI HỌP");
  });

  it("treats a truncated PDF as corrupt, or reads what it can with a warning", async () => {
    const bytes = fixture("gm-ubnd-laocai-pdf");
    const half = bytes.slice(0, Math.floor(bytes.length / 2));
    try {
      const doc = await readPdf(half, options());
      expect(doc.warnings.map((w) => w.code)).toContain("pages_unreadable");
    } catch (error) {
      expect(isVanbanError(error) && error.code).toBe("corrupt");
    }
  });

  it("treats random bytes and an empty input as unreadable", async () => {
    let seed = 7;
    const noise = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    const error = await rejection(readPdf(noise, options()));
    expect(isVanbanError(error) && error.code).toBe("corrupt");
    const empty = await rejection(readPdf(new Uint8Array(0), options()));
    expect(isVanbanError(empty) && empty.code).toBe("empty_input");
  });

  it("does not detach the caller's bytes", async () => {
    const bytes = fixture("gm-ubnd-laocai-pdf");
    await readPdf(bytes, options());
    expect(bytes.length).toBeGreaterThan(1000);
  });
});
