/**
 * Issue 19: the reproducers of ../shared/corpus/hostile that tests need (fixtures/hostile) each
 * get a record with warnings or a typed error, and nothing escapes (unhandled rejections).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isVanbanError } from "../../src/errors.js";
import { parseIsolated } from "../../src/isolate/index.js";
import { parse } from "../../src/parse.js";
import { makeLongCapitals, makeLongWord, ROOT } from "./make-fixtures.js";

const HOSTILE = join(ROOT, "fixtures", "hostile");
const fixture = (name: string): string => join(HOSTILE, name);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (!isVanbanError(error)) throw error;
    return error.code;
  }
}

describe("hostile reproducers (issue 19)", () => {
  it("the damaged 52-page PDF: a record that says which pages were lost, and no unhandled rejection", async () => {
    const events: unknown[] = [];
    const listener = (reason: unknown): void => {
      events.push(reason);
    };
    process.on("unhandledRejection", listener);
    try {
      const record = await parse(fixture("unhandled-rejection-cv-btp.pdf"));
      // Let any late rejection of pdf.js surface before looking.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(events).toEqual([]);
      const unreadable = record.warnings.find((w) => w.code === "pages_unreadable");
      expect(unreadable?.pages?.length).toBeGreaterThan(0);
      // pdf.js rejected twice with nobody listening: opening the file, and opening it again to render pages for OCR.
      expect(record.warnings.some((w) => w.code === "pages_partly_unreadable" && /pdf\.js: Invalid number/u.test(w.message))).toBe(true);
    } finally {
      process.off("unhandledRejection", listener);
    }
  }, 120_000);

  it("list and footnote start numbers of billions are capped with limit_reached", async () => {
    for (const name of ["numbering-chicago-2e9.docx", "footnote-chicago-4e9.docx"]) {
      const record = await parse(fixture(name));
      const limit = record.warnings.find((w) => w.code === "limit_reached");
      expect(limit?.message, name).toMatch(/start number \d+ capped at 32767/u);
      expect(record.text.length, name).toBeLessThan(100_000);
    }
  }, 60_000);

  it("a style basedOn chain 20,000 deep is cut with limit_reached, not a stack overflow", async () => {
    const styles = Array.from({ length: 20_000 }, (_, i) => `<w:style w:type="paragraph" w:styleId="s${i}"><w:name w:val="s${i}"/>${i > 0 ? `<w:basedOn w:val="s${i - 1}"/>` : ""}</w:style>`).join("");
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const docx = zipSync({
      "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      "word/_rels/document.xml.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
      "word/styles.xml": strToU8(`<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`),
      "word/document.xml": strToU8(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:pPr><w:pStyle w:val="s19999"/></w:pPr><w:r><w:t>Nội dung văn bản.</w:t></w:r></w:p></w:body></w:document>`),
    });
    const record = await parse(docx, { name: "chain.docx" });
    expect(record.text).toContain("Nội dung văn bản.");
    expect(record.warnings.find((w) => w.code === "limit_reached")?.message).toMatch(/basedOn/u);
  }, 60_000);

  it("a DOCX part that inflates past a lying size, or fails its CRC, is corrupt (not too_large, not a silent loss)", async () => {
    expect(await codeOf(parse(fixture("zip-lying-size.docx")))).toBe("corrupt");
    const flipped = parse(fixture("zip-crc-flip1.docx"));
    await expect(flipped).rejects.toMatchObject({ code: "corrupt" });
  });

  it("parseIsolated: a PDF that exhausts V8 rejects with out_of_memory and the caller lives on", async () => {
    await expect(parseIsolated(fixture("cid-w-range-fontfile.pdf"), { maxMemoryMb: 256 })).rejects.toMatchObject({ code: "out_of_memory" });
    const record = await parseIsolated(readFileSync(fixture("numbering-chicago-2e9.docx")), { name: "n.docx" });
    expect(record.source.name).toBe("n.docx");
    expect(record.warnings.some((w) => w.code === "limit_reached")).toBe(true);
    await expect(parseIsolated(new Uint8Array(0))).rejects.toMatchObject({ code: "empty_input" });
  }, 120_000);
});

describe("a run of letters without a space", () => {
  it("a megabyte of it beside a stray tone mark parses within a 60 s CPU limit, the mark repaired (the quadratic repair took hours)", async () => {
    const text = makeLongWord(1_000_000);
    const record = await parseIsolated(Buffer.from(text, "utf8"), { name: "long-word.txt", timeout: 60_000 });
    expect(record.text).toContain("Việc bị bỏ sót.");
    expect(record.text.length).toBeGreaterThan(1_000_000);
  }, 120_000);

  it("a megabyte of capitals in a header line parses within a 60 s CPU limit (the place-and-date pattern took hours)", async () => {
    const record = await parseIsolated(Buffer.from(makeLongCapitals(1_000_000), "utf8"), { name: "long-capitals.txt", timeout: 60_000 });
    expect(record.text).toContain("Lâm Đồng, ngày 1 tháng 2 năm 2025");
    expect(record.text.length).toBeGreaterThan(1_000_000);
  }, 120_000);
});

describe("output far larger than its input", () => {
  it("a text of nothing but figures keeps a bounded number of targets, with limit_reached", async () => {
    const { parseText } = await import("../../src/index.js");
    const text = `QUYẾT ĐỊNH\nĐiều 1. Chỉ tiêu: ${"tỷ lệ đạt 1%; ".repeat(30_000)}`;
    const record = parseText(text);
    expect(record.targets.length + record.results.length).toBeLessThanOrEqual(2 * Math.max(2000, Math.floor(record.text.length / 400)));
    expect(JSON.stringify(record).length).toBeLessThan(text.length * 12);
    expect(record.warnings.map((w) => w.code)).toContain("limit_reached");
  });

  it("a file read without any text says so", async () => {
    const { parseText } = await import("../../src/index.js");
    // Characters that normalize to nothing: the input is not empty, the record's text is.
    const record = parseText("\u00a0\n\u200b");
    expect(record.warnings.map((w) => w.code)).toContain("empty_text");
  });
});
