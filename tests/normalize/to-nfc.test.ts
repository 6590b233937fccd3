import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/normalize/index.js";
import { toNfc } from "../../src/text/to-nfc.js";

describe("toNfc: NFC without the quadratic reordering of endless mark runs", () => {
  it("is NFC for ordinary Vietnamese, marks of two classes included", () => {
    const decomposed = "Nghị quyết ở Hà Nội".normalize("NFD");
    expect(toNfc(decomposed)).toBe("Nghị quyết ở Hà Nội".normalize("NFC"));
  });

  it("keeps at most 8 combining marks on a letter", () => {
    const zalgo = `a${"\u0301\u0323".repeat(1000)}b`;
    const out = toNfc(zalgo);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out.endsWith("b")).toBe(true);
    expect(out).toBe(`a${"\u0301\u0323".repeat(4)}b`.normalize("NFC"));
  });

  it("normalizeText reads 500k marks on one letter (a hostile reproducer) at once", () => {
    const marks = "\u0301\u0300\u0303\u0309\u0323".repeat(100_000);
    expect(normalizeText(`Văn bản a${marks} hết`).length).toBeLessThan(30);
  });
});
