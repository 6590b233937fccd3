import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
export type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

const requireHere = createRequire(typeof __filename === "string" ? __filename : import.meta.url);

/** Whether @napi-rs/canvas (optional) loads: without it pages cannot be drawn, only their text shown. */
export function canvasAvailable(): { ok: true } | { ok: false; reason: string } {
  try {
    requireHere("@napi-rs/canvas");
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Opens a PDF with pdfjs for the review page. Called after `parse()` read the same file, so
 * pdfjs's DOM stand-ins are in place even without @napi-rs/canvas. Fonts are drawn as paths
 * (disableFontFace): Node has no FontFace, and the page image must show the glyphs.
 */
export async function openPdfForReview(data: Uint8Array, password: string | undefined): Promise<PdfDocument> {
  const pdfjs: PdfJs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const root = dirname(requireHere.resolve("pdfjs-dist/package.json"));
  return pdfjs.getDocument({
    data: data.slice(),
    password,
    verbosity: 0,
    isEvalSupported: false,
    useWorkerFetch: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    standardFontDataUrl: join(root, "standard_fonts") + "/",
    cMapUrl: join(root, "cmaps") + "/",
  }).promise;
}
