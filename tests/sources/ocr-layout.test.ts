import { describe, expect, it } from "vitest";
import { PLACE_DATE } from "../../src/lexicon/dates.js";
import { NUMBER_SYMBOL } from "../../src/lexicon/document-number.js";
import { PERSON_NAME } from "../../src/lexicon/closing-marks.js";
import { cleanOcrText } from "../../src/sources/ocr/clean-ocr.js";
import { cleanSignatureLine } from "../../src/sources/ocr/clean-signature.js";
import { correctPlaces } from "../../src/sources/ocr/correct-places.js";
import { fadeSeals } from "../../src/sources/ocr/fade-seals.js";
import { toGrayPgms } from "../../src/sources/ocr/render-page.js";

// Issue 14: layout before recognition on scans; the pure parts (no OCR engine needed).

function page(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      rgba.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return rgba;
}

const pixel = (pgm: Uint8Array, width: number, height: number, x: number, y: number) => pgm[pgm.length - width * height + y * width + x];

describe("fadeSeals", () => {
  it("turns a dense red seal to paper and keeps black print and blue handwriting", () => {
    // A red disc (the seal) at the right, black print at the left, a blue stroke in the middle.
    const rgba = page(200, 100, (x, y) => {
      if ((x - 150) ** 2 + (y - 50) ** 2 < 30 ** 2) return [200, 40, 50];
      if (x < 40 && y % 10 < 4) return [20, 20, 20];
      if (x >= 70 && x < 80) return [30, 40, 160];
      return [250, 250, 245];
    });
    const pgm = fadeSeals(rgba, 200, 100, toGrayPgms(rgba, 200, 100, false).luma)!;
    expect(pgm).not.toBeNull();
    expect(pixel(pgm, 200, 100, 150, 50)).toBe(255);
    expect(pixel(pgm, 200, 100, 10, 1)).toBeLessThan(40);
    expect(pixel(pgm, 200, 100, 75, 50)).toBeLessThan(80);
  });

  it("leaves a page whose only red is the fringe of black letters alone", () => {
    // One reddish pixel in fifty: the colour fringe of a scanner, not a seal.
    const rgba = page(200, 100, (x, y) => ((x * 7 + y * 3) % 50 === 0 ? [170, 100, 100] : [250, 250, 250]));
    expect(fadeSeals(rgba, 200, 100, toGrayPgms(rgba, 200, 100, false).luma)).toBeNull();
  });
});

describe("cleanSignatureLine", () => {
  it("drops a signature stroke read before the name", () => {
    expect(cleanSignatureLine("- Ñ Lê Thành Long").text).toBe("Lê Thành Long");
  });

  it("spells a rank read with the wrong tone as printed", () => {
    const cleaned = cleanSignatureLine("Thiểu tướng Trương Minh Đương");
    expect(cleaned.text).toBe("Thiếu tướng Trương Minh Đương");
    expect(cleaned.corrections).toEqual([{ from: "Thiểu tướng", to: "Thiếu tướng", reason: "signer_rank" }]);
  });

  it("keeps a line that is not a name", () => {
    expect(cleanSignatureLine("KT. CỤC TRƯỞNG").text).toBe("KT. CỤC TRƯỞNG");
    expect(cleanSignatureLine("- Như trên;").text).toBe("- Như trên;");
  });
});

describe("OCR tolerance of the header and closing vocabulary", () => {
  it("reads a garbled Số at the start of the Số line", () => {
    expect(cleanOcrText("Sé:447 Ÿ /QĐ-BTP").text).toBe("Số:447 Ÿ /QĐ-BTP");
    expect(cleanOcrText("Sẽ làm rõ: các nội dung").text).toBe("Sẽ làm rõ: các nội dung");
  });

  it("drops a full stop glued before a line's first capital", () => {
    expect(cleanOcrText(".Hà Nội, ngày 08 tháng 5 năm 2026").text).toBe("Hà Nội, ngày 08 tháng 5 năm 2026");
    expect(cleanOcrText("...., ngày 08 tháng 5 năm 2026").text).toBe("...., ngày 08 tháng 5 năm 2026");
  });

  it("keeps the drafting unit in parentheses and reads a handwritten number as unreadable", () => {
    expect(NUMBER_SYMBOL.exec("Số: 4 Q8/TTr-CAT(PC04)")?.groups).toMatchObject({ unreadable: "4 Q8", symbol: "TTr-CAT(PC04)" });
    expect(NUMBER_SYMBOL.exec("Số:447 Ÿ /QĐ-BTP")?.groups).toMatchObject({ unreadable: "447 Ÿ", symbol: "QĐ-BTP" });
    expect(NUMBER_SYMBOL.exec("Số: 12a/QĐ-UBND")?.groups).toMatchObject({ number: "12a", symbol: "QĐ-UBND" });
  });

  it("reads the place of a date line whose handwritten day came out as two tokens", () => {
    expect(PLACE_DATE.exec("Lâm Đồng, ngàysŠ Ÿ tháng 1] năm 2025")?.groups).toMatchObject({ place: "Lâm Đồng", dayUnreadable: "sŠ Ÿ", year: "2025" });
    expect(PLACE_DATE.exec("Hà Nội, ngày 08 tháng 5 năm 2026")?.groups).toMatchObject({ day: "08", month: "5" });
  });

  it("takes a rank before the signer's name as part of the name", () => {
    expect(PERSON_NAME.test("Thiếu tướng Trương Minh Đương")).toBe(true);
    expect(PERSON_NAME.test("Thiếu tướng")).toBe(false);
  });
});

describe("correctPlaces", () => {
  it("spells a province read with wrong diacritics where a place is certain", () => {
    expect(correctPlaces("Lâm Đông, ngày 26 tháng 11 năm 2025").text).toBe("Lâm Đồng, ngày 26 tháng 11 năm 2025");
    expect(correctPlaces("CÔNG AN TỈNH LẦM ĐÓNG").text).toBe("CÔNG AN TỈNH LÂM ĐỒNG");
  });

  it("leaves a person's name, the other tone placement and a lower-case word alone", () => {
    expect(correctPlaces("Ông Lâm Đông Hà").text).toBe("Ông Lâm Đông Hà");
    expect(correctPlaces("tỉnh Thanh Hoá").text).toBe("tỉnh Thanh Hoá");
    expect(correctPlaces("tỉnh Bình thuận").text).toBe("tỉnh Bình thuận");
  });
});
