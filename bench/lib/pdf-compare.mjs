/**
 * Child process: readPdf (src, through tsx) against pdfjs-dist's bare getTextContent over the
 * same pages, alternating, in one process; then the whole parse() (dist) for reference.
 *   node bench/lib/pdf-compare.mjs FILE.pdf
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tsImport } from "tsx/esm/api";
import { ROOT } from "./measure.mjs";

const file = process.argv[2];
const bytes = new Uint8Array(readFileSync(file));
const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
const { readPdf } = await tsImport(join(ROOT, "src/sources/pdf/index.ts"), import.meta.url);
const { resolveOptions } = await tsImport(join(ROOT, "src/resolve-options.ts"), import.meta.url);
const { parse } = await import(join(ROOT, "dist/index.js"));
const options = resolveOptions({ ocr: "never" });

async function bare() {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, disableFontFace: true }).promise;
  let items = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    items += content.items.length;
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, items };
}

async function reader() {
  const source = await readPdf(bytes.slice(), options);
  return { pages: source.pages, blocks: source.blocks.length };
}

const rounds = [];
for (let round = 0; round < 2; round++) {
  let t = performance.now();
  const b = await bare();
  const bareMs = performance.now() - t;
  t = performance.now();
  const r = await reader();
  const readerMs = performance.now() - t;
  rounds.push({ bareMs, readerMs, pages: b.pages, items: b.items, blocks: r.blocks });
}
const t = performance.now();
const record = await parse(bytes.slice(), { ocr: "never" });
const parseMs = performance.now() - t;
// The second round is the warm one: both paths have loaded fonts and compiled their code.
const warm = rounds[rounds.length - 1];
process.stdout.write(`${JSON.stringify({ file, pages: warm.pages, rounds, ratio: warm.readerMs / warm.bareMs, readPdfPagesPerSecond: warm.pages / (warm.readerMs / 1000), barePagesPerSecond: warm.pages / (warm.bareMs / 1000), parseMs, parsePagesPerSecond: (record.source.pages ?? warm.pages) / (parseMs / 1000), warnings: [...new Set(record.warnings.map((w) => w.code))] })}\n`);
