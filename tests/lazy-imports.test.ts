import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** Runs a snippet in a fresh Node process (TypeScript through tsx) and returns what it prints. */
function run(snippet: string): string {
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", snippet], { cwd: root, encoding: "utf8" });
}

describe("heavy dependencies load only when needed", () => {
  it("parsing text loads neither OCR, PDF, DOCX nor DOC readers", () => {
    const out = run(`
      import { createRequire } from "node:module";
      import { parse } from "./src/index.ts";
      await parse("fixtures/seed-002-kontum-phatdong-text/input.txt");
      const require = createRequire(import.meta.url);
      const loaded = Object.keys(require.cache).filter((k) => /node_modules\\/(tesseract\\.js|@napi-rs|word-extractor|pdfjs-dist|piscina)\\//.test(k));
      console.log(JSON.stringify(loaded));
    `);
    expect(JSON.parse(out.trim().split("\n").pop()!)).toEqual([]);
  });
});
