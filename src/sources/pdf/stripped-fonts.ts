import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where scripts/strip-standard-fonts.py writes them, from the package root. */
const FOLDER = join("data", "standard-fonts");
/** The data folder is 1 level above dist/, 3 above src/sources/pdf/. */
const LEVELS_UP = 5;

let found: string | null | undefined;

/**
 * The folder of pdf.js's standard fonts without their outlines (data/standard-fonts), for reading
 * text: pdf.js converts a standard font for every document that names one without embedding it,
 * and the outlines were most of that work. pdf.js gives the same text content and font objects with
 * them (tests/sources/pdf-standard-fonts.test.ts). Null when the package was bundled without its
 * data folder: pdfjs-dist's own fonts then serve, the same text, slower. Never for rendering.
 * `base`: this module's file URL (ESM) or path (CJS).
 */
export function findStrippedFonts(base: string): string | null {
  if (found === undefined) {
    let dir = dirname(base.startsWith("file:") ? fileURLToPath(base) : base);
    found = null;
    for (let i = 0; i < LEVELS_UP && found === null; i++) {
      const candidate = join(dir, FOLDER);
      if (existsSync(join(candidate, "SOURCES.json"))) found = candidate;
      dir = dirname(dir);
    }
  }
  return found;
}
