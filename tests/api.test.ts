import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, parseText, VanbanError } from "../src/index.js";
import { checkRecord } from "./helpers/record-checks.js";

const dir = mkdtempSync(join(tmpdir(), "vanban-api-"));
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
  it("decodes UTF-16 with a BOM", async () => {
    const body = Buffer.from(SAMPLE, "utf16le");
    const record = checkRecord(await parse(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]))));
    expect(record.source.encoding).toMatch(/utf-?16/iu);
    expect(record.header.issuer.name).toBe("ỦY BAN NHÂN DÂN TỈNH KON TUM");
  });
});

describe("parseText()", () => {
  it("rejects a binary format", () => {
    expect(() => parseText("x", { format: "pdf" })).toThrow(VanbanError);
  });
  it("never throws and always gives a valid, fully covered record", () => {
    const pieces = fc.constantFrom(
      "I. MỤC TIÊU", "1. Công tác", "a) Các phong trào", "- Thu ngân sách đạt 4.000 tỷ đồng;", "+ Nội dung", "Điều 3.", "Chương II",
      "Phần thứ nhất", "Nơi nhận:", "- Lưu: VT, NC.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn A", "Kính gửi:", "Số: 12/QĐ-UBND",
      "Kon Tum, ngày 15 tháng 01 năm 2023", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<sup>(1)</sup>", "\u00a0", "\f", "�", ". ", "",
      "Quyết định số 1/ 2/ 3-", "# ", "**", "> ", "nghiêp̣ ", "bi ̣", "V/v tăng cường",
    );
    const doc = fc.array(fc.oneof(pieces, fc.string({ unit: "grapheme", maxLength: 30 })), { maxLength: 60 }).map((parts) => parts.join("\n"));
    fc.assert(
      fc.property(doc, fc.constantFrom("text", "markdown", "auto"), (text, format) => {
        const record = parseText(text, { format: format as "text" });
        checkRecord(record);
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
