import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { recognizePdfPages, terminateOcr } from "../../src/sources/ocr/index.js";
import { cropPgm, readCropped, shiftBlocks } from "../../src/sources/ocr/crop-pgm.js";
import { prepareModelFolder } from "../../src/sources/ocr/native-models.js";
import { encodeGrayTiff } from "../../src/sources/ocr/encode-tiff.js";
import { openPdfRenderer, type CanvasModule } from "../../src/sources/ocr/render-page.js";
import { readHocr, readManyWithNativeTesseract, readWithNativeTesseract } from "../../src/sources/ocr/native-tesseract.js";
import { acquireOcrEngine, checkOcrAvailability } from "../../src/sources/ocr/tesseract-worker.js";

/** VANBAN_OCR_ENGINE=tesseract: the system's Tesseract, read through its hOCR; zones cut out of the page (issue 14). */

const saved = { engine: process.env.VANBAN_OCR_ENGINE, command: process.env.VANBAN_TESSERACT, prefix: process.env.TESSDATA_PREFIX };
afterEach(async () => {
  for (const [key, value] of [["VANBAN_OCR_ENGINE", saved.engine], ["VANBAN_TESSERACT", saved.command], ["TESSDATA_PREFIX", saved.prefix]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await terminateOcr();
});
afterAll(async () => {
  await terminateOcr();
});

const HOCR = `<?xml version="1.0" encoding="UTF-8"?>
<html><body>
  <div class='ocr_page' id='page_1' title='image "stdin"; bbox 0 0 800 600; ppageno 0'>
   <div class='ocr_carea' id='block_1_1' title="bbox 100 50 700 120">
    <p class='ocr_par' id='par_1_1' lang='vie' title="bbox 100 50 700 120">
     <span class='ocr_line' id='line_1_1' title="bbox 100 50 700 90; baseline -0.01 -5; x_size 36; x_descenders 5; x_ascenders 7">
      <span class='ocrx_word' id='word_1_1' title='bbox 100 52 200 90; x_wconf 96'>Số:</span>
      <span class='ocrx_word' id='word_1_2' title='bbox 210 50 400 88; x_wconf 80'>12/QĐ&amp;UBND</span>
     </span>
     <span class='ocr_header' id='line_1_2' title="bbox 100 95 300 120; baseline 0 -3; x_size 20">
      <span class='ocrx_word' id='word_1_3' title='bbox 100 95 300 120; x_wconf 90'>&lt;V/v&gt;&#39;x&#x27;</span>
     </span>
     <span class='ocr_line' id='line_1_3' title="bbox 100 121 300 125; baseline 0 0; x_size 4"></span>
    </p>
   </div>
   <div class='ocr_separator' id='block_1_2' title="bbox 1 2 3 4"></div>
  </div>
</body></html>`;

describe("readHocr", () => {
  it("gives tesseract.js's blocks → paragraphs → lines → words, boxes shifted by the crop", async () => {
    // As a zone is read: cut out at (10, 1000), read, shifted back.
    const pgm = new Uint8Array([...new TextEncoder().encode("P5\n800 1600\n255\n"), ...new Uint8Array(800 * 1600)]);
    let crop: Uint8Array | null = null;
    const { blocks: shifted, confidence } = await readCropped(pgm, { x0: 10, y0: 1000, x1: 790, y1: 1600 }, async (image) => {
      crop = image;
      return readHocr(HOCR);
    });
    expect(new TextDecoder().decode(crop!.subarray(0, 14))).toBe("P5\n780 600\n255");
    const blocks = shifted!;
    expect(blocks).toHaveLength(1);
    const [paragraph] = blocks[0].paragraphs!;
    expect(paragraph.bbox).toEqual({ x0: 110, y0: 1050, x1: 710, y1: 1120 });
    // The empty line is dropped; an ocr_header is a line too.
    expect(paragraph.lines.map((l) => l.words.map((w) => w.text).join(" "))).toEqual(["Số: 12/QĐ&UBND", "<V/v>'x'"]);
    const [first, second] = paragraph.lines;
    expect(first.words[1]).toEqual({ text: "12/QĐ&UBND", confidence: 80, bbox: { x0: 220, y0: 1050, x1: 410, y1: 1088 } });
    expect(first.confidence).toBe(88);
    // hOCR's baseline is a slope and an offset from the box's bottom-left corner.
    expect(first.baseline).toEqual({ x0: 110, y0: 1085, x1: 710, y1: 1085 - 0.01 * 600 });
    expect(first.rowAttributes).toEqual({ rowHeight: 36 });
    expect(second.baseline).toEqual({ x0: 110, y0: 1117, x1: 310, y1: 1117 });
    expect(confidence).toBeCloseTo((96 + 80 + 90) / 3, 6);
  });

  it("reads nothing from text that is not hOCR", () => {
    expect(readHocr("BỘ CÔNG THƯƠNG\nCỤC HÓA CHẤT\n")).toEqual({ blocks: [], confidence: 0 });
  });
});

/** A binary PGM whose pixel i is (i × step) mod 256. */
function pgm(width: number, height: number, step = 1): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  for (let i = 0; i < width * height; i++) out[header.length + i] = (i * step) % 256;
  return out;
}

describe("cropPgm", () => {

  it("cuts the rectangle out, row by row, and says where it was", () => {
    const { data, dx, dy } = cropPgm(pgm(10, 8), { x0: 2.4, y0: 3, x1: 5.2, y1: 5 });
    expect([dx, dy]).toEqual([2, 3]);
    const header = "P5\n4 2\n255\n";
    expect(new TextDecoder().decode(data.subarray(0, header.length))).toBe(header);
    expect([...data.subarray(header.length)]).toEqual([32, 33, 34, 35, 42, 43, 44, 45]);
  });

  it("keeps a rectangle that leaves the image inside it, at least one pixel", () => {
    const { data, dx, dy } = cropPgm(pgm(10, 8), { x0: 9.5, y0: -4, x1: 40, y1: 0 });
    expect([dx, dy]).toEqual([9, 0]);
    expect(new TextDecoder().decode(data.subarray(0, 11))).toBe("P5\n1 1\n255\n");
  });

  it("refuses what is not a binary 8-bit PGM", () => {
    expect(() => cropPgm(new TextEncoder().encode("P6\n2 2\n255\nxxxxxxxxxxxx"), { x0: 0, y0: 0, x1: 1, y1: 1 })).toThrow(/PGM/u);
  });
});

describe("encodeGrayTiff", () => {
  const utif = createRequire(import.meta.url)("utif") as {
    decode(b: Uint8Array): Array<Record<string, unknown> & { width: number; height: number }>;
    decodeImage(b: Uint8Array, ifd: Record<string, unknown>): void;
    toRGBA8(ifd: Record<string, unknown>): Uint8Array;
  };

  it("gives each PGM as a page of one TIFF, pixels, size and resolution kept (odd sizes padded)", () => {
    const images = [pgm(3, 3, 7), pgm(5, 2, 11), pgm(1, 1, 13)];
    const tiff = encodeGrayTiff(images, 200);
    const pages = utif.decode(tiff);
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      utif.decodeImage(tiff, page);
      const [width, height] = [[3, 3], [5, 2], [1, 1]][i];
      expect([page.width, page.height]).toEqual([width, height]);
      expect(page.t282).toEqual([200]);
      expect(page.t296).toEqual([2]);
      const rgba = utif.toRGBA8(page);
      const gray = Array.from({ length: width * height }, (_, j) => rgba[j * 4]);
      const start = images[i].length - width * height;
      expect(gray).toEqual([...images[i].subarray(start)]);
    });
  });

  it("refuses what is not a binary 8-bit PGM", () => {
    expect(() => encodeGrayTiff([new TextEncoder().encode("P6\n1 1\n255\nxxx")], 200)).toThrow(/PGM/u);
  });
});

describe("shiftBlocks", () => {
  it("moves every box of a crop's reading (blocks, paragraphs, lines, baselines, words) back into the page", () => {
    const box = { x0: 1, y0: 2, x1: 3, y1: 4 };
    const moved = { x0: 11, y0: 102, x1: 13, y1: 104 };
    const blocks = [{ bbox: box, paragraphs: [{ bbox: box, lines: [{ confidence: 90, bbox: box, baseline: box, words: [{ text: "Số", confidence: 90, bbox: box }] }] }] }];
    expect(shiftBlocks(blocks, 10, 100)).toEqual([{ bbox: moved, paragraphs: [{ bbox: moved, lines: [{ confidence: 90, bbox: moved, baseline: moved, words: [{ text: "Số", confidence: 90, bbox: moved }] }] }] }]);
    // The reading itself is left as it was.
    expect(blocks[0].bbox).toEqual(box);
    expect(shiftBlocks(null, 10, 100)).toBeNull();
  });
});

describe("prepareModelFolder", () => {
  it("unzips the models once into a folder named by their content, and reuses it", () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-models-test-"));
    try {
      const gz = join(dir, "vie.traineddata.gz");
      writeFileSync(gz, gzipSync(Buffer.from(`model ${process.pid} ${Date.now()}`)));
      const folder = prepareModelFolder([gz], ["vie"]);
      const model = join(folder, "vie.traineddata");
      expect(readFileSync(model, "utf8")).toMatch(/^model \d+ \d+$/u);
      const written = statSync(model).mtimeMs;
      expect(prepareModelFolder([gz], ["vie"])).toBe(folder);
      expect(statSync(model).mtimeMs).toBe(written);
      // Other content, another folder: an updated package never reads a stale model.
      writeFileSync(gz, gzipSync(Buffer.from("another model")));
      const other = prepareModelFolder([gz], ["vie"]);
      expect(other).not.toBe(folder);
      expect(readFileSync(join(other, "vie.traineddata"), "utf8")).toBe("another model");
      rmSync(other, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("choosing the engine", () => {
  it("names what VANBAN_OCR_ENGINE may be when it is something else", async () => {
    process.env.VANBAN_OCR_ENGINE = "abbyy";
    expect(await checkOcrAvailability("vie")).toMatch(/VANBAN_OCR_ENGINE="abbyy" is not an OCR engine: "auto" \(the default\), "tesseract" \(the system's own command\) or "tesseract\.js"/u);
  });

  /** A `tesseract` that only answers --version and --list-langs. */
  const fakeTesseract = (dir: string, version: string): string => {
    const path = join(dir, `tesseract-${version}`);
    writeFileSync(path, `#!/bin/sh\n[ "$1" = --version ] && { echo "tesseract ${version}"; exit 0; }\nfor a in "$@"; do [ "$a" = --list-langs ] && { echo 'List of available languages in "/x/" (2):'; echo eng; echo vie; exit 0; }; done\nexit 1\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const engineName = async (importModule?: (specifier: string) => Promise<unknown>) => {
    await terminateOcr();
    const engine = importModule ? await acquireOcrEngine("vie", importModule) : await acquireOcrEngine("vie");
    await terminateOcr();
    return "unavailable" in engine ? `unavailable: ${engine.unavailable}` : engine.name;
  };

  it("by default (auto) reads with the system's Tesseract 5 and the standard models, else with tesseract.js", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-engine-"));
    try {
      delete process.env.TESSDATA_PREFIX;
      for (const value of [undefined, "auto"]) {
        if (value === undefined) delete process.env.VANBAN_OCR_ENGINE;
        else process.env.VANBAN_OCR_ENGINE = value;
        process.env.VANBAN_TESSERACT = fakeTesseract(dir, "5.3.0");
        expect(await engineName()).toBe("tesseract 5.3.0 (vie, models of @tesseract.js-data)");
        // Tesseract 4 reads hOCR and TIFF differently enough not to be chosen unasked.
        process.env.VANBAN_TESSERACT = fakeTesseract(dir, "4.1.1");
        expect(await engineName()).toMatch(/^tesseract\.js \d+\.\d+\.\d+ \(vie\)$/u);
        process.env.VANBAN_TESSERACT = join(dir, "missing");
        expect(await engineName()).toMatch(/^tesseract\.js /u);
      }
      // Pinned: tesseract.js even where the system's Tesseract 5 is.
      process.env.VANBAN_OCR_ENGINE = "tesseract.js";
      process.env.VANBAN_TESSERACT = fakeTesseract(dir, "5.3.0");
      expect(await engineName()).toMatch(/^tesseract\.js /u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("without tesseract.js or its models, auto reads with the system's Tesseract and its own models", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-engine-"));
    try {
      delete process.env.VANBAN_OCR_ENGINE;
      delete process.env.TESSDATA_PREFIX;
      process.env.VANBAN_TESSERACT = fakeTesseract(dir, "5.3.0");
      const noWasm = async (specifier: string) => {
        if (specifier === "tesseract.js" || specifier.startsWith("@tesseract.js-data/")) throw new Error(`Cannot find package '${specifier}'`);
        return import(specifier);
      };
      expect(await engineName(noWasm)).toBe("tesseract 5.3.0 (vie)");
      process.env.VANBAN_TESSERACT = join(dir, "missing");
      expect(await engineName(noWasm)).toMatch(/^unavailable: OCR needs the optional package tesseract\.js: npm install tesseract\.js@7 .*or the system's Tesseract/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says how to install the command when it is missing", async () => {
    process.env.VANBAN_OCR_ENGINE = "tesseract";
    process.env.VANBAN_TESSERACT = "/nonexistent/tesseract";
    expect(await checkOcrAvailability("vie")).toMatch(/the \/nonexistent\/tesseract command did not run .*apt-get install tesseract-ocr tesseract-ocr-vie/u);
  });
});

const installed = spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" });
const hasVie = installed.status === 0 && installed.stdout.split("\n").includes("vie");

describe.skipIf(!hasVie)("the system's Tesseract on a scanned công văn (needs .ci/setup.d/40-tesseract.sh)", () => {
  it("reads page 1's header and body with tesseract.js's standard model, and names itself", async () => {
    process.env.VANBAN_OCR_ENGINE = "tesseract";
    delete process.env.TESSDATA_PREFIX;
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "cv-813-cuchoachat-scanned", "input.pdf")));
    const result = await recognizePdfPages(bytes, [1], { language: "vie" });
    if ("unavailable" in result) throw new Error(result.unavailable);
    expect(result.engine).toMatch(/^tesseract \d+\.\d+\.\d+ \(vie, models of @tesseract\.js-data\)$/u);
    expect(result.warnings.filter((w) => w.code === "ocr_failed")).toEqual([]);
    const text = result.pages[0].lines.map((l) => l.text).join("\n");
    expect(text).toMatch(/BỘ CÔNG THƯƠNG/u);
    expect(text).toMatch(/\/HC-CNHC/u);
    expect(text).toMatch(/Kính gửi: Cục Hải quan/u);
    expect(result.pages[0].confidence).toBeGreaterThan(80);
  }, 60_000);

  it("reads a page's zones in one process, as it would read them one by one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-tesseract-log-"));
    try {
      // A tesseract that logs each start and runs the real one.
      const log = join(dir, "starts.log");
      const wrapper = join(dir, "tesseract");
      writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> ${log}\nexec tesseract "$@"\n`);
      chmodSync(wrapper, 0o755);
      process.env.VANBAN_OCR_ENGINE = "tesseract";
      process.env.VANBAN_TESSERACT = wrapper;
      delete process.env.TESSDATA_PREFIX;
      const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "cv-813-cuchoachat-scanned", "input.pdf")));
      const result = await recognizePdfPages(bytes, [1], { language: "vie" });
      if ("unavailable" in result) throw new Error(result.unavailable);
      const starts = readFileSync(log, "utf8").trim().split("\n").filter((line) => line.includes("--psm"));
      // The page (auto), its header columns and title together (block), the signature column (auto).
      expect(starts.filter((line) => line.includes("--psm 6"))).toHaveLength(1);
      expect(result.pages[0].lines.map((l) => l.text).join("\n")).toMatch(/BỘ CÔNG THƯƠNG/u);

      // The same crops of the page read one by one give the same words.
      const canvas = createRequire(import.meta.url)("@napi-rs/canvas") as CanvasModule;
      const renderer = await openPdfRenderer(bytes, canvas);
      const page = await renderer.render(1);
      await renderer.close();
      const options = { language: "vie", dpi: page.dpi, mode: "block" as const, timeoutMs: 60_000, modelDir: null };
      const third = page.width / 3;
      const crops = [0, 1].map((i) => cropPgm(page.image, { x0: i * 2 * third, y0: 0, x1: (i * 2 + 1) * third, y1: page.height / 8 }).data);
      const together = await readManyWithNativeTesseract(crops, options);
      const apart = await Promise.all(crops.map((crop) => readWithNativeTesseract(crop, options)));
      expect(together).toEqual(apart);
      const words = (r: (typeof together)[number]) => r.blocks!.flatMap((b) => b.paragraphs!.flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => w.text)))).join(" ");
      expect(words(together[0])).toMatch(/BỘ CÔNG/u);
      expect(words(together[1])).toMatch(/VIỆT NAM/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it("reads the models TESSDATA_PREFIX names instead, when it is set", async () => {
    process.env.VANBAN_OCR_ENGINE = "tesseract";
    process.env.TESSDATA_PREFIX = installed.stdout.match(/"(?<dir>[^"]+)"/u)!.groups!.dir;
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "cv-813-cuchoachat-scanned", "input.pdf")));
    const result = await recognizePdfPages(bytes, [1], { language: "vie" });
    if ("unavailable" in result) throw new Error(result.unavailable);
    expect(result.engine).toMatch(/^tesseract \d+\.\d+\.\d+ \(vie\)$/u);
    expect(result.pages[0].lines.map((l) => l.text).join("\n")).toMatch(/BỘ CÔNG THƯƠNG/u);
  }, 60_000);
});
