/**
 * Child process, one warm process: the PDFs of a directory (the first N by name) through parse()
 * (dist) + JSON.stringify, against pdfjs-dist's bare getTextContent on every page of the same
 * files (the floor), alternating rounds; the first round of each warms up, the best later counts.
 *   node bench/lib/pdf-files.mjs DIR [COUNT] [ROUNDS]
 * Typical administrative documents (a few pages, signed), where the 170-page file is one long one.
 * As in pdf-compare.mjs, both sides run with the platform's push and JSON (vanban loads pdfjs),
 * and with vanban's patched worker; pdf-stock-floor.mjs gives the floor with the stock one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bareTextContent } from "./bare-text-content.mjs";
import { firstPdfs, median, ROOT, timed } from "./measure.mjs";

const [dir, countArg = "60", roundsArg = "3"] = process.argv.slice(2);
const files = firstPdfs(dir, Number(countArg));
const datas = files.map((f) => new Uint8Array(readFileSync(f)));
const { parse } = await import(join(ROOT, "dist/index.js"));

let pages = 0;
async function bare() {
  // Imported after the first parse: vanban then has loaded pdfjs with the platform's builtins kept.
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  pages = await bareTextContent(pdfjs, datas);
}
async function cli() {
  for (const data of datas) JSON.stringify(await parse(data.slice(), { ocr: "never" }));
}
const rounds = [];
for (let round = 0; round < Number(roundsArg); round++) {
  const c = await timed(cli);
  const b = await timed(bare);
  rounds.push({ cliMs: c.ms, cliCpuMs: c.cpuMs, bareMs: b.ms, bareCpuMs: b.cpuMs });
}
const warm = rounds.slice(1);
const best = (key) => Math.min(...warm.map((r) => r[key]));
process.stdout.write(`${JSON.stringify({ files: files.length, pages, rounds, cliMs: best("cliMs"), cliCpuMs: best("cliCpuMs"), bareMs: best("bareMs"), ratio: best("cliMs") / best("bareMs"), cpuRatio: best("cliCpuMs") / best("bareCpuMs"), pairedRatio: median(warm.map((r) => r.cliMs / r.bareMs)) })}\n`);
