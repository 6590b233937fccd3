/**
 * Child process, the floor of the PDF figures: pdfjs-dist's getTextContent on every page and
 * nothing else, written as a user would (the plain legacy build import). Prints its JSON result.
 *   node bench/lib/pdf-bare.mjs FILE.pdf
 */
import { readFileSync } from "node:fs";

const bytes = new Uint8Array(readFileSync(process.argv[2]));
const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
let items = 0;
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  items += (await page.getTextContent()).items.length;
  page.cleanup();
}
await doc.destroy();
process.stdout.write(`${JSON.stringify({ pages: doc.numPages, items })}\n`);
