/**
 * Child process, one warm process: the floor of pdf-compare.mjs and pdf-files.mjs with pdf.js's
 * stock worker. In their process pdf.js runs the worker vanban patches (src/sources/pdf/worker-patches.ts:
 * one fake worker serves every document of a process), so their floor is pdf.js as vanban runs
 * it; this one is pdf.js as a user's script runs it. pdf.js is loaded through vanban as there
 * (VANBAN_PDFJS_PATCHES=off), so both floors run with the platform's push and JSON.
 *   node bench/lib/pdf-stock-floor.mjs FILE.pdf|DIR [COUNT] [ROUNDS]
 * Prints { bareMs, bareCpuMs } of the best warm round (the first warms up), and every round.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { bareTextContent } from "./bare-text-content.mjs";
import { firstPdfs, ROOT, timed } from "./measure.mjs";

process.env.VANBAN_PDFJS_PATCHES = "off";
const [target, countArg = "60", roundsArg = "3"] = process.argv.slice(2);
const paths = statSync(target).isDirectory() ? firstPdfs(target, Number(countArg)) : [target];
const datas = paths.map((p) => new Uint8Array(readFileSync(p)));
const { parse } = await import(join(ROOT, "dist/index.js"));
await parse(readFileSync(join(ROOT, "fixtures/gm-ubnd-laocai-pdf/input.pdf")), { ocr: "never" });
const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
const rounds = [];
for (let round = 0; round < Number(roundsArg); round++) {
  const b = await timed(() => bareTextContent(pdfjs, datas));
  rounds.push({ bareMs: b.ms, bareCpuMs: b.cpuMs });
}
const warm = rounds.length > 1 ? rounds.slice(1) : rounds;
const best = (key) => Math.min(...warm.map((r) => r[key]));
process.stdout.write(`${JSON.stringify({ files: paths.length, rounds, bareMs: best("bareMs"), bareCpuMs: best("bareCpuMs") })}\n`);
