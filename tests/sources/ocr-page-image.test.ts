import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fadeSeals } from "../../src/sources/ocr/fade-seals.js";
import { toGrayPgms, toPageImage } from "../../src/sources/ocr/render-page.js";

/**
 * The page images read pixels as 32-bit words (pixel-words.ts); a view that does not start on a
 * word boundary is copied first. Both must give the bytes of the per-channel formulas.
 */

/** The same pixels twice: aligned, and in a buffer where they start one byte in. */
function twice(pixels: number[]): [Uint8ClampedArray, Uint8ClampedArray] {
  const aligned = new Uint8ClampedArray(pixels);
  const shifted = new Uint8ClampedArray(new ArrayBuffer(pixels.length + 1), 1, pixels.length);
  shifted.set(pixels);
  return [aligned, shifted];
}

/** Paper, print, and seal red, so that some tiles are dense with red ink. */
const PIXEL = fc.oneof(
  fc.constant([255, 255, 255, 255]),
  fc.constant([20, 20, 20, 255]),
  fc.constant([200, 40, 50, 255]),
  fc.constant([150, 110, 120, 255]),
  fc.constant([200, 40, 160, 255]),
  fc.constant([200, 160, 40, 255]),
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.constant(255)),
);

describe("page images from RGBA", () => {
  it("gives the gray and red formulas' bytes, and the same images from an unaligned view (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.array(PIXEL, { minLength: 1600, maxLength: 1600 }), (width, height, pool) => {
        const pixels = Array.from({ length: width * height }, (_, i) => pool[i % pool.length]).flat();
        const [aligned, shifted] = twice(pixels);
        const gray = toGrayPgms(aligned, width, height, true);
        expect(gray).toEqual(toGrayPgms(shifted, width, height, true));
        // The formulas, byte by byte: ITU-R 601 luma, and red alone.
        const header = gray.luma.length - width * height;
        for (let k = 0; k < width * height; k++) {
          const [r, g, b] = pixels.slice(k * 4, k * 4 + 3);
          expect(gray.luma[header + k]).toBe((r * 77 + g * 150 + b * 29) >> 8);
          expect(gray.red![header + k]).toBe(r);
        }
        const a = toPageImage(aligned, width, height, 200);
        const b = toPageImage(shifted, width, height, 200);
        expect(a).toEqual(b);
        expect(fadeSeals(aligned, width, height, a.image)).toEqual(fadeSeals(shifted, width, height, b.image));
      }),
      { numRuns: 300 },
    );
  });

  it("reads a red seal tile by words as by bytes: faded to paper", () => {
    const width = 32;
    const height = 32;
    // Magenta-red ink (green far below red, blue less so: ink only with the channels in order).
    const pixels = Array.from({ length: width * height }, (_, i) => (i % width < 16 ? [200, 40, 160, 255] : [20, 20, 20, 255])).flat();
    const [aligned] = twice(pixels);
    const image = toPageImage(aligned, width, height, 200);
    expect(image.redImage).not.toBeNull();
    const header = image.image.length - width * height;
    // Black print stays dark; the red tiles (and their neighbours' red pixels) turn to paper.
    expect(image.sealFreeImage![header + 20]).toBe(image.image[header + 20]);
    expect(image.sealFreeImage![header + 0]).toBe(255);
    expect(image.image[header + 0]).toBe((200 * 77 + 40 * 150 + 160 * 29) >> 8);
  });
});
