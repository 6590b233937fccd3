import { createRequire } from "node:module";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCropped, readCroppedMany } from "./crop-pgm.js";
import { prepareModelFolder } from "./native-models.js";
import { checkNativeTesseract, nativeTesseractVersion, readManyWithNativeTesseract, readWithNativeTesseract } from "./native-tesseract.js";
import type { OcrBlock, OcrBox } from "./ocr-lines.js";
import { PSM, type SegmentationMode } from "./segmentation-mode.js";
import { createTripwire } from "../../util/tripwire.js";

/**
 * One Tesseract worker per thread (luồng nhận dạng), created on first use and reused across
 * pages and documents. It runs in its own worker thread, loads the core wasm and the language
 * model from node_modules (never the network), and is unref'd while idle so it never keeps the
 * process alive; after `IDLE_MS` without work it is terminated to give its memory back.
 */

/** Imports an optional package; injectable so a test can make one look missing. */
export type ImportModule = (specifier: string) => Promise<unknown>;

export const importOptional: ImportModule = (specifier) => import(specifier);

/** Idle time after which the worker is terminated (a new one starts in about a second). */
const IDLE_MS = 30_000;
/** A page that takes longer than this is given up (the worker is restarted). */
const PAGE_TIMEOUT_MS = 180_000;
/** OEM 1: the LSTM recogniser only (what the model packages ship). */
const OEM_LSTM_ONLY = 1;
const LANGUAGE = /^[a-z_]{3,10}(?:\+[a-z_]{3,10})*$/u;

const requireHere = createRequire(import.meta.url);

/** The page layout Tesseract returns (only what we read). */
export interface OcrRecognition {
  blocks: OcrBlock[] | null;
  confidence: number;
}

export interface OcrEngine {
  /** "tesseract.js 7.0.0 (vie)", "tesseract 5.3.0 (vie)". */
  name: string;
  /** Reads the page, or only `region` of it (full-image pixel coordinates), in `mode` ("auto" when not given). */
  recognize(image: Uint8Array, dpi: number, region?: OcrBox, mode?: SegmentationMode): Promise<OcrRecognition>;
  /** Reads each region of the page on its own, in `mode`: one reading per region, in order. */
  recognizeRegions(image: Uint8Array, dpi: number, regions: readonly OcrBox[], mode: SegmentationMode): Promise<OcrRecognition[]>;
}

/** The parts of tesseract.js we use, typed structurally: the package is optional. */
interface TesseractModule {
  createWorker(langs: string, oem: number, options: Record<string, unknown>): Promise<TesseractWorker>;
}
interface TesseractWorker {
  worker: { ref(): void; unref(): void; on(event: string, listener: (arg: unknown) => void): void } | null;
  setParameters(params: Record<string, string>): Promise<unknown>;
  recognize(image: Uint8Array, options: Record<string, unknown>, output: Record<string, boolean>): Promise<{ data: OcrRecognition }>;
  terminate(): Promise<unknown>;
}

interface EngineState {
  language: string;
  importModule: ImportModule;
  promise: Promise<LiveEngine | { unavailable: string }>;
  /** The engine once started. */
  engine: LiveEngine | null;
}

interface LiveEngine extends OcrEngine {
  terminate(): Promise<void>;
}

let current: EngineState | null = null;

/**
 * Says why OCR cannot run here (a missing optional package, with how to install it), or null.
 * Cheap: resolves and imports the packages, starts no worker.
 */
export async function checkOcrAvailability(language: string, importModule: ImportModule = importOptional): Promise<string | null> {
  const engine = await chooseEngine(language, importModule);
  return "unavailable" in engine ? engine.unavailable : null;
}

/** The engine that will read (`resolveEngine`), once the canvas that renders the pages is there too. */
async function chooseEngine(language: string, importModule: ImportModule): Promise<{ engine: EngineName } | { unavailable: string }> {
  const engine = await resolveEngine(language, importModule);
  if ("unavailable" in engine) return engine;
  try {
    await importModule("@napi-rs/canvas");
  } catch (error) {
    return { unavailable: `OCR needs the optional package @napi-rs/canvas to render PDF pages: npm install @napi-rs/canvas (${errorMessage(error)})` };
  }
  return engine;
}

/**
 * The engine that will read: the one `VANBAN_OCR_ENGINE` names, or by default ("auto") the
 * system's Tesseract when it is version 5 or later and reads the standard models (tesseract.js's
 * model packages, or the folder `TESSDATA_PREFIX` names): the same fields right on the annotated
 * scans and about three quarters of the CPU time (docs/ocr.md). Otherwise tesseract.js, and
 * without it the system's Tesseract 5 with whatever models it has.
 */
async function resolveEngine(language: string, importModule: ImportModule): Promise<{ engine: EngineName } | { unavailable: string }> {
  if (!LANGUAGE.test(language)) return { unavailable: `OCR language "${language}" is not a Tesseract language code such as "vie" or "vie+eng".` };
  const requested = requestedEngine();
  if (requested === null) return { unavailable: `VANBAN_OCR_ENGINE="${process.env.VANBAN_OCR_ENGINE}" is not an OCR engine: "auto" (the default), "tesseract" (the system's own command) or "tesseract.js".` };
  const native = async () => checkNativeTesseract(language, await nativeModelDir(language, importModule));
  if (requested === "tesseract") {
    const check = await native();
    return "unavailable" in check ? check : { engine: "tesseract" };
  }
  // Only a Tesseract 5 is worth unpacking the models for (native-models.ts writes them to disk).
  const version = requested === "auto" ? nativeTesseractVersion() : null;
  const autoNative = version !== null && "version" in version && AUTO_NATIVE_VERSION.test(version.version);
  if (autoNative) {
    const standardModels = (await nativeModelDir(language, importModule)) !== null || Boolean(process.env.TESSDATA_PREFIX);
    if (standardModels && "name" in (await native())) return { engine: "tesseract" };
  }
  const wasm = await checkTesseractJs(language, importModule);
  if (wasm === null) return { engine: "tesseract.js" };
  if (autoNative && "name" in (await native())) return { engine: "tesseract" };
  return { unavailable: wasm };
}

/** Why tesseract.js cannot read `language` here, or null. */
async function checkTesseractJs(language: string, importModule: ImportModule): Promise<string | null> {
  try {
    await importModule("tesseract.js");
  } catch (error) {
    return `OCR needs the optional package tesseract.js: npm install tesseract.js@7 (${errorMessage(error)}), or the system's Tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)`;
  }
  for (const code of language.split("+")) {
    try {
      await languageDataPath(code, importModule);
    } catch (error) {
      return `OCR needs the language model @tesseract.js-data/${code}: npm install @tesseract.js-data/${code} (${errorMessage(error)})`;
    }
  }
  return null;
}

/** The thread's engine for `language`, started on first use; `{unavailable}` when it cannot start. */
export async function acquireOcrEngine(language: string, importModule: ImportModule = importOptional): Promise<OcrEngine | { unavailable: string }> {
  if (current && (current.language !== language || current.importModule !== importModule)) await terminateOcr();
  if (!current) {
    const state: EngineState = { language, importModule, promise: startEngine(language, importModule), engine: null };
    current = state;
    void state.promise.then((engine) => {
      if (!("unavailable" in engine)) state.engine = engine;
      // A failed start is not cached: the next call tries again.
      else if (current === state) current = null;
    });
  }
  return current.promise;
}

/** Terminates the thread's OCR worker (the CLI calls this when a run ends; idle workers also go). */
export async function terminateOcr(): Promise<void> {
  const state = current;
  current = null;
  if (!state) return;
  const engine = await state.promise;
  if (!("unavailable" in engine)) await engine.terminate();
}

type EngineName = "tesseract.js" | "tesseract";
/** The system's Tesseract chosen by "auto": version 5 or later ("tesseract 5.3.0"). */
const AUTO_NATIVE_VERSION = /^tesseract (?<major>[5-9]|\d{2,})\./u;

/**
 * What `VANBAN_OCR_ENGINE` asks for: "auto" (unset, the default), "tesseract.js" (WebAssembly,
 * an npm package) or "tesseract" (the system's own command, native-tesseract.ts); null for
 * anything else.
 */
function requestedEngine(): "auto" | EngineName | null {
  const value = process.env.VANBAN_OCR_ENGINE ?? "";
  if (value === "" || value === "auto") return "auto";
  return value === "tesseract.js" || value === "tesseract" ? value : null;
}

async function startEngine(language: string, importModule: ImportModule): Promise<LiveEngine | { unavailable: string }> {
  const chosen = await chooseEngine(language, importModule);
  if ("unavailable" in chosen) return chosen;
  if (chosen.engine === "tesseract") return startNativeEngine(language, await nativeModelDir(language, importModule));
  let tempDir: string | null = null;
  let worker: TesseractWorker;
  let version: string;
  // Loading the optional packages, linking the models and starting the worker depend on the
  // installation: their failure means OCR is unavailable here.
  try {
    const mod = (await importModule("tesseract.js")) as TesseractModule & { default?: TesseractModule };
    const tesseract = mod.default ?? mod;
    const codes = language.split("+");
    const paths = await Promise.all(codes.map((code) => languageDataPath(code, importModule)));
    let langPath = paths[0];
    if (codes.length > 1) {
      // Tesseract reads all models from one folder: link them side by side.
      tempDir = mkdtempSync(join(tmpdir(), "vanban-ocr-"));
      codes.forEach((code, i) => symlinkSync(join(paths[i], `${code}.traineddata.gz`), join(tempDir!, `${code}.traineddata.gz`)));
      langPath = tempDir;
    }
    version = (requireHere("tesseract.js/package.json") as { version: string }).version;
    worker = await createWorker(tesseract, language, langPath);
    await worker.setParameters({ tessedit_pageseg_mode: PSM.auto });
  } catch (error) {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    return { unavailable: `OCR engine could not start: ${errorMessage(error)}` };
  }
  return wrapWorker(worker, `tesseract.js ${version} (${language})`, tempDir);
}

/** The system's Tesseract: nothing to start (each reading is its own process), nothing to stop. */
function startNativeEngine(language: string, modelDir: string | null): LiveEngine | { unavailable: string } {
  const native = checkNativeTesseract(language, modelDir);
  if ("unavailable" in native) return native;
  return {
    name: native.name,
    terminate: async () => undefined,
    recognize: (image, dpi, region, mode = "auto") => readCropped(image, region, (whole) => readWithNativeTesseract(whole, { language, dpi, mode, timeoutMs: PAGE_TIMEOUT_MS, modelDir })),
    // One process for all the regions: the model is loaded once.
    recognizeRegions: (image, dpi, regions, mode) => readCroppedMany(image, regions, (wholes) => readManyWithNativeTesseract(wholes, { language, dpi, mode, timeoutMs: PAGE_TIMEOUT_MS, modelDir })),
  };
}

/** Per way of importing the packages (one in a real run; a test may make them look missing), per language. */
const modelDirs = new WeakMap<ImportModule, Map<string, Promise<string | null>>>();

/**
 * The folder of tesseract.js's standard models for the system's Tesseract (native-models.ts), or
 * null: `TESSDATA_PREFIX` set (the user's choice), or a model package missing (the system's
 * models are read, if it has them).
 */
function nativeModelDir(language: string, importModule: ImportModule): Promise<string | null> {
  if (process.env.TESSDATA_PREFIX) return Promise.resolve(null);
  let byLanguage = modelDirs.get(importModule);
  if (!byLanguage) modelDirs.set(importModule, (byLanguage = new Map()));
  let dir = byLanguage.get(language);
  if (!dir) {
    const codes = language.split("+");
    dir = Promise.all(codes.map((code) => languageDataPath(code, importModule).then((path) => join(path, `${code}.traineddata.gz`)))).then(
      (files) => {
        try {
          return prepareModelFolder(files, codes);
        } catch (error) {
          // A temp directory that cannot be written (full, read-only): the system's own models;
          // the engine's name in the record says which were read.
          if ((error as NodeJS.ErrnoException).code !== undefined) return null;
          throw error;
        }
      },
      // A model package that is not installed: the system's own models.
      () => null,
    );
    byLanguage.set(language, dir);
  }
  return dir;
}

/** The model folder of `@tesseract.js-data/<code>` (its index.js says where the gzipped model is). */
async function languageDataPath(code: string, importModule: ImportModule): Promise<string> {
  const mod = (await importModule(`@tesseract.js-data/${code}`)) as { langPath?: string; default?: { langPath?: string } };
  const langPath = mod.default?.langPath ?? mod.langPath;
  if (typeof langPath !== "string") throw new Error(`@tesseract.js-data/${code} has no langPath`);
  return langPath;
}

function createWorker(tesseract: TesseractModule, language: string, langPath: string): Promise<TesseractWorker> {
  return new Promise((resolve, reject) => {
    let started = false;
    tesseract
      .createWorker(language, OEM_LSTM_ONLY, {
        // In Node the worker requires tesseract.js-core from node_modules (wasm read from disk), so no
        // corePath is needed; the model is read from the package folder (gzipped).
        workerPath: quietWorkerScript(),
        langPath,
        gzip: true,
        // Read the model from the package folder every time; never write a cache copy.
        cacheMethod: "none",
        logger: () => {},
        // Without a handler tesseract.js throws from its message listener (an uncaught error);
        // before the worker is up it is also the only signal of a failed start.
        errorHandler: (error: unknown) => {
          if (!started) reject(new Error(String(error)));
        },
      })
      .then((worker) => {
        started = true;
        resolve(worker);
      }, reject);
  });
}

/**
 * The tesseract.js worker script behind a tiny ESM bootstrap that silences the thread's
 * console: Tesseract prints "Detected 598 diacritics" and Leptonica errors to stdout, which
 * would corrupt a CLI writing JSON there. Results and errors still arrive as messages.
 */
function quietWorkerScript(): URL {
  const script = requireHere.resolve("tesseract.js/src/worker-script/node/index.js");
  const code = [
    'import { createRequire } from "node:module";',
    'for (const k of ["log", "info", "warn", "error", "debug", "trace"]) console[k] = () => {};',
    `createRequire(${JSON.stringify(script)})(${JSON.stringify(script)});`,
  ].join("\n");
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

function wrapWorker(worker: TesseractWorker, name: string, tempDir: string | null): LiveEngine {
  const thread = worker.worker;
  let active = 0;
  /** The mode the worker is set to: changed only when a job asks for another. */
  let currentMode: SegmentationMode = "auto";
  let idleTimer: NodeJS.Timeout | null = null;
  let dead: Error | null = null;
  // A death fails the job in progress. (A tripwire, not a promise raced against each job: that
  // would keep every page's reading reachable for as long as the worker lives.)
  const death = createTripwire();
  const kill = (error: Error) => {
    if (dead) return;
    dead = error;
    death.trip({ error });
  };
  thread?.on("error", (error) => kill(error instanceof Error ? error : new Error(String(error))));
  thread?.on("exit", () => kill(new Error("OCR worker exited")));
  thread?.unref();

  const terminate = async () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    kill(new Error("OCR worker terminated"));
    // The thread may already be gone; terminating is only releasing it.
    await worker.terminate().catch(() => {});
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  /** Stops this worker and forgets it, so the next call starts a fresh one. */
  const retire = async () => {
    if (current?.engine === engine) current = null;
    await terminate();
  };
  const release = () => {
    active--;
    if (active > 0 || dead) return;
    thread?.unref();
    idleTimer = setTimeout(() => {
      if (active === 0) void retire();
    }, IDLE_MS);
    idleTimer.unref();
  };

  /** Reads one whole image (a page, or a zone cut out of it). */
  const readWhole = async (image: Uint8Array, dpi: number, mode: SegmentationMode): Promise<OcrRecognition> => {
    if (dead) throw dead;
    active++;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    thread?.ref();
    let timer: NodeJS.Timeout | null = null;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`OCR of one page took over ${PAGE_TIMEOUT_MS / 1000} s`)), PAGE_TIMEOUT_MS);
      timer.unref();
    });
    try {
      const options: Record<string, unknown> = { user_defined_dpi: String(Math.round(dpi)) };
      if (mode !== currentMode) {
        await death.race(Promise.race([worker.setParameters({ tessedit_pageseg_mode: PSM[mode] }), timeout]));
        currentMode = mode;
      }
      const job = worker.recognize(image, options, { blocks: true, text: false });
      job.catch(() => {}); // it may still fail after a timeout won the race
      const result = await death.race(Promise.race([job, timeout]));
      return result.data;
    } catch (error) {
      // A worker that failed mid-page is not trusted again: the next page starts a new one.
      void retire();
      throw error instanceof Error ? error : new Error(String(error));
    } finally {
      if (timer) clearTimeout(timer);
      release();
    }
  };

  const engine: LiveEngine = {
    name,
    terminate,
    recognize: (image, dpi, region, mode = "auto") => readCropped(image, region, (whole) => readWhole(whole, dpi, mode)),
    // One after the other: the worker reads one image at a time.
    recognizeRegions: async (image, dpi, regions, mode) => {
      const readings: OcrRecognition[] = [];
      for (const region of regions) readings.push(await engine.recognize(image, dpi, region, mode));
      return readings;
    },
  };
  return engine;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
