/**
 * Child process, one warm process: pdfjs-dist's bare getTextContent on every page (the floor),
 * readPdf alone (src, through tsx), and what the CLI does with the file (parse() from dist, then
 * JSON.stringify of the record), alternating; the first round warms up, the best later round counts.
 *   node bench/lib/pdf-compare.mjs FILE.pdf [ROUNDS]
 * vanban loads pdfjs first, so both sides run with the platform's Array.prototype.push and JSON
 * (pdfjs's legacy build replaces them with slower polyfills; src/sources/pdf/keep-builtins.ts),
 * and with the worker vanban loads (its patched copy: one fake worker serves the whole process).
 * pdf-stock-floor.mjs gives the floor with the stock worker.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tsImport } from "tsx/esm/api";
import { bareTextContent } from "./bare-text-content.mjs";
import { median, ROOT, timed } from "./measure.mjs";

const file = process.argv[2];
const ROUNDS = Number(process.argv[3] ?? 3);
const bytes = new Uint8Array(readFileSync(file));
const { parse } = await import(join(ROOT, "dist/index.js"));
const { readPdf } = await tsImport(join(ROOT, "src/sources/pdf/index.ts"), import.meta.url);
const { resolveOptions } = await tsImport(join(ROOT, "src/resolve-options.ts"), import.meta.url);
const options = resolveOptions({ ocr: "never" });

async function bare() {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  return { pages: await bareTextContent(pdfjs, [bytes]) };
}

async function reader() {
  const source = await readPdf(bytes.slice(), options);
  return { blocks: source.blocks.length };
}

let jsonBytes = 0;
async function cliWork() {
  const record = await parse(bytes.slice(), { ocr: "never" });
  jsonBytes = JSON.stringify(record).length;
  return { pages: record.source.pages };
}


const rounds = [];
for (let round = 0; round < ROUNDS; round++) {
  const cli = await timed(cliWork);
  const b = await timed(bare);
  const r = await timed(reader);
  rounds.push({ bareMs: b.ms, bareCpuMs: b.cpuMs, readerMs: r.ms, readerCpuMs: r.cpuMs, cliMs: cli.ms, cliCpuMs: cli.cpuMs });
}
const warm = rounds.slice(1);
const best = (key) => Math.min(...warm.map((r) => r[key]));
const pages = (await bare()).pages;
process.stdout.write(
  `${JSON.stringify({
    file,
    pages,
    jsonBytes,
    rounds,
    bareMs: best("bareMs"),
    readerMs: best("readerMs"),
    cliMs: best("cliMs"),
    cliCpuMs: best("cliCpuMs"),
    readerRatio: best("readerMs") / best("bareMs"),
    cliRatio: best("cliMs") / best("bareMs"),
    cliCpuRatio: best("cliCpuMs") / best("bareCpuMs"),
    // Each warm round's own ratio, then their median: a slower or faster spell of the machine
    // moves both sides of a round together.
    cliPairedRatio: median(warm.map((r) => r.cliMs / r.bareMs)),
    barePagesPerSecond: pages / (best("bareMs") / 1000),
    cliPagesPerSecond: pages / (best("cliMs") / 1000),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
