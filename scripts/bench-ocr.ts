/**
 * Measures OCR of scanned PDFs: seconds per page (render + recognition, one worker), wall
 * clock and CPU (all threads of the process and its ended children: steadier on a busy machine), mean confidence,
 * low-confidence pages and corrections. Usage:
 *   npx tsx scripts/bench-ocr.ts [--lines] [--pages 1-3] file.pdf …
 * Without files it reads the scanned files of ../shared/corpus/real (when present).
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { recognizePdfPages, terminateOcr } from "../src/sources/ocr/index.js";

const args = process.argv.slice(2);
const showLines = args.includes("--lines");
const rangeAt = args.indexOf("--pages");
const range = rangeAt >= 0 ? args[rangeAt + 1] : null;
const files = args.filter((a, i) => !a.startsWith("--") && (rangeAt < 0 || i !== rangeAt + 1));
const CORPUS = join(import.meta.dirname, "../../shared/corpus/real");
const DEFAULT_FILES = [
  "cv-813-cuchoachat-scanned.pdf",
  "qd-1380-qd-ttg-scanned.pdf",
  "qd-pheduyet-kho-scanned.pdf",
  "scanned-unknown.pdf",
  "qd-1629-qd-ubnd-laichau-mixed.pdf:1",
].map((f) => join(CORPUS, f));

const targets = files.length ? files : DEFAULT_FILES.filter((f) => existsSync(f.replace(/:\d+(?:-\d+)?$/u, "")));
const rows: string[] = [];
let totalPages = 0;
let totalSeconds = 0;
let totalCpu = 0;
/** CPU seconds of this process's threads and of its ended child processes (VANBAN_OCR_ENGINE=tesseract runs one per reading). */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  let children = 0;
  if (existsSync("/proc/self/stat")) {
    // cutime and cstime, fields 16 and 17 of stat(5), in clock ticks (100 a second on Linux).
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  }
  return (u.user + u.system) / 1e6 + children;
};
// Start the worker first so the figures are per page, not per worker start.
const warmStart = performance.now();
if (targets.length) {
  const [first] = targets[0].split(/:(?=\d)/u);
  await recognizePdfPages(new Uint8Array(readFileSync(first)), [], { language: "vie" });
}
const startup = (performance.now() - warmStart) / 1000;

for (const target of targets) {
  const [file, own] = target.split(/:(?=\d)/u);
  const data = new Uint8Array(readFileSync(file));
  const pageCount = await countPages(data);
  const pages = pagesOf(own ?? range, pageCount);
  const start = performance.now();
  const cpuStart = cpuSeconds();
  const result = await recognizePdfPages(data, pages, { language: "vie" });
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuSeconds() - cpuStart;
  if ("unavailable" in result) {
    console.error(`${basename(file)}: OCR unavailable: ${result.unavailable}`);
    process.exitCode = 1;
    break;
  }
  totalPages += pages.length;
  totalSeconds += seconds;
  totalCpu += cpu;
  const confidences = result.pages.map((p) => p.confidence).filter((c): c is number => c !== null);
  const mean = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : null;
  const low = result.warnings.find((w) => w.code === "ocr_low_confidence");
  const corrected = result.warnings.filter((w) => w.code === "ocr_corrected").length;
  rows.push(
    `${basename(file).padEnd(40)} ${String(pages.length).padStart(3)} p  ${(seconds / pages.length).toFixed(2)} s/page (cpu ${(cpu / pages.length).toFixed(2)})  conf ${mean?.toFixed(1) ?? "-"}  low-conf pages ${low?.pages?.join(",") ?? "-"}  corrections ${corrected}`,
  );
  if (showLines) {
    for (const page of result.pages) {
      console.log(`--- ${basename(file)} page ${page.page} (confidence ${page.confidence})`);
      for (const l of page.lines) {
        const tags = [l.zone, l.column, l.role, l.style?.align === "center" ? "center" : null].filter(Boolean).join(",");
        console.log(`${tags.padEnd(22)} fs${String(l.style?.fontSize).padEnd(4)} x${String(l.style?.indent).padEnd(6)} gap ${String(l.gapBefore ?? "-").padEnd(4)}| ${l.text}`);
      }
    }
    for (const w of result.warnings) console.log(`warning ${w.code} ${w.page ?? w.pages?.join(",") ?? ""}: ${w.message}`);
  }
}
await terminateOcr();
console.log(`worker start ${startup.toFixed(2)} s`);
for (const row of rows) console.log(row);
if (totalPages) {
  console.log(
    `total ${totalPages} pages in ${totalSeconds.toFixed(1)} s: ${(totalSeconds / totalPages).toFixed(2)} s/page wall, ${(totalCpu / totalPages).toFixed(2)} s/page cpu, one worker`,
  );
}

function pagesOf(spec: string | null, count: number): number[] {
  if (!spec) return Array.from({ length: count }, (_, i) => i + 1);
  const [a, b] = spec.split("-").map(Number);
  return Array.from({ length: Math.min(b ?? a, count) - a + 1 }, (_, i) => a + i);
}

async function countPages(data: Uint8Array): Promise<number> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}
