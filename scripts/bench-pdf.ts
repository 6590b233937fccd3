/**
 * Throwaway measurement: readPdf against pdfjs-dist's own load + getTextContent of every page,
 * side by side on the same file. Usage: npx tsx scripts/bench-pdf.ts [file.pdf] [runs]
 */
import { readFileSync } from "node:fs";
import { ParseOptionsSchema } from "../src/schema/options.js";
import { loadPdfJs } from "../src/sources/pdf/load-pdf.js";
import { readPdf } from "../src/sources/pdf/index.js";

const file = process.argv[2] ?? "../shared/corpus/real/qd-2093-qd-byt-170pages.pdf";
const runs = Number(process.argv[3] ?? 3);
const bytes = new Uint8Array(readFileSync(file));
const options = ParseOptionsSchema.parse({ ocr: "never" });

async function baseline(): Promise<number> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

await baseline(); // warm-up: module load, JIT
await readPdf(bytes, options);
const base: number[] = [];
const ours: number[] = [];
let pages = 0;
for (let i = 0; i < runs; i++) {
  base.push(await time(async () => (pages = await baseline())));
  ours.push(await time(() => readPdf(bytes, options)));
}
const best = (xs: number[]) => Math.min(...xs);
const b = best(base);
const o = best(ours);
console.log(`${file}: ${pages} pages, best of ${runs}`);
console.log(`pdfjs load + getTextContent: ${b.toFixed(0)} ms (${((pages * 1000) / b).toFixed(1)} pages/s)`);
console.log(`readPdf:                     ${o.toFixed(0)} ms (${((pages * 1000) / o).toFixed(1)} pages/s)`);
console.log(`ratio: ${(o / b).toFixed(2)}`);
