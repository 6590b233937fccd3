import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { checkRecord } from "./helpers/record-checks.js";
import { FIXTURES, goldenFixtures } from "./helpers/fixtures.js";

const UPDATE = process.env.UPDATE === "1";

/**
 * Golden records: fixtures/<name>/input.* parses to fixtures/<name>/expected.json.
 * Regenerate with `UPDATE=1 npm test -- golden` and review the diff.
 */
describe("golden records", () => {
  for (const fixture of goldenFixtures()) {
    if (fixture.options.skipGolden) continue;
    it(fixture.name, async () => {
      const name = relative(join(FIXTURES, ".."), fixture.input).split("\\").join("/");
      const record = await parse(fixture.input, { ocr: "never", ...(fixture.options.parse as object | undefined), name });
      checkRecord(record);
      const expectedFile = join(fixture.dir, "expected.json");
      const actual = JSON.parse(JSON.stringify(record));
      if (UPDATE || (!existsSync(expectedFile) && !process.env.CI)) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      expect(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE=1 npm test`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
    });
  }
});
