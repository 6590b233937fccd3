/**
 * Child process: parse() (dist) over DOCX files, each twice (the second timed).
 *   node bench/lib/docx-throughput.mjs FILE.docx...
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ROOT } from "./measure.mjs";

const { parse } = await import(join(ROOT, "dist/index.js"));
const files = [];
for (const file of process.argv.slice(2)) {
  const bytes = new Uint8Array(readFileSync(file));
  await parse(bytes.slice(), { name: basename(file) });
  const t = performance.now();
  const record = await parse(bytes.slice(), { name: basename(file) });
  files.push({ file: basename(file), bytes: bytes.length, ms: performance.now() - t, pages: record.source.pages, textChars: record.text.length });
}
const ms = files.reduce((s, f) => s + f.ms, 0);
const pages = files.reduce((s, f) => s + (f.pages ?? 0), 0);
const bytes = files.reduce((s, f) => s + f.bytes, 0);
process.stdout.write(`${JSON.stringify({ files, totalMs: ms, documentsPerSecond: files.length / (ms / 1000), pagesKnown: pages, pagesPerSecond: pages ? pages / (ms / 1000) : null, kbPerSecond: bytes / 1024 / (ms / 1000) })}\n`);
