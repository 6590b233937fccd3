import { createRequire } from "node:module";
import type { PdfDocument } from "./load-pdfjs.js";

const requireHere = createRequire(typeof __filename === "string" ? __filename : import.meta.url);

/** The largest scale the page accepts: 4× of 72 dpi is ~288 dpi, sharp enough when zoomed. */
export const MAX_SCALE = 4;

/** A PDF page drawn to PNG with @napi-rs/canvas (check `canvasAvailable()` first). */
export async function renderPageImage(pdf: PdfDocument, pageNumber: number, scale: number): Promise<Buffer> {
  const { createCanvas } = requireHere("@napi-rs/canvas") as typeof import("@napi-rs/canvas");
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  // White first: PDFs without a background would come out transparent.
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  page.cleanup();
  return canvas.toBuffer("image/png");
}
