import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it, vi } from "vitest";
import { isVanbanError } from "../../src/errors.js";
import { ParseOptionsSchema } from "../../src/schema/options.js";
import { FontCatalog } from "../../src/sources/pdf/fonts.js";
import { readPdf } from "../../src/sources/pdf/index.js";
import type { PdfJs } from "../../src/sources/pdf/load-pdf.js";
import { readPageRuns } from "../../src/sources/pdf/text-items.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const options = ParseOptionsSchema.parse({ ocr: "never" });

// A bug in our own page code: it must surface, not become "pages_unreadable".
const buildLines = vi.hoisted(() => ({ broken: false }));
vi.mock("../../src/sources/pdf/build-lines.js", async (original) => {
  const real = await original<typeof import("../../src/sources/pdf/build-lines.js")>();
  return {
    ...real,
    buildLines: (...args: Parameters<typeof real.buildLines>) => {
      if (buildLines.broken) throw new TypeError("a bug in buildLines");
      return real.buildLines(...args);
    },
  };
});

describe("PDF reading errors: library failures are warnings, our bugs throw", () => {
  it("a bug in the page code throws as itself", async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, "gm-ubnd-laocai-pdf", "input.pdf")));
    buildLines.broken = true;
    try {
      const error = await readPdf(bytes, options).then(() => null, (e: unknown) => e);
      expect(isVanbanError(error)).toBe(false);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe("a bug in buildLines");
    } finally {
      buildLines.broken = false;
    }
  });

  it("a page whose annotations pdfjs cannot read is read without them, and says why", async () => {
    const page = {
      getViewport: () => ({ transform: [1, 0, 0, -1, 0, 800], width: 600, height: 800 }),
      getTextContent: async () => ({ items: [{ str: "Nội dung.", transform: [12, 0, 0, 12, 72, 700], width: 50, fontName: "f1" }] }),
      getAnnotations: async () => {
        throw new Error("bad annotation dictionary");
      },
      getOperatorList: async () => ({ fnArray: [], argsArray: [] }),
      commonObjs: { has: () => true, get: () => ({ name: "ABCDEF+TimesNewRomanPS-BoldMT" }) },
    } as unknown as PDFPageProxy;
    const pdfjs = { AnnotationMode: { ENABLE: 1, DISABLE: 0 } } as unknown as PdfJs;
    const problems: string[] = [];
    const fonts = new FontCatalog();
    const read = await readPageRuns(pdfjs, page, 1, fonts, problems);
    expect(read.runs.map((r) => [r.text, r.bold])).toEqual([["Nội dung.", true]]);
    expect(problems).toEqual(["annotations (stamped text may be missing): bad annotation dictionary"]);
  });

  it("a page whose text pdfjs cannot read is unreadable with pdfjs's message", async () => {
    const page = {
      getViewport: () => ({ transform: [1, 0, 0, -1, 0, 800], width: 600, height: 800 }),
      getTextContent: async () => {
        throw new Error("Bad FCHECK in flate stream");
      },
    } as unknown as PDFPageProxy;
    const pdfjs = { AnnotationMode: { ENABLE: 1, DISABLE: 0 } } as unknown as PdfJs;
    const error = await readPageRuns(pdfjs, page, 1, new FontCatalog(), []).then(() => null, (e: unknown) => e);
    expect((error as Error).name).toBe("PdfJsError");
    expect((error as Error).message).toBe("text content: Bad FCHECK in flate stream");
  });
});
