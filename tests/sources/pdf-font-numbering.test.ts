import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FontNumbering } from "../../src/sources/pdf/font-numbering.js";
import { FontCatalog } from "../../src/sources/pdf/fonts.js";
import { openPdf } from "../../src/sources/pdf/load-pdf.js";
import { appearanceMayShowText, listFontUses, listPageFonts, PdfObjects } from "../../src/sources/pdf-file/index.js";
import { fixturePdfs } from "../helpers/fixtures.js";

/**
 * Font names from the file's own font objects, in the order pdf.js numbers them
 * (src/sources/pdf/font-numbering.ts, src/sources/pdf-file/page-fonts.ts): on synthetic files,
 * and against pdf.js's own names on every PDF fixture. And whether an annotation's appearance may
 * show text (src/sources/pdf-file/appearance-text.ts), which decides whether a page's operator
 * list is built for its stamps.
 */

/** A PDF of these objects ("N 0 obj … endobj"); a `stream` entry becomes a stream object. */
function pdf(objects: Record<number, string | { dict: string; stream: string }>): PdfObjects {
  let text = "%PDF-1.7\n";
  for (const [num, body] of Object.entries(objects)) {
    const value = typeof body === "string" ? body : `<< ${body.dict} /Length ${body.stream.length} >>\nstream\n${body.stream}\nendstream`;
    text += `${num} 0 obj\n${value}\nendobj\n`;
  }
  return new PdfObjects(new TextEncoder().encode(text));
}

const FONTS = {
  3: "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+TimesNewRomanPS-BoldMT /FontDescriptor 7 0 R >>",
  4: "<< /Type /Font /Subtype /Type1 /BaseFont /Times#20New#20Roman,Italic >>",
  5: "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Arial-Identity-H /DescendantFonts [8 0 R] >>",
  7: "<< /Type /FontDescriptor /FontName /ABCDEF+TimesNewRomanPS-BoldMT >>",
  8: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Arial-BoldMT /FontDescriptor 9 0 R >>",
  9: "<< /Type /FontDescriptor /FontName /ABCDEF+Arial-BoldMT >>",
};
const page = (resources: string, content: string) => ({
  1: `<< /Type /Page /Resources << ${resources} >> /Contents 2 0 R >>`,
  2: { dict: "", stream: content },
});

describe("listPageFonts", () => {
  it("names each font as pdf.js does: the descriptor's FontName, else BaseFont normalized; a composite font by its descendant", () => {
    const objects = pdf({ ...FONTS, ...page("/Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >>", "") });
    expect([...listPageFonts(objects, 1)!.values()].map((f) => [f.ref, f.name, f.descriptor])).toEqual([
      [3, "ABCDEF+TimesNewRomanPS-BoldMT", 7],
      [4, "TimesNewRoman-Italic", null],
      [5, "ABCDEF+Arial-BoldMT", 9],
    ]);
  });

  it("counts the fonts of the forms the page may draw", () => {
    const objects = pdf({ ...FONTS, ...page("/Font << /F1 3 0 R >> /XObject << /X 6 0 R >>", ""), 6: { dict: "/Type /XObject /Subtype /Form /Resources << /Font << /G 4 0 R >> >>", stream: "" } });
    expect([...listPageFonts(objects, 1)!.keys()]).toEqual([3, 4]);
  });

  const unknowable: Array<[string, Record<number, string | { dict: string; stream: string }>]> = [
    ["an inline font dictionary", { ...FONTS, ...page("/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>", "") }],
    ["a Type3 font", { ...FONTS, ...page("/Font << /F1 10 0 R >>", ""), 10: "<< /Type /Font /Subtype /Type3 /CharProcs << >> >>" }],
    ["a font without a name", { ...FONTS, ...page("/Font << /F1 10 0 R >>", ""), 10: "<< /Type /Font /Subtype /TrueType >>" }],
  ];
  for (const [name, objects] of unknowable) it(`gives up on ${name}`, () => expect(listPageFonts(pdf(objects), 1)).toBeNull());
});

describe("listFontUses", () => {
  const resources = "/Font << /F1 3 0 R /F2 4 0 R >> /XObject << /X 6 0 R >> /ExtGState << /G0 11 0 R /G1 12 0 R >>";
  const uses = (content: string) =>
    listFontUses(pdf({ ...FONTS, ...page(resources, content), 6: { dict: "/Subtype /Form /Resources << /Font << /H 5 0 R >> >>", stream: "BT /H 9 Tf (x) Tj ET" }, 11: "<< /LW 1 >>", 12: "<< /Font [4 0 R 12] >>" }), 1);
  const cases: Array<[string, string, number[] | null]> = [
    ["each font once, in the order first set", "BT /F2 12 Tf (a) Tj /F1 12 Tf (b) Tj /F2 10 Tf (c) Tj ET", [4, 3]],
    ["a form's fonts where it is drawn", "BT /F1 12 Tf ET /X Do BT /F2 12 Tf ET", [3, 5, 4]],
    ["not what a string says", "BT /F1 12 Tf (/F2 12 Tf) Tj [(/F2 1 Tf)] TJ ET", [3]],
    ["a graphics state without a font changes nothing", "/G0 gs BT /F1 12 Tf ET", [3]],
    ["a graphics state that sets a font: unknown", "/G1 gs BT /F1 12 Tf ET", null],
    ["a font the resources lack: unknown", "BT /F9 12 Tf ET", null],
    ["a form with resources of its own drawn 20,000 times: read once", "/X Do ".repeat(20_000) + "BT /F2 1 Tf ET", [5, 4]],
  ];
  for (const [name, content, expected] of cases) it(name, () => expect(uses(content)).toEqual(expected));

  it("forms nested deeper than six levels: unknown (pdf.js follows them)", () => {
    // A form without resources of its own draws /X, found in the page's resources: itself.
    const objects = pdf({ ...FONTS, ...page("/Font << /F1 3 0 R >> /XObject << /X 6 0 R >>", "/X Do"), 6: { dict: "/Subtype /Form", stream: "BT /F1 9 Tf ET /X Do" } });
    expect(listFontUses(objects, 1)).toBeNull();
    expect(listPageFonts(objects, 1)).not.toBeNull();
  });
});

describe("FontNumbering", () => {
  const twoPages = (secondDescriptor: string) =>
    pdf({
      ...FONTS,
      1: "<< /Type /Page /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents 2 0 R >>",
      2: { dict: "", stream: "BT /F2 12 Tf (a) Tj /F1 12 Tf (b) Tj ET" },
      10: "<< /Type /Page /Resources << /Font << /F2 4 0 R /F3 13 0 R >> >> /Contents 11 0 R >>",
      11: { dict: "", stream: "BT /F3 12 Tf (c) Tj /F2 12 Tf (d) Tj ET" },
      13: `<< /Type /Font /Subtype /TrueType /BaseFont /VNI-Times /FontDescriptor ${secondDescriptor} >>`,
      14: "<< /Type /FontDescriptor /FontName /VNI-Times >>",
    });

  it("numbers the fonts in the order the pages load them, each once", () => {
    const numbering = new FontNumbering(() => twoPages("14 0 R"));
    numbering.readPage(1);
    numbering.readPage(10);
    expect(["g_d3_f1", "g_d3_f2", "g_d3_f3", "g_d3_f4", "Helvetica"].map((n) => numbering.nameOf(n))).toEqual(["TimesNewRoman-Italic", "ABCDEF+TimesNewRomanPS-BoldMT", "VNI-Times", undefined, undefined]);
  });

  it("stops where pdf.js may give two fonts one number (a shared descriptor), and after stop()", () => {
    const shared = new FontNumbering(() => twoPages("7 0 R"));
    shared.readPage(1);
    shared.readPage(10);
    expect(shared.nameOf("g_d0_f1")).toBeUndefined();
    const stopped = new FontNumbering(() => twoPages("14 0 R"));
    stopped.readPage(1);
    stopped.stop();
    expect(stopped.nameOf("g_d0_f1")).toBeUndefined();
  });

  it("a font catalog names fonts from the file until told to stop (a page pdf.js failed on, an operator list)", () => {
    const catalog = new FontCatalog(new FontNumbering(() => twoPages("14 0 R")));
    catalog.followPage(1);
    expect(catalog.learnFromFile(["g_d0_f2"])).toBe(true);
    expect(catalog.get("g_d0_f2")).toMatchObject({ bold: true, italic: false });
    catalog.followPage(10);
    catalog.stopFollowing();
    expect(catalog.learnFromFile(["g_d0_f3"])).toBe(false);
    expect(catalog.get("g_d0_f2").bold).toBe(true);
  });

  it("never reads the file until a name is asked for", () => {
    let opened = 0;
    const numbering = new FontNumbering(() => {
      opened++;
      return twoPages("14 0 R");
    });
    numbering.readPage(1);
    numbering.readPage(10);
    expect(opened).toBe(0);
    numbering.nameOf("g_d0_f1");
    numbering.nameOf("g_d0_f2");
    expect(opened).toBe(1);
  });

  it("names every font of the PDF fixtures as pdf.js's operator lists do", async () => {
    const files = fixturePdfs();
    let named = 0;
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const opened = await openPdf(bytes, undefined).catch(() => null);
      if (!opened) continue;
      const { pdfjs, doc } = opened;
      const numbering = new FontNumbering(() => new PdfObjects(bytes));
      const seen = new Set<string>();
      try {
        for (let n = 1; n <= Math.min(doc.numPages, 20); n++) {
          const proxy = await doc.getPage(n);
          const items = (await proxy.getTextContent()).items as Array<{ str?: string; fontName?: string }>;
          // As the reader does: the annotations are read before the names are asked for.
          await proxy.getAnnotations();
          numbering.readPage(proxy.ref?.num ?? null);
          const fresh = [...new Set(items.filter((i) => i.str).map((i) => i.fontName!))].filter((name) => !seen.has(name));
          if (fresh.length === 0) continue;
          const predicted = fresh.map((name) => numbering.nameOf(name));
          await proxy.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
          const actual = fresh.map((name) => String((proxy.commonObjs.get(name) as { name?: string }).name));
          expect(predicted, `${file} p${n}`).toEqual(actual);
          for (const name of fresh) seen.add(name);
          named += fresh.length;
        }
      } finally {
        await doc.destroy();
      }
    }
    expect(named).toBeGreaterThan(100);
  }, 300_000);
});

describe("appearanceMayShowText", () => {
  const image = { dict: "/Type /XObject /Subtype /Image /Width 1 /Height 1", stream: "x" };
  const annotation = (appearance: string, objects: Record<number, string | { dict: string; stream: string }>) =>
    pdf({ 20: `<< /Type /Annot /Subtype /Widget /FT /Sig /AP << /N ${appearance} >> >>`, 22: image, ...objects });
  const form = (content: string, xobjects = "/Im 22 0 R") => ({ dict: `/Type /XObject /Subtype /Form /Resources << /XObject << ${xobjects} >> >>`, stream: content });
  const cases: Array<[string, PdfObjects, string, boolean]> = [
    ["a signature drawn as an image alone", annotation("21 0 R", { 21: form("q 90 0 0 40 0 0 cm /Im Do Q") }), "20R", false],
    ["an appearance that shows text", annotation("21 0 R", { 21: form("BT /F1 9 Tf (Ky boi) Tj ET") }), "20R", true],
    ["text in a form the appearance draws", annotation("21 0 R", { 21: form("/Fm Do", "/Fm 23 0 R"), 23: form("[(a)] TJ") }), "20R", true],
    ["an image in a form the appearance draws", annotation("21 0 R", { 21: form("/Fm Do", "/Fm 23 0 R"), 23: form("/Im Do") }), "20R", false],
    ["an inline image", annotation("21 0 R", { 21: form("BI /W 1 /H 1 ID xTjx EI") }), "20R", false],
    ["states without text", annotation("<< /On 21 0 R /Off 24 0 R >>", { 21: form(""), 24: form("/Im Do") }), "20R", false],
    ["one state with text", annotation("<< /On 21 0 R /Off 24 0 R >>", { 21: form(""), 24: form("(x) '") }), "20R", true],
    ["an XObject the resources lack", annotation("21 0 R", { 21: form("/Nope Do") }), "20R", true],
    ["an id that is no object's", annotation("21 0 R", { 21: form("") }), "pdfjs_internal_id_7", true],
    ["a form drawn 5,000 times, read once", annotation("21 0 R", { 21: form("/Fm Do ".repeat(5000), "/Fm 23 0 R"), 23: form("/Im Do") }), "20R", false],
  ];
  for (const [name, objects, id, expected] of cases) it(name, () => expect(appearanceMayShowText(objects, id)).toBe(expected));
});

