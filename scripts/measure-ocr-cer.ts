/**
 * Character error rate of the OCR path (issue 14), before and after the Vietnamese
 * post-correction, on born-digital pages whose text layer is the truth:
 *   npx tsx scripts/measure-ocr-cer.ts [--pages 6] [--dir ../shared/corpus/lamdong]
 * Page 1 of the first born-digital PDFs of the corpus (MANIFEST order by sha256, text layer of
 * at least 800 characters) is rendered twice with poppler: clean (300 dpi) and degraded (150 dpi,
 * rotated 1.5°, a 3×3 blur, Gaussian noise of σ 24 grey levels from a fixed seed, drawn with the
 * optional @napi-rs/canvas), then read as an image by `parse()`.
 * "Before" is the record's text with every `ocr_corrected` word put back as read, so both figures
 * come from one OCR run. Truth and OCR text are compared after NFC, classic tone placement and
 * whitespace collapsed to one space; reading order differences (two header columns) count as
 * errors in both figures alike. Needs poppler-utils; not part of `npm test`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { distance } from "fastest-levenshtein";
import { parse } from "../src/index.js";
import { terminateOcr } from "../src/sources/ocr/index.js";
import { foldTones } from "../src/text/fold.js";

const { values } = parseArgs({ options: { pages: { type: "string", default: "6" }, dir: { type: "string", default: join(import.meta.dirname, "../../shared/corpus/lamdong") } } });
const PAGES = Number(values.pages);
const DIR = values.dir;
const MIN_TRUTH = 800;
/** What the post-correction says it changed: `OCR text "X" corrected to "Y" …`. */
const CORRECTED = /^OCR text "(?<original>.*)" corrected to "/u;

const rows = readFileSync(join(DIR, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1).map((r) => r.split("\t"));
const candidates = rows.filter(([file, , pages, scan]) => file.endsWith(".pdf") && !scan && Number(pages) >= 1).sort((a, b) => a[1].localeCompare(b[1]));
const work = mkdtempSync(join(tmpdir(), "vanban-cer-"));
const normalize = (s: string): string => foldTones(s.normalize("NFC")).replace(/\s+/gu, " ").trim();

/** Rotates by 1.5°, blurs (3×3 box) and adds Gaussian noise (fixed seed): a poor 150 dpi scan. */
async function degrade(png: Buffer): Promise<Buffer> {
  const { createCanvas, loadImage } = await import("@napi-rs/canvas");
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.translate(image.width / 2, image.height / 2);
  ctx.rotate((1.5 * Math.PI) / 180);
  ctx.drawImage(image, -image.width / 2, -image.height / 2);
  const data = ctx.getImageData(0, 0, image.width, image.height);
  const { width, height } = data;
  const src = Uint8ClampedArray.from(data.data);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) + 0.5) / 4294967296;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const noise = 24 * Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
            sum += src[(yy * width + xx) * 4 + c];
            n++;
          }
        }
        data.data[(y * width + x) * 4 + c] = sum / n + noise;
      }
    }
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.putImageData(data, 0, 0);
  return canvas.toBuffer("image/png");
}

interface Measure { file: string; condition: string; truth: number; before: number; after: number; corrections: number; seconds: number }
const measures: Measure[] = [];
try {
  for (const [file] of candidates) {
    if (new Set(measures.map((m) => m.file)).size >= PAGES) break;
    const pdf = join(DIR, file);
    const truth = normalize(execFileSync("pdftotext", ["-f", "1", "-l", "1", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }));
    if (truth.length < MIN_TRUTH) continue;
    const base = join(work, String(measures.length));
    execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "300", "-png", "-singlefile", pdf, `${base}-clean`]);
    execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "150", "-png", "-singlefile", pdf, `${base}-low`]);
    writeFileSync(`${base}-degraded.png`, await degrade(readFileSync(`${base}-low.png`)));
    for (const condition of ["clean", "degraded"]) {
      const start = performance.now();
      const record = await parse(`${base}-${condition}.png`, { ocr: "always", timeout: 600_000 });
      const seconds = (performance.now() - start) / 1000;
      const after = record.text;
      // Put every corrected word back as read, from the end so that offsets stay valid.
      let before = after;
      const fixes = record.warnings.filter((w) => w.code === "ocr_corrected" && w.span).sort((a, b) => b.span!.start - a.span!.start);
      for (const w of fixes) {
        const original = CORRECTED.exec(w.message)?.groups?.original;
        if (original !== undefined) before = before.slice(0, w.span!.start) + original + before.slice(w.span!.end);
      }
      const cer = (text: string) => distance(normalize(text), truth) / truth.length;
      measures.push({ file, condition, truth: truth.length, before: cer(before), after: cer(after), corrections: fixes.length, seconds });
      process.stderr.write(`cer: ${file} ${condition}: ${(100 * cer(before)).toFixed(2)} % → ${(100 * cer(after)).toFixed(2)} % (${fixes.length} corrections, ${seconds.toFixed(1)} s)\n`);
    }
  }
} finally {
  await terminateOcr();
  rmSync(work, { recursive: true, force: true });
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
console.log("| page 1 of | condition | truth chars | CER before | CER after | corrections | s |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const m of measures) console.log(`| ${m.file.slice(0, 60)} | ${m.condition} | ${m.truth} | ${pct(m.before)} | ${pct(m.after)} | ${m.corrections} | ${m.seconds.toFixed(1)} |`);
for (const condition of ["clean", "degraded"]) {
  const set = measures.filter((m) => m.condition === condition);
  const chars = set.reduce((s, m) => s + m.truth, 0);
  // Pooled over characters, so that a short page weighs less.
  const pooled = (key: "before" | "after") => set.reduce((s, m) => s + m[key] * m.truth, 0) / chars;
  console.log(`\n${condition}: ${set.length} pages, ${chars} characters: CER ${pct(pooled("before"))} before, ${pct(pooled("after"))} after post-correction; ${(set.reduce((s, m) => s + m.seconds, 0) / set.length).toFixed(1)} s per page (wall, machine shared).`);
}
