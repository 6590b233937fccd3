import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { VanbanError } from "../../errors.js";
import { importQuietly, withDeferredCanvas, type LoadCanvas } from "./canvas-polyfills.js";
import { CachedBinaryDataFactory } from "./asset-data.js";
import { createFontSinkDocument } from "./font-sink-document.js";
import { keepBuiltins } from "./keep-builtins.js";
import { findStrippedFonts } from "./stripped-fonts.js";
import { findPackageData } from "../../util/find-package-data.js";

export type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

/** pdfjs exception names (they cross the fake-worker boundary by name, not by class). */
const PASSWORD_EXCEPTION = "PasswordException";
const FILE_MAGIC = /%PDF-/;

let pdfjsPromise: Promise<PdfJs> | null = null;

const STOCK_WORKER = "pdfjs-dist/legacy/build/pdf.worker.mjs";

/** This module's file: its path in the CJS build (where `import.meta` is empty), its URL in ESM. */
const MODULE_BASE = typeof __filename === "string" ? __filename : import.meta.url;

/**
 * Loads pdfjs once, lazily: importing the library costs ~100 ms that text input never pays.
 * @napi-rs/canvas, which pdfjs loads with it, waits until something draws (canvas-polyfills.ts).
 */
export function loadPdfJs(loadCanvas?: LoadCanvas): Promise<PdfJs> {
  // The worker module is loaded here too, so that the polyfills both install are undone in one
  // place; it sets `globalThis.pdfjsWorker`, which pdfjs's fake worker then uses.
  pdfjsPromise ??= keepBuiltins(() =>
    withDeferredCanvas(
      () =>
        importQuietly(async () => {
          const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
          await importWorker(pdfjs.version);
          return pdfjs;
        }),
      loadCanvas,
    ),
  );
  return pdfjsPromise;
}

/**
 * The build's patched copy of this very pdfjs release's worker (worker-patches.ts: the same text
 * content, fewer promises and faster copies of the text state), or null — in a bundle that left
 * dist/ behind, under another pdfjs-dist than the build's, or with VANBAN_PDFJS_PATCHES=off.
 */
export function findPatchedWorker(version: string): string | null {
  if (process.env.VANBAN_PDFJS_PATCHES === "off") return null;
  return findPackageData(MODULE_BASE, join("dist", `pdfjs-${version}`, "pdf.worker.mjs"));
}

/** Runs the worker module pdfjs will use: the patched copy, else the stock one. */
async function importWorker(version: string): Promise<void> {
  const patched = findPatchedWorker(version);
  if (patched === null) {
    // (Typed as a plain string: pdfjs-dist ships no declarations for its worker.)
    await import(STOCK_WORKER as string);
    return;
  }
  try {
    await import(pathToFileURL(patched).href);
  } catch (error) {
    // The CommonJS build turns import() into require(), which takes a path, not a URL.
    if ((error as { code?: unknown }).code !== "MODULE_NOT_FOUND") throw error;
    await import(patched);
  }
}

/**
 * The folders pdfjs reads standard fonts (ours, without outlines: `findStrippedFonts`) and CMaps
 * from, resolved from this module's file (`MODULE_BASE`).
 */
function assetUrls(): { urls: { standardFontDataUrl?: string; cMapUrl?: string }; problem: string | null } {
  let root: string;
  try {
    root = dirname(createRequire(MODULE_BASE).resolve("pdfjs-dist/package.json"));
  } catch (error) {
    // A bundle that left pdfjs-dist's folders behind: text in standard fonts and CJK CMaps may be lost.
    const reason = error instanceof Error ? error.message : String(error);
    return { urls: {}, problem: `pdfjs-dist's standard fonts and CMaps were not found (${reason})` };
  }
  const fonts = findStrippedFonts(MODULE_BASE) ?? join(root, "standard_fonts");
  // pdfjs in Node reads these with fs.readFile; it wants a trailing separator.
  return { urls: { standardFontDataUrl: fonts + "/", cMapUrl: join(root, "cmaps") + "/" }, problem: null };
}

/**
 * Opens a PDF. pdfjs runs its worker code in this thread (Node has no pdfjs worker), gets a copy
 * of the bytes (it detaches the buffer it is given) and never evaluates code from the file.
 * Unreadable input throws: `encrypted` without the right password, `corrupt` otherwise.
 * `problems` says what the reader goes without (pdfjs's font folders).
 */
export async function openPdf(
  data: Uint8Array,
  password: string | undefined,
): Promise<{ pdfjs: PdfJs; doc: PDFDocumentProxy; problems: string[] }> {
  if (data.length === 0) throw new VanbanError("empty_input", "The PDF is empty.");
  const pdfjs = await loadPdfJs();
  const assets = assetUrls();
  const task = pdfjs.getDocument({
    data: data.slice(),
    password,
    verbosity: 0,
    isEvalSupported: false,
    useWorkerFetch: false,
    useSystemFonts: false,
    // Fonts go once to a document that drops them, instead of every shown glyph being compiled
    // to a path (font-sink-document.ts).
    disableFontFace: false,
    ownerDocument: createFontSinkDocument(),
    stopAtErrors: false,
    // No image is decoded: the reader wants text, fonts and rules, never pixels (OCR opens its
    // own document), yet pdfjs decoded every image of a page whose operator list was built.
    maxImageSize: 0,
    ...assets.urls,
    // Standard fonts and CMaps read from disk once per process, not once per document.
    BinaryDataFactory: CachedBinaryDataFactory,
  });
  try {
    return { pdfjs, doc: await task.promise, problems: assets.problem ? [assets.problem] : [] };
  } catch (error) {
    // Releasing pdfjs's memory; the error that matters is the one opening the file.
    await task.destroy().catch(() => undefined);
    throw toVanbanError(error, data);
  }
}

function toVanbanError(error: unknown, data: Uint8Array): VanbanError {
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === PASSWORD_EXCEPTION) {
    const code = (error as { code?: unknown }).code;
    // pdfjs PasswordResponses: 1 = a password is needed, 2 = the one given is wrong.
    const detail = code === 2 ? "the password given does not open it" : "it needs a password (option `password`)";
    return new VanbanError("encrypted", `The PDF is encrypted: ${detail}.`, { cause: error });
  }
  // pdfjs cannot decrypt this method (a crypt filter it does not know): locked, not damaged.
  if (/unknown (?:encryption|crypto) method|unsupported encryption/iu.test(message)) {
    return new VanbanError("encrypted", `The PDF is encrypted with a method vanban cannot decrypt: ${message}.`, { cause: error });
  }
  const head = new TextDecoder("latin1").decode(data.subarray(0, 1024));
  const what = FILE_MAGIC.test(head) ? "The PDF is damaged or truncated" : "The input is not a PDF";
  return new VanbanError("corrupt", `${what}: ${message}`, { cause: error });
}
