import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import { sniffFormat } from "../../src/detect-format.js";
import { terminateOcr } from "../../src/sources/ocr/index.js";

const PNG = new Uint8Array(readFileSync(join(import.meta.dirname, "../../fixtures/images/qd-pheduyet-kho-header.png")));

afterAll(async () => {
  await terminateOcr();
});

/** utif ships no types: imported by a name TypeScript does not resolve. */
const UTIF: string = "utif";

/** A two-page TIFF (uncompressed RGBA, big-endian) of two bands of the fixture image. */
async function twoPageTiff(): Promise<Uint8Array> {
  const canvas = await import("@napi-rs/canvas");
  type Ifd = Record<string, unknown>;
  const utif = ((await import(UTIF)) as { default: unknown }).default as { encode(ifds: Ifd[]): ArrayBuffer; encodeImage(rgba: Uint8Array, w: number, h: number): ArrayBuffer; decode(b: ArrayBuffer): Ifd[] };
  const image = await canvas.loadImage(Buffer.from(PNG));
  const height = 420;
  const pages = [0, 430].map((top) => {
    const c = canvas.createCanvas(image.width, height);
    const ctx = c.getContext("2d");
    ctx.drawImage(image, 0, -top);
    return new Uint8Array(ctx.getImageData(0, 0, image.width, height).data.buffer);
  });
  // utif writes the directories only: lay the pixel strips after them, pointing at their offsets.
  const ifds = pages.map((rgba) => utif.decode(utif.encodeImage(rgba, image.width, height))[0]);
  const headerLength = utif.encode(ifds).byteLength;
  let offset = headerLength;
  for (const [i, ifd] of ifds.entries()) {
    ifd.t273 = [offset];
    ifd.t279 = [pages[i].length];
    offset += pages[i].length;
  }
  const header = new Uint8Array(utif.encode(ifds));
  const out = new Uint8Array(offset);
  out.set(header, 0);
  let at = headerLength;
  for (const rgba of pages) {
    out.set(rgba, at);
    at += rgba.length;
  }
  return out;
}

describe("images as input", () => {
  it("detects PNG, JPEG and TIFF by their magic bytes", () => {
    expect(sniffFormat(PNG)).toBe("image");
    expect(sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe("image");
    expect(sniffFormat(new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0]))).toBe("image");
    expect(sniffFormat(new Uint8Array([0x47, 0x49, 0x46, 0x38]))).toBeNull(); // GIF stays refused
  });

  it("reads a PNG scan through OCR: header, type", { timeout: 60_000 }, async () => {
    const record = await parse(PNG, { name: "scan.png" });
    expect(record.source.format).toBe("image");
    expect(record.source.ocr?.pages).toEqual([1]);
    expect(record.header.number).toBe("89");
    expect(record.header.symbol).toBe("QĐ-CT");
    expect(record.header.date).toBe("2026-05-08");
    expect(record.type.code).toBe("QĐ");
  });

  it("reads every page of a multi-page TIFF", { timeout: 60_000 }, async () => {
    const record = await parse(await twoPageTiff(), { name: "scan.tif" });
    expect(record.source.format).toBe("image");
    expect(record.source.pages).toBe(2);
    expect(record.text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(record.text).toContain("QUYẾT ĐỊNH");
    expect(record.layout.some((l) => l.span.page === 2)).toBe(true);
  });

  it("says why when OCR is off", async () => {
    const record = await parse(PNG, { name: "scan.png", ocr: "never" });
    expect(record.warnings.map((w) => w.code)).toContain("ocr_unavailable");
  });
});
