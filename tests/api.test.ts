import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { groupCitations, parse, parseText, renderMarkdown, VanbanError, type VanBanDocument } from "../src/index.js";
import { checkRecord } from "./helpers/record-checks.js";

const dir = mkdtempSync(join(tmpdir(), "vanban-api-"));
const FIXTURES = join(import.meta.dirname, "..", "fixtures");
/** The smallest valid PNG (1×1 pixel), 45 bytes up to the IDAT chunk's data: the example. */
function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] ^= 0x01;
  return copy;
}

const PNG_45 = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00,
]);
const SAMPLE = "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n\nSố: 12/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nĐiều 1. Thành lập Tổ công tác.\n";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    expect(error).toBeInstanceOf(VanbanError);
    return (error as VanbanError).code;
  }
}

describe("parse()", () => {
  it("takes a path, a Uint8Array and an ArrayBuffer alike", async () => {
    const path = join(dir, "qd.txt");
    writeFileSync(path, SAMPLE);
    const bytes = new TextEncoder().encode(SAMPLE);
    const fromPath = checkRecord(await parse(path));
    const fromBytes = checkRecord(await parse(bytes));
    const fromBuffer = checkRecord(await parse(bytes.buffer.slice(0) as ArrayBuffer));
    expect(fromPath.source).toMatchObject({ name: path, format: "text", bytes: bytes.length, pages: null });
    expect(fromBytes.source.sha256).toBe(fromPath.source.sha256);
    expect(fromBuffer.text).toBe(fromPath.text);
    expect(fromPath.header).toMatchObject({ number: "12", symbol: "QĐ-UBND" });
    expect(fromPath.type).toMatchObject({ code: "QĐ", name: "Quyết định" });
  });
  it.each([
    ["empty input", () => parse(new Uint8Array(0)), "empty_input"],
    ["whitespace only", () => parse(new TextEncoder().encode("  \n\n ")), "empty_input"],
    ["a missing file", () => parse(join(dir, "nope.pdf")), "not_found"],
    ["unknown options", () => parse(new Uint8Array([65]), { colour: "red" } as never), "invalid_options"],
    ["a bad option value", () => parse(new Uint8Array([65]), { ocr: "sometimes" } as never), "invalid_options"],
    ["random bytes", () => parse(new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256))), "unsupported_format"],
    ["a text file named .pdf", () => parse(new TextEncoder().encode("not a pdf"), { name: "x.pdf" }), "corrupt"],
    ["a text forced to PDF", () => parse(new TextEncoder().encode("not a pdf"), { format: "pdf" }), "corrupt"],
    ["input over maxBytes", () => parse(new TextEncoder().encode(SAMPLE), { maxBytes: 10 }), "too_large"],
  ])("throws a typed error for %s", async (_, run, code) => {
    expect(await codeOf(run())).toBe(code);
  });
  it.each([
    ["a GIF", new TextEncoder().encode("GIF89a\x01\x00\x01\x00"), undefined, /GIF image/u],
    ["a ZIP that is not a DOCX", zipOf("notes/readme.txt"), "archive.zip", /ZIP archive that is not a DOCX/u],
    ["binary data named .txt", new Uint8Array([0x41, 0x00, 0x00, 0x00, 0x42, 0x00, 0x00, 0x07, 0x01, 0x02]), "data.txt", /binary data/u],
  ])("refuses %s as unsupported_format, never reading it as text", async (_, bytes, name, message) => {
    const error = await parse(bytes, name ? { name } : undefined).then(() => null, (e: unknown) => e as VanbanError);
    expect(error?.code).toBe("unsupported_format");
    expect(error?.message).toMatch(message);
  });
  // Images are read by OCR (PNG, JPEG, TIFF); one cut short is refused before any native decoder
  // sees it (the 45-byte PNG crashed the process inside the image decoder).
  it.each([
    ["a 45-byte PNG", PNG_45, undefined, /not a whole PNG image: the IDAT chunk/u],
    ["a PNG named .txt", PNG_45, "scan.txt", /scan\.txt is not a whole PNG image/u],
    ["a PNG with a flipped bit", flipByte(PNG_45, 20), undefined, /fails its CRC|runs past the end/u],
    ["a JPEG cut short", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), "x.jpg", /not a whole JPEG image/u],
    ["a TIFF with no image", new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00]), undefined, /could not be decoded/u],
  ])("refuses %s as corrupt, never reading it as text", async (_, bytes, name, message) => {
    const error = await parse(bytes, name ? { name } : undefined).then(() => null, (e: unknown) => e as VanbanError);
    expect(error?.code).toBe("corrupt");
    expect(error?.message).toMatch(message);
  });

  it("still reads UTF-16 text without a BOM", async () => {
    const record = checkRecord(await parse(new Uint8Array(Buffer.from(SAMPLE, "utf16le"))));
    expect(record.header.symbol).toBe("QĐ-UBND");
  });
  it("opens an encrypted PDF with option password; without it the message names the option", async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, "encrypted-pdf", "input.pdf")));
    const error = await parse(bytes).then(() => null, (e: unknown) => e as VanbanError);
    expect(error?.code).toBe("encrypted");
    expect(error?.message).toContain("password");
    const record = await parse(bytes, { password: "user-pw" });
    expect(record.text).toContain("GIẤY MỜI HỌP");
  });
  it("rejects a bad ocrLanguage", async () => {
    expect(await codeOf(parse(new TextEncoder().encode(SAMPLE), { ocrLanguage: "vie eng" }))).toBe("invalid_options");
  });
  it("decodes UTF-16 with a BOM", async () => {
    const body = Buffer.from(SAMPLE, "utf16le");
    const record = checkRecord(await parse(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]))));
    expect(record.source.encoding).toMatch(/utf-?16/iu);
    expect(record.header.issuer.name).toBe("ỦY BAN NHÂN DÂN TỈNH KON TUM");
  });
});

describe("parse() with signal and timeout", () => {
  const pdf = (): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, "gm-ubnd-laocai-pdf", "input.pdf")));
  it("an already aborted signal rejects with aborted, before any work", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await codeOf(parse(new TextEncoder().encode(SAMPLE), { signal: controller.signal }))).toBe("aborted");
  });
  it("aborting while a PDF is read rejects with aborted", async () => {
    const controller = new AbortController();
    const parsing = parse(pdf(), { signal: controller.signal, ocr: "never" });
    setTimeout(() => controller.abort(), 5);
    const started = Date.now();
    expect(await codeOf(parsing)).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it("timeout rejects with timeout; a generous one changes nothing", async () => {
    expect(await codeOf(parse(pdf(), { timeout: 1, ocr: "never" }))).toBe("timeout");
    const record = await parse(pdf(), { timeout: 60_000, ocr: "never", signal: new AbortController().signal });
    expect(record.source.format).toBe("pdf");
  });
  it("rejects a signal that is not an AbortSignal", async () => {
    expect(await codeOf(parse(new TextEncoder().encode(SAMPLE), { signal: "stop" } as never))).toBe("invalid_options");
  });
});

describe("library exports", () => {
  it("groupCitations folds repeated citations into one document", () => {
    const record = parseText("Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ Quyết định số 12/QĐ-UBND ngày 15/01/2023 của UBND tỉnh.\n\nThực hiện Quyết định số 12/QĐ-UBND ngày 15/01/2023.\n", { format: "text" });
    const twelve = record.citations.filter((c) => c.number === "12");
    expect(twelve.length).toBe(2);
    const grouped = groupCitations(record.citations);
    expect(grouped.filter((d) => d.number === "12")).toHaveLength(1);
    expect(grouped.length).toBeLessThan(record.citations.length);
  });
});

describe("renderMarkdown()", () => {
  const record = (): VanBanDocument =>
    parseText(
      "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 12/QĐ-UBND\n\nKon Tum, ngày 15 tháng 01 năm 2023\n\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\n" +
        "Điều 1. Thành lập Tổ công tác gồm 5 người.\n\nĐiều 2. Giao Sở Nội vụ theo dõi *thực hiện*.\n\n" +
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT, NC.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn A\n",
      { format: "text" },
    );
  it("renders the header, title, sections, recipients and signature", () => {
    const r = record();
    const md = renderMarkdown(r);
    expect(md).toContain("**ỦY BAN NHÂN DÂN TỈNH KON TUM**");
    expect(md).toContain("Số: 12/QĐ-UBND");
    expect(md).toContain("Kon Tum, ngày 15 tháng 01 năm 2023");
    expect(md).toMatch(/^# QUYẾT ĐỊNH$/mu);
    expect(md).toContain(`\n**${r.subject}**\n`);
    expect(r.subject).toMatch(/thành lập Tổ công tác/u);
    expect(md).toMatch(/Điều 1\.\*?\*? .*Thành lập Tổ công tác gồm 5 người\./u);
    expect(md).toContain("**Nơi nhận:**\n- Như Điều 2;");
    expect(md).toContain("**TM. ỦY BAN NHÂN DÂN**");
    expect(md).toContain("Lê Văn A");
    expect(md.endsWith("\n")).toBe(true);
  });
  it("escapes text that Markdown would read as syntax", () => {
    const md = renderMarkdown(record());
    expect(md).toContain("\\*thực hiện\\*");
    const r = record();
    r.preamble = [{ text: "# not a heading", span: { start: 0, end: 1 }, footnoteRefs: [] }, { text: "1. not a list", span: { start: 0, end: 1 }, footnoteRefs: [] }];
    const escaped = renderMarkdown(r);
    expect(escaped).toContain("\n\\# not a heading\n");
    expect(escaped).toContain("\n1\\. not a list\n");
  });
});

describe("parseText()", () => {
  it("rejects a binary format", () => {
    expect(() => parseText("x", { format: "pdf" })).toThrow(VanbanError);
  });
  it.each([[""], ["  \n\n "], ["\f"]])("empty or whitespace-only text %j throws empty_input, as parse() of such bytes does", async (text) => {
    const fromText = (() => {
      try {
        parseText(text);
        return "no error";
      } catch (error) {
        return (error as VanbanError).code;
      }
    })();
    expect(fromText).toBe("empty_input");
    expect(await codeOf(parse(new TextEncoder().encode(text)))).toBe("empty_input");
  });
  it("never throws on text, and always gives a valid, fully covered record", () => {
    const pieces = fc.constantFrom(
      "I. MỤC TIÊU", "1. Công tác", "a) Các phong trào", "- Thu ngân sách đạt 4.000 tỷ đồng;", "+ Nội dung", "Điều 3.", "Chương II",
      "Phần thứ nhất", "Nơi nhận:", "- Lưu: VT, NC.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn A", "Kính gửi:", "Số: 12/QĐ-UBND",
      "Kon Tum, ngày 15 tháng 01 năm 2023", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<sup>(1)</sup>", "\u00a0", "\f", "�", ". ", "",
      "Quyết định số 1/ 2/ 3-", "# ", "**", "> ", "nghiêp̣ ", "bi ̣", "V/v tăng cường",
    );
    const doc = fc.array(fc.oneof(pieces, fc.string({ unit: "grapheme", maxLength: 30 })), { maxLength: 60 }).map((parts) => parts.join("\n"));
    fc.assert(
      fc.property(doc, fc.constantFrom("text", "markdown", "auto"), (text, format) => {
        // Only text with nothing in it is refused (empty_input); content never throws.
        if (text.trim() === "") {
          expect(() => parseText(text, { format: format as "text" })).toThrow(expect.objectContaining({ code: "empty_input" }));
          return;
        }
        checkRecord(parseText(text, { format: format as "text" }));
      }),
      { numRuns: 300 },
    );
  });
  it("survives deep nesting and long lines", () => {
    checkRecord(parseText("> ".repeat(3000) + "x", { format: "markdown" }));
    checkRecord(parseText(Array.from({ length: 2000 }, (_, i) => `${"  ".repeat(i)}- a`).join("\n"), { format: "markdown" }));
    checkRecord(parseText("Quyết định số 1/ 2/ 3- ".repeat(20000), { format: "text" }));
  });
});

/** A stored (uncompressed) one-entry ZIP local header naming `path`: enough for the magic-byte check. */
function zipOf(path: string): Uint8Array {
  const name = Buffer.from(path);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return new Uint8Array(Buffer.concat([header, name, Buffer.from("hello")]));
}
