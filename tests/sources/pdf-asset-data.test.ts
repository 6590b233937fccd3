import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { parse } from "../../src/index.js";
import { CachedBinaryDataFactory } from "../../src/sources/pdf/asset-data.js";
import { FIXTURES } from "../helpers/fixtures.js";

// Every read of the factory goes through this spy (pdf.js's own factory reads through
// process.getBuiltinModule("fs"), which it does not see).
vi.mock("node:fs/promises", async (original) => {
  const actual = await original<typeof import("node:fs/promises")>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});
const readFile = vi.mocked(fsPromises.readFile);

const dir = mkdtempSync(join(tmpdir(), "vanban-assets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readsOf = (name: string) => readFile.mock.calls.filter(([path]) => String(path).endsWith(`/${name}`)).length;

describe("CachedBinaryDataFactory", () => {
  const factory = new CachedBinaryDataFactory({ standardFontDataUrl: `${dir}/`, cMapUrl: null });

  it("reads a file once per process, whatever changes on disk after", async () => {
    writeFileSync(join(dir, "Font.pfb"), "first");
    const a = await factory.fetch({ kind: "standardFontDataUrl", filename: "Font.pfb" });
    writeFileSync(join(dir, "Font.pfb"), "second");
    // Another document's factory shares what was read.
    const b = await new CachedBinaryDataFactory({ standardFontDataUrl: `${dir}/` }).fetch({ kind: "standardFontDataUrl", filename: "Font.pfb" });
    expect(Buffer.from(a).toString()).toBe("first");
    expect(Buffer.from(b).toString()).toBe("first");
    expect(readsOf("Font.pfb")).toBe(1);
  });

  it("gives each caller its own copy", async () => {
    writeFileSync(join(dir, "Copy.pfb"), "abc");
    const a = await factory.fetch({ kind: "standardFontDataUrl", filename: "Copy.pfb" });
    a.fill(0);
    const b = await factory.fetch({ kind: "standardFontDataUrl", filename: "Copy.pfb" });
    expect(Buffer.from(b).toString()).toBe("abc");
  });

  it("fails as pdf.js's factory does, and reads a missing file again next time", async () => {
    await expect(factory.fetch({ kind: "standardFontDataUrl", filename: "Later.pfb" })).rejects.toThrow(`Unable to load font data at: ${dir}/Later.pfb`);
    writeFileSync(join(dir, "Later.pfb"), "here now");
    const bytes = await factory.fetch({ kind: "standardFontDataUrl", filename: "Later.pfb" });
    expect(Buffer.from(bytes).toString()).toBe("here now");
    await expect(factory.fetch({ kind: "cMapUrl", filename: "Identity-H.bcmap" })).rejects.toThrow("Ensure that the `cMapUrl` API parameter is provided.");
  });
});

describe("the PDF reader's standard fonts", () => {
  it("are read from disk once for any number of documents", async () => {
    // Its text is set in Times New Roman, not embedded: pdf.js asks for FoxitSerif.
    const bytes = readFileSync(join(FIXTURES, "tables", "pdf-two-pages-danh-muc", "input.pdf"));
    const first = await parse(new Uint8Array(bytes), { ocr: "never" });
    const second = await parse(new Uint8Array(bytes), { ocr: "never" });
    expect(readsOf("FoxitSerif.pfb")).toBe(1);
    expect(second.text).toBe(first.text);
  });
});
