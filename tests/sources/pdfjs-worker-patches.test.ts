import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { findPatchedWorker } from "../../src/sources/pdf/load-pdf.js";
import { patchWorkerSource, WORKER_PATCHES, type WorkerPatch } from "../../src/sources/pdf/worker-patches.js";
import { assemblePdf } from "../helpers/assemble-pdf.js";
import { FIXTURES, fixturePdfs } from "../helpers/fixtures.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const PDFJS = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const VERSION = (JSON.parse(readFileSync(join(PDFJS, "package.json"), "utf8")) as { version: string }).version;
const PATCHED = join(ROOT, "dist", `pdfjs-${VERSION}`, "pdf.worker.mjs");

/**
 * Text switching between a standard font and a Type3 font whose glyph space is not the usual
 * 1/1000 (FontMatrix 0.002): each font is set again after the other, so the second time it comes
 * from the patch's fonts loaded so far, matrix and all. Runs wrapped in `q … Q` as Word writes
 * them, with character and word spacing and horizontal scaling set inside: after `Q` they are
 * back to what they were, whatever the copy of the text state `q` made.
 */
function fontSwitchingPdf(): Uint8Array {
  const glyph = "400 0 0 0 500 500 d1 0 0 500 500 re f";
  const content = [
    "BT /F1 12 Tf ET",
    "q BT 50 700 Td 0.6 Tc 120 Tz (Hello ) Tj /F2 12 Tf (ab) Tj /F1 12 Tf ( World ) Tj ET Q",
    "q BT 50 680 Td (Again ) Tj /F2 12 Tf (ba) Tj 4 Tw /F1 10 Tf ( x y) Tj /F2 9 Tf (aab) Tj ET Q",
    "BT 50 660 Td (End of text) Tj ET",
  ].join("\n");
  return assemblePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 500] /FontMatrix [0.002 0 0 0.002 0 0] /CharProcs << /a 7 0 R /b 7 0 R >> /Encoding << /Type /Encoding /Differences [97 /a /b] >> /FirstChar 97 /LastChar 98 /Widths [400 300] >>",
    `<< /Length ${glyph.length} >>\nstream\n${glyph}\nendstream`,
  ]);
}

/** pdf.js's text content of every page of each file, in a fresh process, with the stock worker or the patched one. */
async function textContentIn(mode: "stock" | "patched", files: string[]): Promise<string[]> {
  const worker = mode === "stock" ? "pdfjs-dist/legacy/build/pdf.worker.mjs" : `file://${PATCHED}`;
  const script = `
    const { readFileSync } = await import("node:fs");
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    await import(${JSON.stringify(worker)});
    const out = [];
    for (const path of ${JSON.stringify(files)}) {
      const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0, isEvalSupported: false, useSystemFonts: false, standardFontDataUrl: ${JSON.stringify(join(PDFJS, "standard_fonts") + "/")} }).promise;
      const pages = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const { items, styles } = await (await doc.getPage(n)).getTextContent();
        pages.push({ items, styles });
      }
      out.push(JSON.stringify(pages));
      await doc.destroy();
    }
    process.stdout.write(JSON.stringify(out));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, timeout: 300_000, maxBuffer: 1 << 28 });
  return JSON.parse(stdout) as string[];
}

/**
 * Parses files in a fresh process, the stock worker or the patched one; per file the record's
 * JSON (or the error's code), the worker the reader ran, and how many promises the parse made.
 */
async function parseIn(mode: "stock" | "patched", files: string[]) {
  const script = `
    const { promiseHooks } = await import("node:v8");
    const { parse } = await import(${JSON.stringify(join(ROOT, "src", "index.ts"))});
    const out = [];
    for (const path of ${JSON.stringify(files)}) {
      let promises = 0;
      const stop = promiseHooks.onInit(() => { promises++; });
      let record;
      try {
        record = JSON.stringify(await parse(path, { ocr: "never" }));
      } catch (error) {
        record = "error: " + String(error?.code);
      }
      stop();
      out.push({ record, promises });
    }
    const ran = globalThis.pdfjsWorker.WorkerMessageHandler;
    // (Importing the patched copy sets the global too: read it first.)
    const patched = await import(${JSON.stringify(`file://${PATCHED}`)});
    process.stdout.write(JSON.stringify({ out, ranPatched: ran === patched.WorkerMessageHandler }));`;
  const env = { ...process.env, VANBAN_PDFJS_PATCHES: mode === "stock" ? "off" : "" };
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, env, timeout: 300_000, maxBuffer: 1 << 28 });
  return JSON.parse(stdout) as { out: Array<{ record: string; promises: number }>; ranPatched: boolean };
}

describe("pdf.js worker patches (src/sources/pdf/worker-patches.ts)", () => {
  const stock = readFileSync(join(PDFJS, "legacy", "build", "pdf.worker.mjs"), "utf8");

  beforeAll(async () => {
    // Written by `npm run build`; a checkout whose dist/ was built before the patches gets it here.
    if (!existsSync(PATCHED)) await run(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "build-pdfjs-worker.ts")], { cwd: ROOT });
  }, 120_000);

  it("every patch applies to the installed pdf.js, each piece found exactly once", () => {
    const { source, missing } = patchWorkerSource(stock);
    expect(missing).toEqual([]);
    for (const edit of WORKER_PATCHES.flatMap((p) => p.edits)) {
      expect(source).not.toContain(edit.find);
      expect(source).toContain(edit.replace);
    }
    // The build's copy is this source with a notice on top.
    expect(readFileSync(PATCHED, "utf8")).toContain(source.slice(0, source.lastIndexOf("export {")));
  });

  it.each([
    { what: "the build's copy for the installed pdf.js", version: VERSION, env: undefined, worker: PATCHED },
    { what: "none under another pdf.js than the build's", version: "0.0.0", env: undefined, worker: null },
    { what: "none with VANBAN_PDFJS_PATCHES=off", version: VERSION, env: "off", worker: null },
  ])("finds $what", ({ version, env, worker }) => {
    const saved = process.env.VANBAN_PDFJS_PATCHES;
    if (env === undefined) delete process.env.VANBAN_PDFJS_PATCHES;
    else process.env.VANBAN_PDFJS_PATCHES = env;
    try {
      expect(findPatchedWorker(version)).toBe(worker);
    } finally {
      if (saved === undefined) delete process.env.VANBAN_PDFJS_PATCHES;
      else process.env.VANBAN_PDFJS_PATCHES = saved;
    }
  });

  const patch = (...finds: string[]): WorkerPatch => ({ name: "p", edits: finds.map((find) => ({ find, replace: "[$&$1]" })) });
  it.each([
    { what: "a piece that is not there", source: "a b c", patch: patch("x"), missing: ["p"], out: "a b c" },
    { what: "a piece found twice", source: "a b a", patch: patch("a"), missing: ["p"], out: "a b a" },
    { what: "one edit of two missing: none applied", source: "a b c", patch: patch("a", "x"), missing: ["p"], out: "a b c" },
    { what: "every piece once, `$` taken literally", source: "a b c", patch: patch("a", "c"), missing: [], out: "[$&$1] b [$&$1]" },
  ])("$what", ({ source, patch, missing, out }) => {
    expect(patchWorkerSource(source, [patch])).toEqual({ source: out, missing });
  });

  it("pdf.js gives the same text content with the patched worker", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-worker-"));
    try {
      const synthetic = join(dir, "font-switching.pdf");
      writeFileSync(synthetic, fontSwitchingPdf());
      const files = [synthetic, ...fixturePdfs().filter((f) => !f.includes("encrypted"))];
      const [before, after] = await Promise.all([textContentIn("stock", files), textContentIn("patched", files)]);
      // The synthetic file's text is all there, in both fonts.
      expect(JSON.parse(before[0])[0].items.map((i: { str: string }) => i.str).join("")).toBe("Hello ab WorldAgain ba x yaabEnd of text");
      expect(files.filter((_, i) => before[i] !== after[i])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the reader gives the same records with the patched worker, with far fewer promises", async () => {
    // And the hostile file with a stray rejection; not the other one, which makes pdf.js allocate
    // until V8 dies (only an isolated child reads it).
    const files = [...fixturePdfs(), join(FIXTURES, "hostile", "unhandled-rejection-cv-btp.pdf")];
    expect(files.length).toBeGreaterThan(20);
    const [before, after] = await Promise.all([parseIn("stock", files), parseIn("patched", files)]);
    expect(before.ranPatched).toBe(false);
    expect(after.ranPatched).toBe(true);
    const differing = files.filter((_, i) => before.out[i].record !== after.out[i].record);
    expect(differing).toEqual([]);
    const sum = (r: typeof before) => r.out.reduce((n, o) => n + o.promises, 0);
    // A Word-made PDF switches fonts on every line; stock pdf.js waits a microtask each time.
    expect(sum(after)).toBeLessThan(sum(before) / 2);
  });
});
