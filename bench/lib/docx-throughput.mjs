/**
 * Child process: parse() (dist) over DOCX files, and the floor of the same run, mammoth's
 * extractRawText on the same bytes (a devDependency, for this comparison only). Each file is
 * run once to warm up, then timed alternately.
 *   node bench/lib/docx-throughput.mjs FILE.docx...
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ROOT } from "./measure.mjs";

const { parse } = await import(join(ROOT, "dist/index.js"));
const mammoth = await import("mammoth").then((m) => m.default ?? m, () => null);
const ROUNDS = 3;
const files = [];
for (const file of process.argv.slice(2)) {
  const bytes = new Uint8Array(readFileSync(file));
  const buffer = Buffer.from(bytes);
  await parse(bytes.slice(), { name: basename(file) });
  if (mammoth) await mammoth.extractRawText({ buffer });
  let ms = Infinity;
  let mammothMs = mammoth ? Infinity : null;
  let record;
  // Best of a few rounds, alternating: a neighbour's burst of CPU hits one side only.
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    record = await parse(bytes.slice(), { name: basename(file) });
    ms = Math.min(ms, performance.now() - t);
    if (mammoth) {
      t = performance.now();
      await mammoth.extractRawText({ buffer });
      mammothMs = Math.min(mammothMs, performance.now() - t);
    }
  }
  files.push({ file: basename(file), bytes: bytes.length, ms, mammothMs, pages: record.source.pages, textChars: record.text.length });
}
const ms = files.reduce((s, f) => s + f.ms, 0);
const mammothMs = mammoth ? files.reduce((s, f) => s + f.mammothMs, 0) : null;
const pages = files.reduce((s, f) => s + (f.pages ?? 0), 0);
const bytes = files.reduce((s, f) => s + f.bytes, 0);
process.stdout.write(`${JSON.stringify({ files, totalMs: ms, mammothTotalMs: mammothMs, ratioToMammoth: mammothMs ? ms / mammothMs : null, documentsPerSecond: files.length / (ms / 1000), pagesKnown: pages, pagesPerSecond: pages ? pages / (ms / 1000) : null, kbPerSecond: bytes / 1024 / (ms / 1000) })}\n`);
