import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { withDeferredCanvas } from "../../src/sources/pdf/canvas-polyfills.js";
import { FIXTURES } from "../helpers/fixtures.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const HIDE_CANVAS = join(import.meta.dirname, "helpers", "hide-canvas.mjs");

/** Parses files in a fresh Node process where @napi-rs/canvas cannot be loaded. */
async function parseWithoutCanvas(files: Array<{ path: string; ocr: string }>) {
  const script = `
    const { parse } = await import(${JSON.stringify(join(ROOT, "src", "index.ts"))});
    const out = [];
    for (const { path, ocr } of ${JSON.stringify(files)}) {
      try {
        const r = await parse(path, { ocr });
        out.push({ title: r.title, sections: r.sections.length, warnings: r.warnings.map((w) => w.code + ": " + w.message) });
      } catch (error) {
        out.push({ error: String(error?.code ?? "") + " " + String(error?.stack ?? error) });
      }
    }
    process.stdout.write(JSON.stringify(out));`;
  const { stdout, stderr } = await run(process.execPath, ["--import", HIDE_CANVAS, "--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    timeout: 90_000,
  });
  return { results: JSON.parse(stdout) as Array<{ title?: string; sections?: number; warnings?: string[]; error?: string }>, stderr };
}

describe("PDF without the optional packages (npm install --omit=optional)", () => {
  it("parses a text PDF, and OCR says it needs the optional packages", async () => {
    const { results, stderr } = await parseWithoutCanvas([
      { path: join(FIXTURES, "gm-ubnd-laocai-pdf", "input.pdf"), ocr: "never" },
      { path: join(FIXTURES, "cv-813-cuchoachat-scanned", "input.pdf"), ocr: "auto" },
    ]);
    const [text, scan] = results;
    expect(text.error).toBeUndefined();
    expect(text.title).toBe("GIẤY MỜI HỌP");
    expect(text.sections).toBeGreaterThan(0);
    expect(text.warnings).toEqual([]);
    expect(scan.error).toBeUndefined();
    expect(scan.warnings?.some((w) => w.startsWith("ocr_unavailable: ") && w.includes("@napi-rs/canvas"))).toBe(true);
    // pdfjs's own "cannot load @napi-rs/canvas" lines are expected noise and filtered.
    expect(stderr).not.toContain("@napi-rs/canvas");
  });
});

describe("@napi-rs/canvas waits until something draws", () => {
  it("reads a text PDF without loading it; the first drawing global used loads it", async () => {
    const script = `
      const { createRequire } = await import("node:module");
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((k) => /@napi-rs[\\\\/]canvas/.test(k));
      const { parse } = await import(${JSON.stringify(join(ROOT, "src", "index.ts"))});
      const r = await parse(${JSON.stringify(join(FIXTURES, "gm-ubnd-laocai-pdf", "input.pdf"))}, { ocr: "never" });
      const before = loaded();
      const path = new Path2D();
      process.stdout.write(JSON.stringify({ title: r.title, before, after: loaded(), native: path instanceof createRequire(import.meta.url)("@napi-rs/canvas").Path2D }));`;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, timeout: 90_000 });
    expect(JSON.parse(stdout)).toEqual({ title: "GIẤY MỜI HỌP", before: false, after: true, native: true });
  });

  it("gives a require of the package while pdfjs loads an object that loads it and forwards", async () => {
    const script = `
      const { createRequire } = await import("node:module");
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((k) => /skia/.test(k));
      const { withDeferredCanvas } = await import(${JSON.stringify(join(ROOT, "src", "sources", "pdf", "canvas-polyfills.ts"))});
      const fromPdfJs = createRequire(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.mjs"));
      const seen = await withDeferredCanvas(async () => {
        const canvas = fromPdfJs("@napi-rs/canvas");
        const before = loaded();
        const drawn = canvas.createCanvas(4, 3).getContext("2d").getImageData(0, 0, 4, 3).data.length;
        return { before, drawn, after: loaded(), again: fromPdfJs("@napi-rs/canvas").createCanvas === canvas.createCanvas };
      });
      process.stdout.write(JSON.stringify(seen));`;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, timeout: 90_000 });
    expect(JSON.parse(stdout)).toEqual({ before: false, drawn: 48, after: true, again: true });
  });
});

describe("withDeferredCanvas", () => {
  const NAMES = ["DOMMatrix", "Path2D", "ImageData"] as const;
  const g = globalThis as Record<string, unknown>;

  /** Runs `body` with the DOM globals removed, then puts them back. */
  async function withoutGlobals(body: () => Promise<void>): Promise<void> {
    const saved = NAMES.map((n) => Object.getOwnPropertyDescriptor(g, n));
    for (const n of NAMES) delete g[n];
    try {
      await body();
    } finally {
      NAMES.forEach((n, i) => {
        delete g[n];
        if (saved[i] !== undefined) Object.defineProperty(g, n, saved[i]);
      });
    }
  }

  it("gives stand-ins while pdfjs loads, and the package's classes from their first use on", async () => {
    await withoutGlobals(async () => {
      let loads = 0;
      class Matrix {}
      class Path {}
      class Image {}
      const fake = () => {
        loads++;
        return { DOMMatrix: Matrix, Path2D: Path, ImageData: Image };
      };
      const during = await withDeferredCanvas(async () => [g.DOMMatrix, g.Path2D, g.ImageData], fake);
      expect(during.every((c) => typeof c === "function" && c !== Matrix && c !== Path && c !== Image)).toBe(true);
      expect(loads).toBe(0);
      expect(g.Path2D).toBe(Path);
      expect([g.DOMMatrix, g.ImageData, loads]).toEqual([Matrix, Image, 1]);
    });
  });

  it("keeps what the caller assigns to one of them before the first use", async () => {
    await withoutGlobals(async () => {
      class Mine {}
      class Path {}
      await withDeferredCanvas(async () => undefined, () => ({ DOMMatrix: class {}, Path2D: Path, ImageData: class {} }));
      g.DOMMatrix = Mine;
      expect(g.Path2D).toBe(Path);
      expect(g.DOMMatrix).toBe(Mine);
    });
  });

  it("leaves globals that are already there", async () => {
    await withoutGlobals(async () => {
      class Mine {}
      for (const n of NAMES) g[n] = Mine;
      let loads = 0;
      await withDeferredCanvas(async () => undefined, () => loads++);
      expect([g.DOMMatrix, g.Path2D, g.ImageData, loads]).toEqual([Mine, Mine, Mine, 0]);
    });
  });

  it("keeps an affine DOMMatrix that computes like the DOM's when the package is missing", async () => {
    await withoutGlobals(async () => {
      await withDeferredCanvas(async () => undefined, () => {
        throw new Error("Cannot find module '@napi-rs/canvas'");
      });
      type M = { a: number; b: number; c: number; d: number; e: number; f: number } & Record<string, (...a: unknown[]) => M>;
      const Matrix = g.DOMMatrix as new (init?: number[]) => M;
      const values = (m: M) => [m.a, m.b, m.c, m.d, m.e, m.f].map((v) => Math.round(v * 1e9) / 1e9 + 0);
      // Scale then translate: the translation is scaled too.
      expect(values(new Matrix().scaleSelf(2, -3).translateSelf(0, -10))).toEqual([2, 0, 0, -3, 0, 30]);
      const m = new Matrix([1, 2, 3, 4, 5, 6]);
      expect(values(new Matrix([1, 2, 3, 4, 5, 6]).multiplySelf(new Matrix([1, 2, 3, 4, 5, 6]).invertSelf()))).toEqual([1, 0, 0, 1, 0, 0]);
      expect(values(new Matrix([2, 0, 0, 2, 0, 0]).preMultiplySelf(new Matrix([1, 0, 0, 1, 5, 7])))).toEqual([2, 0, 0, 2, 5, 7]);
      expect(values(new Matrix([2, 0, 0, 2, 0, 0]).multiplySelf(new Matrix([1, 0, 0, 1, 5, 7])))).toEqual([2, 0, 0, 2, 10, 14]);
      expect(values(m)).toEqual([1, 2, 3, 4, 5, 6]);
      const image = new (g.ImageData as new (w: number, h: number) => { data: Uint8ClampedArray; width: number })(3, 2);
      expect(image.data.length).toBe(24);
      expect(typeof g.Path2D).toBe("function");
    });
  });
});
