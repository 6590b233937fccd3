import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { checkRecord } from "./helpers/record-checks.js";
import { FIXTURES, goldenFixtures } from "./helpers/fixtures.js";
import { formatJson, GOLDEN_DIR, orderLikeSchema, readGolden, writeGolden } from "./helpers/golden-files.js";

const UPDATE = process.env.UPDATE === "1";

/**
 * Golden records: fixtures/<name>/input.* parses to the record stored, one file per element, in
 * fixtures/<name>/expected/ (see helpers/golden-files.ts). Regenerate with
 * `UPDATE=1 npx vitest run tests/golden.test.ts` and review the diff element by element.
 */
describe("golden records", () => {
  for (const fixture of goldenFixtures()) {
    if (fixture.options.skipGolden) continue;
    it(fixture.name, async () => {
      const name = relative(join(FIXTURES, ".."), fixture.input).split("\\").join("/");
      const record = await parse(fixture.input, { ocr: "never", ...(fixture.options.parse as object | undefined), name });
      checkRecord(record);
      const actual = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
      const stored = readGolden(fixture.dir);
      if (UPDATE || (stored === null && !process.env.CI)) {
        writeGolden(fixture.dir, actual);
        return;
      }
      expect(stored, `${join(fixture.dir, GOLDEN_DIR)} is missing: run UPDATE=1 npx vitest run tests/golden.test.ts`).not.toBeNull();
      expect(Object.keys(actual).sort()).toEqual(Object.keys(stored!).sort());
      // Element by element, so a failure names the element that changed.
      for (const key of Object.keys(actual)) expect(actual[key], key).toEqual(stored![key]);
    });
  }
});

describe("golden files", () => {
  it("the formatter writes JSON that reads back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(formatJson(value as never))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [{ start: 1, end: 2 }, '{ "start": 1, "end": 2 }\n'],
    [[], "[]\n"],
    [{ a: [1, 2], b: { c: null } }, '{\n  "a": [ 1, 2 ],\n  "b": { "c": null }\n}\n'],
    [{ long: "x".repeat(120) }, `{\n  "long": "${"x".repeat(120)}"\n}\n`],
  ])("formats %j", (value, text) => {
    expect(formatJson(value as never)).toBe(text);
  });

  it("orders keys as the schema declares them, unknown keys last", () => {
    const ordered = orderLikeSchema({ zzz: 1, warnings: [{ message: "m", code: "unassigned_text" }], schemaVersion: 1, text: "" });
    expect(Object.keys(ordered as object)).toEqual(["schemaVersion", "text", "warnings", "zzz"]);
    expect(Object.keys((ordered as { warnings: object[] }).warnings[0])).toEqual(["code", "message"]);
  });

  it.each(goldenFixtures().filter((f) => !f.options.skipGolden).map((f) => [f.name, f.dir] as const))("%s: stored files read back to one record", (_, dir) => {
    const stored = readGolden(dir);
    expect(stored).not.toBeNull();
    expect(typeof stored!.text).toBe("string");
    expect(Object.keys(stored!)).toEqual(expect.arrayContaining(["schemaVersion", "source", "text", "sections", "citations", "layout", "warnings"]));
  });
});
