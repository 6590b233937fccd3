// Prints the blocks a source emits: `tsx scripts/dump-blocks.ts FILE`.
import { readFileSync } from "node:fs";
import { ParseOptionsSchema } from "../src/schema/options.js";

const file = process.argv[2];
const bytes = new Uint8Array(readFileSync(file));
const options = ParseOptionsSchema.parse({ ocr: process.argv[3] ?? "never" });
const { readPdf } = await import("../src/sources/pdf/index.js");
const { readDocx } = await import("../src/sources/docx/index.js");
const { readDoc } = await import("../src/sources/doc/index.js");
const read = file.endsWith(".pdf") ? readPdf : file.endsWith(".doc") ? readDoc : readDocx;
const doc = await read(bytes, options);
for (const b of doc.blocks) {
  const flags = [b.page ?? "", b.role ?? "", b.zone ?? "", b.column ?? "", b.style.bold ? "B" : "", b.style.align ?? ""].join(" ");
  console.log(`${flags} | ${b.text.slice(0, 130)}`);
}
console.log(JSON.stringify(doc.warnings));
