import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyCorrections, parseText, VanbanError } from "../../src/index.js";

const TEXT = readFileSync(new URL("../../fixtures/seed-002-kontum-phatdong-text/input.txt", import.meta.url), "utf8");
const record = parseText(TEXT, { format: "text" });

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof VanbanError ? error.code : "not a VanbanError";
  }
}

describe("applyCorrections", () => {
  it("replaces a field, keeps the input record, and ignores who/when and wrong marks", () => {
    const before = record.header.place;
    const corrected = applyCorrections(record, [
      { op: "test", path: "/source/sha256", value: record.source.sha256 },
      { op: "replace", path: "/header/place", value: "Kon Tum (sửa)", by: "lan", at: "2026-05-01T00:00:00Z" },
      { op: "test", path: "/header/symbol", value: record.header.symbol, wrong: true, by: "lan" },
    ]);
    expect(corrected.header.place).toBe("Kon Tum (sửa)");
    expect(record.header.place).toBe(before);
    expect(corrected.text).toBe(record.text);
  });

  it("is atomic: a failed test (another document) or a missing path applies nothing", () => {
    expect(codeOf(() => applyCorrections(record, [{ op: "test", path: "/source/sha256", value: "0".repeat(64) }]))).toBe("invalid_corrections");
    expect(codeOf(() => applyCorrections(record, [{ op: "replace", path: "/citations/999/symbol", value: "x" }]))).toBe("invalid_corrections");
    expect(codeOf(() => applyCorrections(record, [{ op: "replace", path: "/header/nope", value: "x" }]))).toBe("invalid_corrections");
  });

  it("refuses a patch that is not a JSON Patch, or whose result is not a valid record", () => {
    expect(codeOf(() => applyCorrections(record, { op: "replace" }))).toBe("invalid_corrections");
    expect(codeOf(() => applyCorrections(record, [{ op: "frobnicate", path: "/title" }]))).toBe("invalid_corrections");
    expect(codeOf(() => applyCorrections(record, [{ op: "replace", path: "/header/date", value: 12 }]))).toBe("invalid_corrections");
    expect(codeOf(() => applyCorrections(record, [{ op: "replace", path: "/title" }]))).toBe("invalid_corrections");
  });

  it("supports add, remove, move and copy on arrays", () => {
    const n = record.warnings.length;
    const warning = { code: "unassigned_text", message: "added by a reviewer" };
    const added = applyCorrections(record, [{ op: "add", path: "/warnings/-", value: warning }]);
    expect(added.warnings).toHaveLength(n + 1);
    expect(added.warnings[n]).toEqual(warning);
    const removed = applyCorrections(added, [{ op: "remove", path: `/warnings/${n}` }]);
    expect(removed.warnings).toEqual(record.warnings);
    const copied = applyCorrections(record, [{ op: "copy", from: "/header/place", path: "/title" }]);
    expect(copied.title).toBe(record.header.place);
  });
});
