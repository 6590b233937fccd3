/**
 * Page faults of parseText on the 8 MB bench text (the seed-003 report repeated, as
 * bench/lib/text-throughput.mjs builds it), parse after parse in one process: wall time, page
 * faults (each a page of memory touched for the first time, or again after it was given back:
 * ~14 µs each on the bench machine, docs/performance.md, sixteenth pass), user and system CPU.
 *   node bench/page-faults.mjs [RUNS] [MB]     (DIST=DIR reads another build)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./lib/measure.mjs";

const runs = Number(process.argv[2] ?? 3);
const mb = Number(process.argv[3] ?? 8);
const seed = readFileSync(join(ROOT, "fixtures/seed-003-kontum-bc-endnotes-text/input.txt"), "utf8");
const copies = Math.max(1, Math.round((mb * 1024 * 1024) / Buffer.byteLength(seed)));
const text = Array.from({ length: copies }, () => seed).join("\n\f\n");
const { parseText } = await import(join(process.env.DIST ?? join(ROOT, "dist"), "index.js"));
parseText(seed, { format: "text" });
for (let i = 1; i <= runs; i++) {
  const before = process.resourceUsage();
  const started = performance.now();
  parseText(text, { format: "text" });
  const ms = performance.now() - started;
  const after = process.resourceUsage();
  const faults = after.minorPageFault - before.minorPageFault;
  const cpu = (key) => Math.round((after[key] - before[key]) / 1000);
  process.stdout.write(`parse ${i}: ${Math.round(ms)} ms, ${faults} page faults (${Math.round((faults * 4) / 1024)} MB), user ${cpu("userCPUTime")} ms, system ${cpu("systemCPUTime")} ms\n`);
}
