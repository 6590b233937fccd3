import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isVanbanError } from "../../src/errors.js";
import { parse } from "../../src/parse.js";
import { parseText } from "../../src/parse-text.js";
import type { VanBanDocument } from "../../src/schema/document.js";
import { expectSoundRecord } from "../helpers/record-checks.js";
import {
  encodeUtf16,
  encodeWindows1258,
  makeDeepMarkdown,
  makeDocxBomb,
  makeDocxWithoutDocument,
  makeLargeReport,
  makeMinimalPdf,
  makeNearCitationLine,
  randomBytes,
  ROOT,
  truncateBytes,
  VIETNAMESE_SAMPLE,
  withDeclaredSize,
} from "./make-fixtures.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "vanban-hostile-"));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, data: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Parses and returns the VanbanError code, failing when something else is thrown. */
async function errorCodeOf(input: string | Uint8Array, options?: Parameters<typeof parse>[1]): Promise<string | VanBanDocument> {
  try {
    return await parse(input, options);
  } catch (error) {
    if (!isVanbanError(error)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    return error.code;
  }
}

/** Every {start, end} object anywhere in the record lies inside `text`. */
function expectSpansInside(record: VanBanDocument): void {
  const stack: unknown[] = [record];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === "object") {
      const o = value as Record<string, unknown>;
      if (typeof o.start === "number" && typeof o.end === "number") {
        expect(o.start).toBeGreaterThanOrEqual(0);
        expect(o.end).toBeGreaterThanOrEqual(o.start);
        expect(o.end).toBeLessThanOrEqual(record.text.length);
      }
      for (const [key, child] of Object.entries(o)) if (key !== "text") stack.push(child);
    }
  }
}

describe("unreadable input: a typed error, fast", () => {
  it("an empty file → empty_input", async () => {
    expect(await errorCodeOf(file("empty.txt", new Uint8Array(0)))).toBe("empty_input");
    expect(await errorCodeOf(file("blank.txt", " \n\t\n"))).toBe("empty_input");
    expect(await errorCodeOf(new Uint8Array(0))).toBe("empty_input");
  });

  it("a text file named .pdf → corrupt", async () => {
    expect(await errorCodeOf(file("text-named.pdf", "Đây là một tệp văn bản, không phải PDF.\n"))).toBe("corrupt");
    expect(await errorCodeOf(file("text-named.docx", "Không phải DOCX.\n"))).toBe("corrupt");
  });

  it("random bytes → unsupported_format or corrupt", async () => {
    const bytes = randomBytes(64 * 1024);
    expect(["unsupported_format", "corrupt"]).toContain(await errorCodeOf(file("random.bin", bytes)));
    expect(["unsupported_format", "corrupt"]).toContain(await errorCodeOf(file("random", bytes)));
    expect(["unsupported_format", "corrupt"]).toContain(await errorCodeOf(bytes));
  });

  it("a truncated PDF → corrupt, or a valid record", async () => {
    const whole = makeMinimalPdf();
    const record = await parse(whole, { ocr: "never" });
    expectSoundRecord(record);
    expect(record.text).toContain("CONG VAN");
    for (const fraction of [0.3, 0.6, 0.9]) {
      const result = await errorCodeOf(truncateBytes(whole, fraction), { ocr: "never" });
      if (typeof result === "string") expect(result).toBe("corrupt");
      else expectSoundRecord(result);
    }
  });

  it("a truncated real PDF → corrupt, or a valid record", async () => {
    const real = readdirSync(join(ROOT, "fixtures"))
      .map((d) => join(ROOT, "fixtures", d, "input.pdf"))
      .filter((p) => existsSync(p) && !p.includes("encrypted"))
      .sort((a, b) => statSync(a).size - statSync(b).size)[0];
    if (!real) {
      console.warn("hostile: no PDF fixture in fixtures/ yet; truncated real PDF case skipped");
      return;
    }
    const result = await errorCodeOf(new Uint8Array(truncateBytes(readFileSync(real), 0.5)), { ocr: "never" });
    if (typeof result === "string") expect(result).toBe("corrupt");
    else expectSoundRecord(result);
  });

  it("a Node Buffer is accepted like any Uint8Array (parse(readFileSync(path)))", async () => {
    const pdf = Buffer.from(makeMinimalPdf());
    expect((await parse(pdf, { ocr: "never" })).source.format).toBe("pdf");
    expect((await parse(Buffer.from(VIETNAMESE_SAMPLE))).source.format).toBe("text");
  });

  const encrypted = join(ROOT, "fixtures", "encrypted-pdf", "input.pdf");
  it.skipIf(!existsSync(encrypted))("an encrypted PDF → encrypted (fixtures/encrypted-pdf/input.pdf)", async () => {
    expect(await errorCodeOf(encrypted, { ocr: "never" })).toBe("encrypted");
  });

  it("a DOCX without word/document.xml → corrupt", async () => {
    expect(await errorCodeOf(file("no-document.docx", makeDocxWithoutDocument()))).toBe("corrupt");
  });

  it("a DOCX whose document.xml inflates to 300 MB → too_large, whether its size is declared or hidden", async () => {
    const bomb = makeDocxBomb(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await errorCodeOf(file("bomb.docx", bomb))).toBe("too_large");
    // The central directory says 1 KB: only a cap on what is actually inflated stops it.
    expect(await errorCodeOf(file("bomb-lying.docx", withDeclaredSize(bomb, "word/document.xml", 1024)))).toBe("too_large");
  });
});

describe("text in other encodings is decoded right", () => {
  const expectSample = (record: VanBanDocument) => {
    expectSoundRecord(record);
    for (const phrase of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nguyễn Văn Ấn", "khỏe mạnh", "4.014,89 tỷ đồng"]) {
      expect(record.text).toContain(phrase);
    }
    expect(record.text).not.toContain("\uFFFD");
  };

  it("Windows-1258 (tone marks as combining bytes)", async () => {
    const record = await parse(file("windows-1258.txt", encodeWindows1258(VIETNAMESE_SAMPLE)));
    expect(record.source.encoding).toBe("windows-1258");
    expectSample(record);
  });

  it.each([
    ["utf-16le", "le", true],
    ["utf-16be", "be", true],
    ["utf-16le", "le", false],
  ] as const)("%s (BOM: %s)", async (encoding, endian, bom) => {
    const record = await parse(file(`utf16-${endian}-${bom}.txt`, encodeUtf16(VIETNAMESE_SAMPLE, endian, bom)));
    expect(record.source.encoding).toBe(encoding);
    expectSample(record);
  });
});

describe("pathological text finishes (no timing asserted; see bench/ for growth)", () => {
  it("4 MB on one line dense with near-citations", () => {
    const text = makeNearCitationLine(4 * 1024 * 1024);
    const record = parseText(text, { format: "text" });
    expectSoundRecord(record);
    expectSpansInside(record);
  }, 600_000);

  it.each(["blockquote", "list", "emphasis"] as const)("Markdown nested 5000 levels (%s): no stack overflow", (kind) => {
    const markdown = makeDeepMarkdown(kind, 5000);
    const record = parseText(markdown, { format: "markdown" });
    expectSoundRecord(record);
    expectSpansInside(record);
    // Either the tree was walked or the reader fell back to plain text, saying so.
    const words = kind === "emphasis" ? ["giữa", "nhấn mạnh"] : kind === "list" ? ["Mục lồng nhau"] : ["Trích dẫn lồng nhau"];
    for (const word of words) expect(record.text).toContain(word);
  }, 600_000);

  it("an 8 MB report parses", () => {
    const text = makeLargeReport(8 * 1024 * 1024);
    const record = parseText(text, { format: "text" });
    expectSoundRecord(record);
    expectSpansInside(record);
    expect(record.text.length).toBeGreaterThan(4_000_000);
  }, 600_000);
});
