import { spawn, spawnSync } from "node:child_process";
import { encodeGrayTiff } from "./encode-tiff.js";
import type { OcrBlock, OcrBox, OcrLine, OcrParagraph } from "./ocr-lines.js";
import { PSM, type SegmentationMode } from "./segmentation-mode.js";
import type { OcrRecognition } from "./tesseract-worker.js";

/**
 * The system's own Tesseract (the `tesseract` command, e.g. Debian's tesseract-ocr and
 * tesseract-ocr-vie): chosen by default when it is version 5 or later (tesseract-worker.ts), or
 * with `VANBAN_OCR_ENGINE=tesseract`. Native code with the CPU's full
 * vector units recognizes a page in about two thirds of the time of tesseract.js's WebAssembly
 * build, and a scan costs about three quarters of the CPU time in all (docs/ocr.md). Each
 * reading is one process (80–130 ms to start and load the model), fed a PGM on stdin (the zones
 * of a page together, as one multi-page TIFF), answering hOCR on stdout, which is turned into
 * the blocks → paragraphs → lines → words tesseract.js gives.
 */

/** The command; `VANBAN_TESSERACT` may name another binary. */
const COMMAND = (): string => process.env.VANBAN_TESSERACT ?? "tesseract";

/** One element opening of Tesseract's hOCR (one per line in its output), up to the word's text. */
const HOCR_ELEMENT =
  /<(?:div|p|span) class='(?<kind>ocr_carea|ocr_par|ocr_line|ocr_caption|ocr_header|ocr_textfloat|ocrx_word)'[^>]*? title=(?<quote>["'])(?<title>.*?)\k<quote>[^>]*>(?<text>[^<]*)/gu;
/** How to read: the language(s), the image's resolution, the segmentation mode, a time limit, a model folder. */
interface NativeReadOptions {
  language: string;
  dpi: number;
  mode: SegmentationMode;
  timeoutMs: number;
  modelDir?: string | null;
}

/** Where each image's part of the hOCR begins. */
const OCR_PAGE_START = /<div class='ocr_page'/u;
const TITLE_BBOX = /bbox (?<x0>\d+) (?<y0>\d+) (?<x1>\d+) (?<y1>\d+)/u;
/** hOCR baseline: slope, and offset from the box's bottom-left corner. */
const TITLE_BASELINE = /baseline (?<slope>-?[\d.]+) (?<offset>-?[\d.]+)/u;
const TITLE_ROW_HEIGHT = /x_size (?<size>[\d.]+)/u;
const TITLE_WORD_CONFIDENCE = /x_wconf (?<conf>\d+)/u;
const ENTITY = /&(?:(?<name>amp|lt|gt|quot|apos)|#(?<dec>\d+)|#x(?<hex>[\da-f]+));/giu;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

const checked = new Map<string, { name: string } | { unavailable: string }>();

/**
 * The engine's name ("tesseract 5.3.0 (vie)"), or why it cannot run here; asked once per process.
 * `modelDir`: a folder of models to read instead of the system's (native-models.ts).
 */
export function checkNativeTesseract(language: string, modelDir: string | null = null): { name: string } | { unavailable: string } {
  const key = `${COMMAND()}\n${language}\n${modelDir}`;
  let answer = checked.get(key);
  if (!answer) checked.set(key, (answer = askNativeTesseract(language, modelDir)));
  return answer;
}

const versions = new Map<string, { version: string } | { error: string }>();

/** The command's first line of `--version` ("tesseract 5.3.0"), or why it did not run; asked once per process. */
export function nativeTesseractVersion(): { version: string } | { error: string } {
  let answer = versions.get(COMMAND());
  if (!answer) {
    const run = spawnSync(COMMAND(), ["--version"], { encoding: "utf8" });
    answer = run.error || run.status !== 0 ? { error: run.error?.message ?? `exit ${run.status}` } : { version: `${run.stdout}${run.stderr}`.split("\n")[0].trim() };
    versions.set(COMMAND(), answer);
  }
  return answer;
}

function askNativeTesseract(language: string, modelDir: string | null): { name: string } | { unavailable: string } {
  const install = `install it (Debian: apt-get install tesseract-ocr tesseract-ocr-${language.split("+")[0]}) or unset VANBAN_OCR_ENGINE`;
  const version = nativeTesseractVersion();
  if ("error" in version) return { unavailable: `VANBAN_OCR_ENGINE=tesseract: the ${COMMAND()} command did not run (${version.error}): ${install}.` };
  const first = version.version;
  const langs = spawnSync(COMMAND(), [...modelArgs(modelDir), "--list-langs"], { encoding: "utf8" });
  const listed = new Set(`${langs.stdout}`.split("\n").slice(1).map((l) => l.trim()));
  const missing = language.split("+").filter((code) => !listed.has(code));
  if (missing.length) return { unavailable: `VANBAN_OCR_ENGINE=tesseract: ${COMMAND()} has no model for ${missing.join(", ")}: ${install}.` };
  return { name: `${first} (${language}${modelDir ? ", models of @tesseract.js-data" : ""})` };
}

/** Tesseract's option for a model folder; it must come before the image argument. */
function modelArgs(modelDir: string | null): string[] {
  return modelDir ? ["--tessdata-dir", modelDir] : [];
}

/** Reads a PGM image with the system's Tesseract. */
export async function readWithNativeTesseract(
  image: Uint8Array,
  options: NativeReadOptions,
): Promise<OcrRecognition> {
  return readHocr(await runHocr(image, options));
}

/** Runs `tesseract` on one image file's bytes (PGM, or a multi-page TIFF) and answers its hOCR. */
async function runHocr(input: Uint8Array, options: NativeReadOptions): Promise<string> {
  // (hOCR set as a variable, not the `hocr` config file, which a custom --tessdata-dir may lack.)
  const args = [...modelArgs(options.modelDir ?? null), "stdin", "stdout", "-l", options.language, "--oem", "1", "--psm", PSM[options.mode], "--dpi", String(Math.round(options.dpi)), "-c", "tessedit_create_hocr=1"];
  // One thread per reading: the pool decides how many run at once (OpenMP would take every core).
  const hocr = await run(COMMAND(), args, input, { ...process.env, OMP_THREAD_LIMIT: process.env.OMP_THREAD_LIMIT ?? "1" }, options.timeoutMs);
  if (!OCR_PAGE_START.test(hocr)) throw new Error(`${COMMAND()} did not answer hOCR: ${JSON.stringify(hocr.slice(0, 80))}`);
  return hocr;
}

/**
 * Reads several PGM images (the zones of one page) with one `tesseract` process: they go as the
 * pages of one TIFF on stdin, and the hOCR answers one `ocr_page` per image, in order. A
 * process per image would load the model again for each, about 0.1 s of CPU every time.
 */
export async function readManyWithNativeTesseract(
  images: readonly Uint8Array[],
  options: NativeReadOptions,
): Promise<OcrRecognition[]> {
  if (images.length === 0) return [];
  if (images.length === 1) return [await readWithNativeTesseract(images[0], options)];
  const hocr = await runHocr(encodeGrayTiff(images, options.dpi), options);
  const pages = hocr.split(OCR_PAGE_START).slice(1);
  if (pages.length !== images.length) throw new Error(`${COMMAND()} answered ${pages.length} pages of hOCR for ${images.length} images`);
  return pages.map(readHocr);
}

/** Tesseract's hOCR → blocks, paragraphs, lines and words. */
export function readHocr(hocr: string): OcrRecognition {
  const blocks: OcrBlock[] = [];
  let paragraph: OcrParagraph | null = null;
  let line: OcrLine | null = null;
  let sum = 0;
  let count = 0;
  for (const m of hocr.matchAll(HOCR_ELEMENT)) {
    const { kind, title, text } = m.groups!;
    const bbox = boxOf(title);
    if (!bbox) continue;
    if (kind === "ocr_carea") {
      blocks.push({ bbox, paragraphs: [] });
      paragraph = line = null;
    } else if (kind === "ocr_par") {
      if (!blocks.length) blocks.push({ bbox, paragraphs: [] });
      paragraph = { bbox, lines: [] };
      blocks[blocks.length - 1].paragraphs!.push(paragraph);
      line = null;
    } else if (kind === "ocrx_word") {
      if (!line) continue;
      const confidence = Number(TITLE_WORD_CONFIDENCE.exec(title)?.groups!.conf ?? 0);
      line.words.push({ text: decodeEntities(text), confidence, bbox });
      sum += confidence;
      count++;
    } else {
      if (!paragraph) continue;
      const base = TITLE_BASELINE.exec(title)?.groups;
      const size = TITLE_ROW_HEIGHT.exec(title)?.groups;
      line = { confidence: 0, bbox, words: [] };
      if (base) {
        const y = bbox.y1 + Number(base.offset);
        line.baseline = { x0: bbox.x0, y0: y, x1: bbox.x1, y1: y + Number(base.slope) * (bbox.x1 - bbox.x0) };
      }
      if (size) line.rowAttributes = { rowHeight: Number(size.size) };
      paragraph.lines.push(line);
    }
  }
  for (const block of blocks) {
    for (const p of block.paragraphs!) {
      p.lines = p.lines.filter((l) => l.words.length > 0);
      // A line's confidence: its words' mean (tesseract.js reports Tesseract's own, about the same).
      for (const l of p.lines) l.confidence = l.words.reduce((s, w) => s + w.confidence, 0) / l.words.length;
    }
  }
  return { blocks, confidence: count ? sum / count : 0 };
}

function boxOf(title: string): OcrBox | null {
  const g = TITLE_BBOX.exec(title)?.groups;
  return g ? { x0: Number(g.x0), y0: Number(g.y0), x1: Number(g.x1), y1: Number(g.y1) } : null;
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? ENTITIES[name.toLowerCase()] : String.fromCodePoint(dec ? Number(dec) : Number.parseInt(hex!, 16)),
  );
}

/** Runs the command with `input` on stdin; resolves with stdout, rejects on failure or timeout. */
function run(command: string, args: string[], input: Uint8Array, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`OCR of one page took over ${timeoutMs / 1000} s`));
    }, timeoutMs);
    timer.unref();
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      err = (err + chunk).slice(-2000);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // A process that dies early closes stdin: the write error is the exit's, reported there.
    child.stdin.on("error", () => undefined);
    child.stdin.end(input);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new Error(`${command} ended with ${signal ?? `exit ${code}`}: ${err.trim().split("\n").pop() ?? ""}`));
    });
  });
}
