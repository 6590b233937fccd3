import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFontSinkDocument } from "../../src/sources/pdf/font-sink-document.js";
import { loadPdfJs } from "../../src/sources/pdf/load-pdf.js";
import { findStrippedFonts } from "../../src/sources/pdf/stripped-fonts.js";
import { assemblePdf } from "../helpers/assemble-pdf.js";
import { FIXTURES } from "../helpers/fixtures.js";

const ROOT = join(import.meta.dirname, "..", "..");
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const ORIGINAL = join(PDFJS_ROOT, "standard_fonts");
const STRIPPED = join(ROOT, "data", "standard-fonts");

interface Sources {
  pdfjsDist: string;
  files: Record<string, { source: string; stripped: string }>;
}

/** The fields of pdf.js's font objects that the reader reads, or that tell how the font was loaded. */
const FONT_FIELDS = ["name", "loadedName", "bold", "italic", "black", "missingFile", "vertical", "ascent", "descent", "fallbackName", "remeasure", "defaultWidth", "bbox", "fontMatrix", "mimetype"];

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/**
 * One page per font, each showing every code from 32 to 255: the 14 standard fonts by their
 * PostScript names, and the TrueType names Word writes, with WinAnsi or the font's own encoding,
 * with or without widths. None is embedded, so pdf.js loads a standard font file for each.
 */
function makeFontSampler(): Uint8Array {
  const fonts: string[] = [];
  for (const name of ["Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique"]) {
    fonts.push(`<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`);
  }
  fonts.push("<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>", "<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>");
  const widths = `/FirstChar 32 /LastChar 255 /Widths [${Array.from({ length: 224 }, (_, i) => 400 + (i % 7) * 50).join(" ")}]`;
  for (const name of ["TimesNewRomanPSMT", "TimesNewRomanPS-BoldMT", "TimesNewRomanPS-ItalicMT", "Arial-BoldMT", "CourierNewPSMT"]) {
    fonts.push(`<< /Type /Font /Subtype /TrueType /BaseFont /${name} /Encoding /WinAnsiEncoding ${widths} >>`);
  }
  const codes = Array.from({ length: 224 }, (_, i) => `\\${(32 + i).toString(8).padStart(3, "0")}`);
  const lines = [codes.slice(0, 112).join(""), codes.slice(112).join("")];
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""];
  const kids: string[] = [];
  fonts.forEach((font) => {
    const content = ["BT", "/F1 9 Tf", "36 760 Td", "14 TL", ...lines.map((l) => `(${l}) '`), "ET"].join("\n");
    const page = objects.length + 1;
    kids.push(`${page} 0 R`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${page + 1} 0 R >> >> /Contents ${page + 2} 0 R >>`,
      font,
      `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${kids.length} >>`;
  return assemblePdf(objects);
}

/**
 * What pdf.js gives the reader of every page, with the standard fonts read from `folder`: text
 * items, styles, and the font objects' fields the reader reads. pdf.js numbers its documents, and
 * the number is in every font name: it is taken out.
 */
async function readWithFonts(data: Uint8Array, folder: string): Promise<unknown[]> {
  const pdfjs = await loadPdfJs();
  // The reader's own font options (load-pdf.ts): pdf.js sends each font object to this thread.
  const doc = await pdfjs.getDocument({
    data: data.slice(),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: false,
    ownerDocument: createFontSinkDocument(),
    standardFontDataUrl: `${folder}/`,
  }).promise;
  const pages: unknown[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      // The operator list, as the reader builds it for stamps and font names: glyphs as readStampRuns
      // reads them, and pdf.js's font objects, which it sends to this thread while building it.
      const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.ENABLE });
      const glyphs = ops.fnArray.flatMap((fn, i) =>
        fn === pdfjs.OPS.showText ? [(ops.argsArray[i][0] as Array<{ unicode?: string; width?: number; isSpace?: boolean } | number>).map((g) => (typeof g === "number" ? g : [g.unicode, g.width, g.isSpace]))] : [],
      );
      const fonts = Object.keys(content.styles).map((name) => {
        const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as Record<string, unknown>) : {};
        return Object.fromEntries(FONT_FIELDS.map((f) => [f, font[f]]));
      });
      pages.push(JSON.parse(JSON.stringify({ items: content.items, styles: content.styles, glyphs, fonts }).replace(/g_d\d+_/g, "g_")));
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

describe("standard fonts without outlines (data/standard-fonts)", () => {
  it("are made from the installed pdfjs-dist's fonts (else rerun scripts/strip-standard-fonts.py)", () => {
    const sources = JSON.parse(readFileSync(join(STRIPPED, "SOURCES.json"), "utf8")) as Sources;
    const installed = JSON.parse(readFileSync(join(PDFJS_ROOT, "package.json"), "utf8")) as { version: string };
    expect(sources.pdfjsDist).toBe(installed.version);
    const fontFiles = (list: string[]) => list.filter((f) => /\.(?:pfb|ttf)$/u.test(f)).sort();
    expect(Object.keys(sources.files).sort()).toEqual(fontFiles(Object.keys(sources.files)));
    for (const [name, hashes] of Object.entries(sources.files)) {
      expect(sha256(join(ORIGINAL, name)), name).toBe(hashes.source);
      expect(sha256(join(STRIPPED, name)), name).toBe(hashes.stripped);
    }
    // Every font pdf.js may ask for is there, and the licenses travel with them.
    expect(Object.keys(sources.files)).toHaveLength(14);
    expect(readFileSync(join(STRIPPED, "LICENSE_FOXIT"), "utf8")).toBe(readFileSync(join(ORIGINAL, "LICENSE_FOXIT"), "utf8"));
    expect(readFileSync(join(STRIPPED, "LICENSE_LIBERATION"), "utf8")).toBe(readFileSync(join(ORIGINAL, "LICENSE_LIBERATION"), "utf8"));
  });

  it("are much smaller than the originals: the outlines are gone", () => {
    const sources = JSON.parse(readFileSync(join(STRIPPED, "SOURCES.json"), "utf8")) as Sources;
    for (const name of Object.keys(sources.files)) {
      expect(readFileSync(join(STRIPPED, name)).length, name).toBeLessThan(readFileSync(join(ORIGINAL, name)).length / 5);
    }
  });

  it("are the folder the reader gives pdf.js, found from the source tree as from dist/", () => {
    expect(findStrippedFonts(join(ROOT, "src", "sources", "pdf", "load-pdf.ts"))).toBe(STRIPPED);
  });

  it("give pdf.js the same text, styles and fonts for all 19 standard and Word font names, every code", async () => {
    const sampler = makeFontSampler();
    const original = await readWithFonts(sampler, ORIGINAL);
    expect(original).toHaveLength(19);
    // The sampler does show text in every font (a font pdf.js failed to load would show nothing).
    for (const page of original as Array<{ items: Array<{ str: string }>; fonts: Array<{ missingFile: boolean }> }>) {
      expect(page.items.map((i) => i.str).join("").length).toBeGreaterThan(150);
      // Loaded from the file, not replaced by a system font: what a broken stripped file would change.
      expect(page.fonts.map((f) => f.missingFile)).toEqual([false]);
    }
    expect(await readWithFonts(sampler, STRIPPED)).toEqual(original);
  }, 60_000);

  it.each(["tables/pdf-two-pages-danh-muc", "qd-ngaigiao-vni-font"])("give pdf.js the same text, styles and fonts on %s", async (slug) => {
    const data = new Uint8Array(readFileSync(join(FIXTURES, slug, "input.pdf")));
    expect(await readWithFonts(data, STRIPPED)).toEqual(await readWithFonts(data, ORIGINAL));
  }, 60_000);
});
