/**
 * Child process of bench/ab.mjs: one build's `parse` on one workload, ROUNDS times in this process.
 *   node bench/lib/ab-run.mjs DIST ROUNDS pdf FILE...      parse() + JSON.stringify of each PDF (ocr: never)
 *   node bench/lib/ab-run.mjs DIST ROUNDS pdfs DIR COUNT   the same, the first COUNT PDFs of DIR by name
 *   node bench/lib/ab-run.mjs DIST ROUNDS text MB          parseText of the text seed repeated to MB
 * Prints {wallMs, cpuMs (per round), records (a hash of every record of the first round)}.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cpuMs, firstPdfs, ROOT } from "./measure.mjs";

const [dist, roundsArg, workload, ...args] = process.argv.slice(2);
const { parse, parseText } = await import(pathToFileURL(join(dist, "index.js")).href);

/** The workload as one function doing a round; it gives the records' JSON. */
function workOf() {
  if (workload === "pdf" || workload === "pdfs") {
    const files = workload === "pdf" ? args : firstPdfs(args[0], Number(args[1] ?? 60));
    const datas = files.map((f) => new Uint8Array(readFileSync(f)));
    return async () => {
      const out = [];
      for (const data of datas) out.push(JSON.stringify(await parse(data.slice(), { ocr: "never" })));
      return out;
    };
  }
  if (workload === "text") {
    const seed = readFileSync(join(ROOT, "fixtures/seed-003-kontum-bc-endnotes-text/input.txt"), "utf8");
    const copies = Math.max(1, Math.round((Number(args[0] ?? 8) * 1048576) / Buffer.byteLength(seed)));
    const text = Array.from({ length: copies }, () => seed).join("\n\f\n");
    return async () => [JSON.stringify(parseText(text, { format: "text" }))];
  }
  throw new Error(`unknown workload: ${workload} (pdf, pdfs, text)`);
}

const work = workOf();
const wallMs = [];
const cpu = [];
let records = "";
for (let round = 0; round < Number(roundsArg); round++) {
  const c = cpuMs();
  const t = performance.now();
  const out = await work();
  wallMs.push(performance.now() - t);
  cpu.push(cpuMs() - c);
  if (round === 0) records = createHash("sha1").update(out.join("\n")).digest("hex");
}
process.stdout.write(`${JSON.stringify({ wallMs, cpuMs: cpu, records })}\n`);
