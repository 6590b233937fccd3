/**
 * Throughput of the citations extractor (not a test): `npx tsx scripts/bench-citations.ts`.
 * Builds ~5 MB of text from the seed documents in fixtures/seed-* (real citation density,
 * one unit per paragraph), plus a pathological single line of "Quyết định số 1/ 2/ 3- …"
 * that must take linear time, and prints MB/s for each.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ExtractContext, TextUnit } from "../src/extract/context.js";
import { extractCitations } from "../src/extract/citations/index.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");
const seeds = readdirSync(fixtures)
  .filter((d) => d.startsWith("seed-"))
  .flatMap((d) =>
    readdirSync(join(fixtures, d))
      .filter((f) => f.startsWith("input."))
      .map((f) => readFileSync(join(fixtures, d, f), "utf8")),
  );

function contextOf(text: string, splitParagraphs: boolean): ExtractContext {
  const units: TextUnit[] = [];
  const add = (start: number, end: number) =>
    units.push({ span: { start, end }, role: "paragraph", sectionId: null, footnote: null });
  if (splitParagraphs) {
    let last = 0;
    for (const m of text.matchAll(/\n[ \t]*\n/g)) {
      if (m.index > last) add(last, m.index);
      last = m.index + m[0].length;
    }
    if (last < text.length) add(last, text.length);
  } else add(0, text.length);
  return { text, units, docType: { code: null, name: null }, warnings: [] };
}

/**
 * Best of `rounds` runs, as wall time and as this process's CPU time: on a shared machine the
 * wall clock also counts other processes, the CPU time does not.
 */
function run(label: string, text: string, splitParagraphs: boolean, rounds = 5): void {
  let bestWall = Infinity;
  let bestCpu = Infinity;
  let count = 0;
  for (let r = 0; r < rounds; r++) {
    const ctx = contextOf(text, splitParagraphs);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    count = extractCitations(ctx).length;
    bestWall = Math.min(bestWall, performance.now() - t0);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  const mb = Buffer.byteLength(text, "utf8") / 1e6;
  console.log(
    `${label}: ${mb.toFixed(2)} MB, ${count} citations — wall ${bestWall.toFixed(0)} ms (${(mb / (bestWall / 1000)).toFixed(1)} MB/s), ` +
      `cpu ${bestCpu.toFixed(0)} ms (${(mb / (bestCpu / 1000)).toFixed(1)} MB/s)`,
  );
}

const corpus = seeds.join("\n\n");
let big = "";
while (Buffer.byteLength(big, "utf8") < 5e6) big += corpus + "\n\n";
run("seed corpus x N (paragraph units)", big, true);
// Modern tone placement everywhere ("Uỷ ban", "hoà", "khoá"): the folding path.
run("same, new tone placement", big.replace(/Ủy/g, "Uỷ").replace(/hòa/g, "hoà").replace(/khóa/g, "khoá"), true);

const pathological = (n: number) => `Quyết định số ${Array.from({ length: n }, (_, i) => `${i % 97}/ ${i % 13}- `).join("")}`;
run("pathological line, 1 MB (one unit)", pathological(125_000), false, 2);
run("pathological line, 4 MB (one unit)", pathological(500_000), false, 2);
const dense = `Căn cứ ${Array.from({ length: 60_000 }, (_, i) => `Quyết định số ${i}/QĐ-UBND ngày 0${(i % 9) + 1}/0${(i % 9) + 1}/2020 của Ủy ban nhân dân tỉnh; `).join("")}`;
run("dense list line, one citation every 90 chars (one unit)", dense, false, 2);
