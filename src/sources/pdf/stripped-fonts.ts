import { dirname, join } from "node:path";
import { findPackageData } from "../../util/find-package-data.js";

/** What scripts/strip-standard-fonts.py writes beside them, from the package root: the folder is complete when it is there. */
const SOURCES = join("data", "standard-fonts", "SOURCES.json");

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
    const sources = findPackageData(base, SOURCES);
    found = sources === null ? null : dirname(sources);
  }
  return found;
}
