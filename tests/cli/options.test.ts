import { describe, expect, it } from "vitest";
import { parseByteSize, parseParseArgs } from "../../src/cli/args.js";
import { nameCliFlags } from "../../src/cli/name-cli-flags.js";
import { RECORD_FIELDS } from "../../src/cli/record-fields.js";
import { selectFields } from "../../src/cli/select-fields.js";
import { VanBanDocumentSchema } from "../../src/schema/document.js";

describe("CLI option helpers", () => {
  it("RECORD_FIELDS lists the record's top-level fields, in order", () => {
    expect([...RECORD_FIELDS]).toEqual(Object.keys(VanBanDocumentSchema.shape));
  });
  it("selectFields keeps the fields asked for plus schemaVersion and source, in record order", () => {
    const record = { schemaVersion: 1, source: { name: "a" }, text: "t", header: { number: "1" }, citations: [] };
    expect(Object.keys(selectFields(record, ["citations", "header"]))).toEqual(["schemaVersion", "source", "header", "citations"]);
  });
  it("library messages name the CLI flags", () => {
    expect(nameCliFlags("The PDF is encrypted: it needs a password (option `password`).")).toBe("The PDF is encrypted: it needs a password (--password).");
    expect(nameCliFlags("x is 20 bytes, over the 10-byte limit (option maxBytes).")).toBe("x is 20 bytes, over the 10-byte limit (--max-bytes).");
    expect(nameCliFlags("option `maxUncompressedBytes`")).toBe("option `maxUncompressedBytes`");
  });
  it("parses byte sizes", () => {
    expect(parseByteSize("5000")).toBe(5000);
    expect(parseByteSize("500k")).toBe(512_000);
    expect(parseByteSize("20M")).toBe(20 * 1024 ** 2);
    expect(parseByteSize("1GiB")).toBe(1024 ** 3);
    expect(parseByteSize("0")).toBeNull();
    expect(parseByteSize("-3")).toBeNull();
    expect(parseByteSize("lots")).toBeNull();
  });
  it("reads the new parse options", () => {
    const parsed = parseParseArgs(["--password", "pw", "--max-pages", "3", "--max-bytes", "1M", "--ocr-lang", "vie+eng", "--no-progress", "--select", "header, citations", "a.pdf"]);
    expect(parsed.ok && parsed.command).toMatchObject({ password: "pw", maxPages: 3, maxBytes: 1024 ** 2, ocrLanguage: "vie+eng", progress: false, fields: ["header", "citations"], to: "json" });
    const markdown = parseParseArgs(["--to", "markdown", "--progress", "a.pdf"]);
    expect(markdown.ok && markdown.command).toMatchObject({ to: "markdown", progress: true, fields: null });
  });
  it("an unknown field is a usage error that lists the valid ones", () => {
    const parsed = parseParseArgs(["--fields", "header,colour", "a.pdf"]);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/unknown field "colour"; valid fields: schemaVersion, source, text, .*warnings$/u);
  });
});
