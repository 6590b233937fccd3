import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openImagePages } from "../../src/review/image-pages.js";

const PNG = readFileSync(new URL("../../fixtures/images/qd-pheduyet-kho-header.png", import.meta.url));
/** utif ships no types: imported by a name TypeScript does not resolve. */
const UTIF: string = "utif";

describe("scanned image files as review pages", () => {
  it("shows a PNG as it is, sized from the image", async () => {
    const pages = await openImagePages(new Uint8Array(PNG));
    expect(pages.pages).toEqual([{ width: 1654, height: 842 }]);
    const page = await pages.render(1);
    expect(page.type).toBe("image/png");
    expect(page.bytes.equals(PNG)).toBe(true);
  });

  it("shows a TIFF page as PNG, with the same pixels", async () => {
    const canvas = await import("@napi-rs/canvas");
    const utif = ((await import(UTIF)) as { default: { encodeImage(rgba: Uint8Array, w: number, h: number): ArrayBuffer } }).default;
    const image = await canvas.loadImage(PNG);
    const context = canvas.createCanvas(image.width, image.height).getContext("2d");
    context.drawImage(image, 0, 0);
    const rgba = context.getImageData(0, 0, image.width, image.height).data;
    const pages = await openImagePages(new Uint8Array(utif.encodeImage(new Uint8Array(rgba.buffer), image.width, image.height)));
    expect(pages.pages).toEqual([{ width: 1654, height: 842 }]);
    const page = await pages.render(1);
    expect(page.type).toBe("image/png");
    const shown = await canvas.loadImage(page.bytes);
    const again = canvas.createCanvas(shown.width, shown.height).getContext("2d");
    again.drawImage(shown, 0, 0);
    expect(Buffer.from(again.getImageData(0, 0, shown.width, shown.height).data).equals(Buffer.from(rgba))).toBe(true);
  });
});
