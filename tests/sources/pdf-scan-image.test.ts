import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findScanImage, PdfObjects } from "../../src/sources/pdf-file/index.js";
import { openPdfRenderer, type CanvasModule } from "../../src/sources/ocr/render-page.js";

/** A scanned page that only places one JPEG is found, to be decoded natively (issue 14, speed). */

/** The markers of a JPEG up to its frame header (as a latin1 string): `components`, an optional EXIF block, a frame type. */
function jpeg(components = 3, { exif = false, frame = 0xc0 } = {}): string {
  const app0 = "\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00";
  const app1 = exif ? "\xff\xe1\x00\x0eExif\x00\x00ORIENT" : "";
  const specs = Array.from({ length: components }, (_, i) => `${String.fromCharCode(i + 1)}\x11\x00`).join("");
  const sof = `\xff${String.fromCharCode(frame)}\x00${String.fromCharCode(8 + 3 * components)}\x08\x00\x1e\x00\x14${String.fromCharCode(components)}${specs}`;
  return `\xff\xd8${app0}${app1}${sof}\xff\xd9`;
}
const JPEG = jpeg();

/** A one-page PDF: `content` as the page's content stream, `image` the dictionary entries of /Im0. */
function pdf(content: string, image = "/Subtype /Image /Width 20 /Height 30 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode", imageData = JPEG): PdfObjects {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /Im0 5 0 R >> >> >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< ${image} /Length ${imageData.length} >>\nstream\n${imageData}\nendstream`,
  ];
  const text = `%PDF-1.4\n${objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join("")}trailer << /Root 1 0 R >>\n%%EOF\n`;
  return new PdfObjects(Uint8Array.from(text, (c) => c.charCodeAt(0)));
}

describe("findScanImage", () => {
  it("finds the one JPEG and the matrix it is drawn with, through nested q/cm", () => {
    const scan = findScanImage(pdf("q 1 0 0 1 10 20 cm q 595 0 0 842 0 0 cm /Im0 Do Q Q"), { num: 3 });
    expect(scan).not.toBeNull();
    expect(scan!.matrix).toEqual([595, 0, 0, 842, 10, 20]);
    expect([scan!.width, scan!.height]).toEqual([20, 30]);
    expect(String.fromCharCode(...scan!.jpeg.subarray(0, 2))).toBe("\xff\xd8");
  });

  it("keeps a scanner's parameters that mean nothing to the decoders (/Quality)", () => {
    expect(findScanImage(pdf("q 595 0 0 842 0 0 cm /Im0 Do Q", "/Subtype /Image /Width 20 /Height 30 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /DecodeParms << /Quality 80 >>", jpeg(1)), { num: 3 })).not.toBeNull();
  });

  const base = "/Subtype /Image /Width 20 /Height 30 /BitsPerComponent 8 /Filter /DCTDecode";
  it.each([
    ["text beside the image (a text layer)", "q 595 0 0 842 0 0 cm /Im0 Do Q BT /F1 12 Tf (x) Tj ET", `${base} /ColorSpace /DeviceRGB`],
    ["a path (a rule, a box)", "q 595 0 0 842 0 0 cm /Im0 Do Q 0 0 10 10 re f", `${base} /ColorSpace /DeviceRGB`],
    ["two images", "q 595 0 0 842 0 0 cm /Im0 Do Q q 10 0 0 10 0 0 cm /Im0 Do Q", `${base} /ColorSpace /DeviceRGB`],
    ["a CMYK JPEG", "q 595 0 0 842 0 0 cm /Im0 Do Q", `${base} /ColorSpace /DeviceCMYK`],
    ["an ICC colour space", "q 595 0 0 842 0 0 cm /Im0 Do Q", `${base} /ColorSpace [/ICCBased 9 0 R]`],
    ["a decode array", "q 595 0 0 842 0 0 cm /Im0 Do Q", `${base} /ColorSpace /DeviceGray /Decode [1 0]`],
    ["a ColorTransform", "q 595 0 0 842 0 0 cm /Im0 Do Q", `${base} /ColorSpace /DeviceRGB /DecodeParms << /ColorTransform 0 >>`],
    ["a soft mask", "q 595 0 0 842 0 0 cm /Im0 Do Q", `${base} /ColorSpace /DeviceRGB /SMask 9 0 R`],
    ["another filter", "q 595 0 0 842 0 0 cm /Im0 Do Q", "/Subtype /Image /Width 20 /Height 30 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter /JPXDecode"],
    ["a filter chain", "q 595 0 0 842 0 0 cm /Im0 Do Q", `/Subtype /Image /Width 20 /Height 30 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter [/FlateDecode /DCTDecode]`],
    ["a missing image", "q 595 0 0 842 0 0 cm /Im9 Do Q", `${base} /ColorSpace /DeviceRGB`],
    ["a bad matrix", "q 595 0 0 cm /Im0 Do Q", `${base} /ColorSpace /DeviceRGB`],
  ])("none with %s", (_, content, image) => {
    expect(findScanImage(pdf(content, image), { num: 3 })).toBeNull();
  });

  it("none when the image's bytes are not a JPEG pdf.js would hand to a native decoder", () => {
    const page = "q 595 0 0 842 0 0 cm /Im0 Do Q";
    const rgb = "/Subtype /Image /Width 20 /Height 30 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode";
    const gray = rgb.replace("DeviceRGB", "DeviceGray");
    expect(findScanImage(pdf(page, rgb, "not a jpeg"), { num: 3 })).toBeNull();
    // Four components (CMYK, YCCK), or fewer than the colour space says.
    expect(findScanImage(pdf(page, rgb, jpeg(4)), { num: 3 })).toBeNull();
    expect(findScanImage(pdf(page, rgb, jpeg(1)), { num: 3 })).toBeNull();
    expect(findScanImage(pdf(page, gray, jpeg(1)), { num: 3 })).not.toBeNull();
    // Lossless and arithmetic-coded frames: pdf.js's decoder reads neither.
    expect(findScanImage(pdf(page, rgb, jpeg(3, { frame: 0xc3 })), { num: 3 })).toBeNull();
    expect(findScanImage(pdf(page, rgb, jpeg(3, { frame: 0xc9 })), { num: 3 })).toBeNull();
  });

  it("zeroes the EXIF block, as pdf.js does: an EXIF orientation must not turn the page", () => {
    const objects = pdf("q 595 0 0 842 0 0 cm /Im0 Do Q", undefined, jpeg(3, { exif: true }));
    const scan = findScanImage(objects, { num: 3 })!;
    const text = String.fromCharCode(...scan.jpeg);
    expect(text).toContain("Exif\x00\x00\x00\x00\x00\x00\x00\x00");
    expect(text).not.toContain("ORIENT");
    // The file itself is left as it was.
    expect(String.fromCharCode(...findScanImage(objects, { num: 3 })!.jpeg)).not.toContain("ORIENT");
    expect(text.length).toBe(jpeg(3, { exif: true }).length);
  });
});

describe("a scanned page rendered for OCR", () => {
  it("gives pdf.js's pixels with the JPEG decoded natively (qd-pheduyet-kho: one JPEG per page, rotated 270°)", async () => {
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "qd-pheduyet-kho-scanned", "input.pdf")));
    const objects = new PdfObjects(bytes);
    const isPage = (num: number) => {
      const value = objects.get(num);
      return value instanceof Map && (value.get("Type") as { name?: string } | undefined)?.name === "Page";
    };
    const pages = Array.from({ length: 40 }, (_, i) => i + 1).filter(isPage);
    expect(pages).toHaveLength(3);
    for (const num of pages) expect(findScanImage(objects, { num })).not.toBeNull();
    const canvas = createRequire(import.meta.url)("@napi-rs/canvas") as CanvasModule & { loadImage(b: Buffer): Promise<unknown> };
    let decoded = 0;
    const counting = { createCanvas: canvas.createCanvas.bind(canvas), loadImage: (b: Buffer) => (decoded++, canvas.loadImage(b)) };
    const native = await openPdfRenderer(bytes, counting);
    // The same renderer without loadImage: pdf.js draws the page.
    const pdfjsOnly = await openPdfRenderer(bytes, { createCanvas: canvas.createCanvas.bind(canvas) });
    const a = await native.render(1);
    const b = await pdfjsOnly.render(1);
    await native.close();
    await pdfjsOnly.close();
    expect(decoded).toBe(1);
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    let diff = 0;
    for (let i = 0; i < a.image.length; i++) diff += Math.abs(a.image[i] - b.image[i]);
    expect(diff / (a.width * a.height)).toBeLessThan(0.1);
    expect(Boolean(a.sealFreeImage)).toBe(Boolean(b.sealFreeImage));
  }, 60_000);
});
