/**
 * Header, type and signature of scanned documents read with OCR, for docs/ocr.md: the first
 * page(s) of the scans of ../shared/corpus/lamdong (MANIFEST column `scan`) and the scanned
 * fixtures, as JSON lines. Compare runs with and without post-correction:
 *   npx tsx scripts/measure-ocr-fields.ts > after.jsonl
 *   VANBAN_OCR_SPELLING=off npx tsx scripts/measure-ocr-fields.ts > before.jsonl
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "../src/index.js";
import { terminateOcr } from "../src/sources/ocr/index.js";

const ROOT = join(import.meta.dirname, "..");
const CORPUS = join(ROOT, "../shared/corpus/lamdong");
const targets: Array<{ file: string; maxPages: number }> = [
  { file: join(ROOT, "fixtures/cv-813-cuchoachat-scanned/input.pdf"), maxPages: 3 },
  { file: join(ROOT, "fixtures/qd-pheduyet-kho-scanned/input.pdf"), maxPages: 3 },
];
for (const row of readFileSync(join(CORPUS, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1)) {
  const [file, , , scan] = row.split("\t");
  if (scan) targets.push({ file: join(CORPUS, file), maxPages: 1 });
}
const only = process.argv[2];
for (const { file, maxPages } of targets) {
  if (only && !file.includes(only)) continue;
  const start = performance.now();
  const r = await parse(file, { maxPages, ocr: "always", timeout: 600_000 });
  const h = r.header as Record<string, unknown>;
  console.log(
    JSON.stringify({
      file: file.split("/").slice(-2).join("/"),
      seconds: Math.round((performance.now() - start) / 100) / 10,
      issuer: h.issuer,
      number: h.number,
      symbol: h.symbol,
      place: h.place,
      date: h.date,
      type: r.type.code,
      subject: r.subject,
      signature: r.signature,
      copyStamps: (r as Record<string, unknown>).copyStamps,
      corrected: r.warnings.filter((w) => w.code === "ocr_corrected" && w.span).map((w) => w.message.replace(/^OCR text /u, "").replace(/ \(Vietnamese.*$/u, "")),
      head: r.text.slice(0, 600),
    }),
  );
}
await terminateOcr();
