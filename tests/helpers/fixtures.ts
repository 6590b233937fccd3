import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");

export interface GoldenFixture {
  name: string;
  dir: string;
  input: string;
  /** Options from the fixture's options.json (e.g. OCR on for scans). */
  options: Record<string, unknown>;
}

/** Every fixtures/<name>/ that holds an `input.*` file. */
export function goldenFixtures(): GoldenFixture[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const dir = join(FIXTURES, d.name);
      const input = readdirSync(dir).find((f) => /^input\.[a-z]+$/u.test(f));
      if (!input) return [];
      const optionsFile = join(dir, "options.json");
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, "utf8")) as Record<string, unknown>) : {};
      return [{ name: d.name, dir, input: join(dir, input), options }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every PDF under fixtures/, at any depth, but the hostile ones (they are there to break pdf.js itself: tests/hostile). */
export function fixturePdfs(): string[] {
  return fixtureFiles(".pdf");
}

/** Every file with this extension under fixtures/, at any depth, but the hostile ones (tests/hostile reads those). */
export function fixtureFiles(extension: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "hostile") walk(path);
      } else if (entry.name.endsWith(extension)) files.push(path);
    }
  };
  walk(FIXTURES);
  return files.sort();
}
