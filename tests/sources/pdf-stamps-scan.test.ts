import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { describeFont, FontCatalog } from "../../src/sources/pdf/fonts.js";
import type { PdfJs } from "../../src/sources/pdf/load-pdf.js";
import { openPdf } from "../../src/sources/pdf/load-pdf.js";
import { scanStamps } from "../../src/sources/pdf/scan-stamps.js";
import { drawnAnnotationIds, readPageRuns, type PageStamps } from "../../src/sources/pdf/text-items.js";
import { readStampRuns } from "../../src/sources/pdf/stamps.js";
import type { PdfRun } from "../../src/sources/pdf/types.js";
import { appearanceMayShowText, Lexer, listDrawnIds, PdfObjects, stringBytes } from "../../src/sources/pdf-file/index.js";
import { readToUnicode } from "../../src/sources/pdf-file/to-unicode.js";
import { FIXTURES, fixturePdfs } from "../helpers/fixtures.js";

/**
 * Stamped text read from the file (src/sources/pdf/scan-stamps.ts and the pdf-file pieces it
 * uses: annotation appearances, Identity-H fonts, ToUnicode CMaps, string bytes) instead of from
 * pdf.js's operator list: the same runs as the operator list gives on every stamped page of the
 * PDF fixtures, and the pieces on synthetic input.
 */
const pdfjs = { OPS } as unknown as PdfJs;
const bytes = (text: string) => new TextEncoder().encode(text);

/** A PDF of these objects ("N 0 obj … endobj"); a `stream` entry becomes a stream object. */
function pdf(objects: Record<number, string | { dict: string; stream: string }>): PdfObjects {
  let text = "%PDF-1.7\n";
  for (const [num, body] of Object.entries(objects)) {
    const value = typeof body === "string" ? body : `<< ${body.dict} /Length ${body.stream.length} >>\nstream\n${body.stream}\nendstream`;
    text += `${num} 0 obj\n${value}\nendobj\n`;
  }
  return new PdfObjects(bytes(text));
}

const CMAP = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n";

describe("readToUnicode", () => {
  const read = (body: string) => {
    const map = readToUnicode(bytes(`${CMAP}${body}\nendcmap CMapName currentdict /CMap defineresource pop end end`));
    return map && Object.fromEntries([...map].map(([code, text]) => [code.toString(16), text]));
  };
  const cases: Array<[string, string, Record<string, string> | null]> = [
    ["maps single codes", "2 beginbfchar <0003> <0020> <0024> <0041> endbfchar", { "3": " ", "24": "A" }],
    ["maps a code to several characters", "1 beginbfchar <0101> <00660069> endbfchar", { "101": "fi" }],
    ["pairs surrogates", "1 beginbfchar <0005> <D83DDE00> endbfchar", { "5": "😀" }],
    ["counts a range up from its destination", "1 beginbfrange <0010> <0012> <1EA0> endbfrange", { "10": "Ạ", "11": "ạ", "12": "Ả" }],
    ["carries into the byte before, as pdf.js", "1 beginbfrange <0001> <0002> <00FF> endbfrange", { "1": "ÿ", "2": "Ā" }],
    ["maps a range to an array, dropping what is past its end", "1 beginbfrange <0001> <0002> [<0061> <0062> <0063>] endbfrange", { "1": "a", "2": "b" }],
    ["gives up on another CMap used in", "/Foo usecmap 1 beginbfchar <0001> <0061> endbfchar", null],
    ["gives up on an odd destination", "1 beginbfchar <0001> <61> endbfchar", null],
    ["gives up on a destination that is a name", "1 beginbfchar <0001> /space endbfchar", null],
    ["gives up on a source that is no string", "1 beginbfchar 1 <0061> endbfchar", null],
    ["gives up on a range's start that is no string", "1 beginbfrange 1 <0002> <0061> endbfrange", null],
    ["gives up on a range's end that is no string", "1 beginbfrange <0001> 2 <0061> endbfrange", null],
    ["gives up on CID mappings", "1 begincidrange <0000> <00FF> 0 endcidrange", null],
    ["gives up on a range of more codes than two bytes hold", "1 beginbfrange <000000> <FFFFFF> <0041> endbfrange", null],
  ];
  for (const [title, body, expected] of cases) it(title, () => expect(read(body)).toEqual(expected));
});

describe("stringBytes", () => {
  const read = (content: string) => {
    const data = bytes(content);
    const lexer = new Lexer(data, 0);
    expect(lexer.next()).toBe("");
    return [...stringBytes(data, lexer.stringStart, lexer.stringEnd, lexer.stringHex)];
  };
  const cases: Array<[string, string, number[]]> = [
    ["reads a literal with nested parentheses", "(a(b)c)", [0x61, 0x28, 0x62, 0x29, 0x63]],
    ["undoes escapes", String.raw`(\n\r\t\b\f\(\)\\\q)`, [0x0a, 0x0d, 0x09, 0x08, 0x0c, 0x28, 0x29, 0x5c, 0x71]],
    ["reads one to three octal digits", String.raw`(\0\12\1234)`, [0, 10, 83, 0x34]],
    ["joins a line continued by a backslash", "(a\\\r\nb)", [0x61, 0x62]],
    ["reads an end of line as a line feed", "(a\r\nb\rc)", [0x61, 0x0a, 0x62, 0x0a, 0x63]],
    ["reads hex, skipping spaces, an odd last digit followed by 0", "<1E A0 f>", [0x1e, 0xa0, 0xf0]],
    ["reads an unterminated literal to the end", "(ab", [0x61, 0x62]],
  ];
  for (const [title, content, expected] of cases) it(title, () => expect(read(content)).toEqual(expected));
});

describe("Lexer numbers", () => {
  it("reads decimals to the value pdf.js computes (digits as one integer, divided once)", () => {
    const values = ["0.21256", "-12.345", ".5", "3.", "100.07", "0.1"].map((t) => new Lexer(bytes(t), 0).next());
    expect(values).toEqual([21256 / 100000, -12345 / 1000, 0.5, 3, 10007 / 100, 0.1]);
  });
});

describe("PdfObjects after an incremental update", () => {
  it("takes an object from an object stream written after its direct copy", () => {
    const packed = "1 0 << /Type /Page /Annots [9 0 R] >>";
    const head = "1 0 ";
    const stream = deflateSync(Buffer.from(packed));
    const text = (s: string) => Buffer.from(s, "latin1");
    const file = Buffer.concat([
      text("%PDF-1.7\n1 0 obj\n<< /Type /Page >>\nendobj\nstartxref\n0\n%%EOF\n"),
      text(`5 0 obj\n<< /Type /ObjStm /N 1 /First ${head.length} /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`),
      stream,
      text("\nendstream\nendobj\n"),
    ]);
    const objects = new PdfObjects(new Uint8Array(file));
    expect((objects.get(1) as Map<string, unknown>).has("Annots")).toBe(true);
  });

  it("keeps the direct copy when the object stream is of the same revision (no %%EOF between)", () => {
    const stream = deflateSync(Buffer.from("1 0 << /Type /Page /Packed true >>"));
    const file = Buffer.concat([
      Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Page /Direct true >>\nendobj\n", "latin1"),
      Buffer.from(`5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`, "latin1"),
      stream,
      Buffer.from("\nendstream\nendobj\n%%EOF\n", "latin1"),
    ]);
    expect([...(new PdfObjects(new Uint8Array(file)).get(1) as Map<string, unknown>).keys()]).toEqual(["Type", "Direct"]);
  });

  it("keeps a direct copy written after the object stream", () => {
    const stream = deflateSync(Buffer.from("1 0 << /Type /Page /Old true >>"));
    const file = Buffer.concat([
      Buffer.from(`%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`, "latin1"),
      stream,
      Buffer.from("\nendstream\nendobj\nstartxref\n0\n%%EOF\n1 0 obj\n<< /Type /Page /New true >>\nendobj\n", "latin1"),
    ]);
    expect([...(new PdfObjects(new Uint8Array(file)).get(1) as Map<string, unknown>).keys()]).toEqual(["Type", "New"]);
  });
});

describe("scanStamps on synthetic pages", () => {
  const FONT = {
    10: "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+TimesNewRomanPS-ItalicMT /Encoding /Identity-H /DescendantFonts [11 0 R] /ToUnicode 13 0 R >>",
    11: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+TimesNewRomanPS-ItalicMT /FontDescriptor 12 0 R /W [20 [500 600] 30 31 250] >>",
    12: "<< /Type /FontDescriptor /FontName /ABCDEF+TimesNewRomanPS-ItalicMT >>",
    13: { dict: "", stream: `${CMAP}2 beginbfchar <0014> <0031> <0015> <0032> endbfchar endcmap` },
  };
  const widget = (extra = "") => `<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [100 700 150 720] /AP << /N 4 0 R >> ${extra} >>`;
  const objects = (annot: string, content: string, more: Record<number, string | { dict: string; stream: string }> = {}) =>
    pdf({
      ...FONT,
      1: "<< /Type /Page /Annots [3 0 R] /Contents 2 0 R >>",
      2: { dict: "", stream: "" },
      3: annot,
      4: { dict: "/Type /XObject /Subtype /Form /BBox [0 0 50 20] /Resources << /Font << /F1 10 0 R >> >>", stream: content },
      ...more,
    });
  const runs = (o: PdfObjects, ids = ["3R"]) => {
    const ops = scanStamps(pdfjs, o, { num: 1, gen: 0 }, ids);
    return ops && readStampRuns(pdfjs, ops, [1, 0, 0, -1, 0, 842], describeFont).map((r) => [r.text, r.x, r.y, r.width, r.size, r.italic]);
  };

  it("reads a signature's text with its place, width, size and style", () => {
    expect(runs(objects(widget(), "BT /F1 10 Tf 1 0 0 1 2 5 Tm <00140015> Tj ET"))).toEqual([["12", 102, 137, 11, 10, true]]);
  });

  it("keeps the widths two-byte codes can reach from a W range of four billion codes, at once", () => {
    const o = objects(widget(), "BT /F1 10 Tf <0014> Tj ET", { 11: FONT[11].replace("/W [20 [500 600] 30 31 250]", "/W [0 4294967295 700]") });
    expect(runs(o)).toEqual([["1", 100, 142, 7, 10, true]]);
  });

  it("follows TJ's spacing, a moved line and widths from a W range", () => {
    expect(runs(objects(widget(), "BT /F1 10 Tf 0 0 Td [<0014> -1000 <001E>] TJ 0 -12 Td <001F> Tj ET"))).toEqual([
      ["1\u001e", 100, 142, 17.5, 10, true],
      ["\u001f", 100, 154, 2.5, 10, true],
    ]);
  });

  it("reads nothing from a hidden signature, and nothing is drawn for a link without appearance", () => {
    expect(runs(objects(widget("/F 2"), "BT /F1 10 Tf <0014> Tj ET"), [])).toEqual([]);
    const o = pdf({ ...FONT, 1: "<< /Type /Page /Annots [3 0 R] >>", 3: "<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] >>" });
    expect(runs(o, [])).toEqual([]);
  });

  const declined: Array<[string, PdfObjects, string[]?]> = [
    ["a text field (its value may be drawn anew)", objects(widget().replace("/FT /Sig", "/FT /Tx"), "BT /F1 10 Tf <0014> Tj ET")],
    ["a free-text annotation", objects(widget().replace("/Widget /FT /Sig", "/FreeText"), "BT /F1 10 Tf <0014> Tj ET")],
    ["annotations other than those pdf.js reports", objects(widget(), "BT /F1 10 Tf <0014> Tj ET"), ["7R"]],
    ["a simple font", objects(widget(), "BT /F1 10 Tf <0014> Tj ET", { 10: "<< /Type /Font /Subtype /TrueType /BaseFont /Arial /ToUnicode 13 0 R >>" })],
    ["a font without ToUnicode", objects(widget(), "BT /F1 10 Tf <0014> Tj ET", { 10: FONT[10].replace(" /ToUnicode 13 0 R", "") })],
    ["text before any font", objects(widget(), "BT <0014> Tj ET")],
    ["an odd number of bytes", objects(widget(), "BT /F1 10 Tf <001400> Tj ET")],
    ["a graphics state that sets a font", objects(widget(), "/G gs BT /F1 10 Tf <0014> Tj ET", { 4: { dict: "/Subtype /Form /Resources << /Font << /F1 10 0 R >> /ExtGState << /G << /Font [10 0 R 12] >> >> >>", stream: "/G gs" } })],
  ];
  for (const [title, o, ids] of declined) it(`leaves ${title} to pdf.js`, () => expect(runs(o, ids)).toBeNull());
});

describe("scanStamps on the PDF fixtures", () => {
  it("gives the runs pdf.js's operator list gives, on every stamped page it reads", async () => {
    const files = fixturePdfs();
    const withoutFont = (runs: PdfRun[]) => runs.map(({ font: _font, ...rest }) => rest);
    let read = 0;
    let stamped = 0;
    for (const file of files) {
      const data = new Uint8Array(readFileSync(file));
      const opened = await openPdf(data, undefined).catch(() => null);
      if (!opened) continue;
      const { pdfjs: real, doc } = opened;
      const objects = new PdfObjects(data);
      try {
        for (let n = 1; n <= Math.min(doc.numPages, 20); n++) {
          const proxy = await doc.getPage(n);
          const drawn = drawnAnnotationIds(await proxy.getAnnotations());
          if (drawn.length === 0) continue;
          stamped++;
          const scanned = scanStamps(real, objects, proxy.ref!, drawn);
          if (scanned === null) continue;
          read++;
          const vt = proxy.getViewport({ scale: 1 }).transform as [number, number, number, number, number, number];
          const ops = await proxy.getOperatorList({ annotationMode: real.AnnotationMode.ENABLE });
          const fromPdfJs = readStampRuns(real, ops, vt, (name) => describeFont(String((proxy.commonObjs.get(name) as { name?: string }).name)));
          expect(withoutFont(readStampRuns(real, scanned, vt, describeFont)), `${file} p${n}`).toEqual(withoutFont(fromPdfJs));
        }
      } finally {
        await doc.destroy();
      }
    }
    // Nearly every stamped fixture page is read from the file (one is left to pdf.js).
    expect(read).toBeGreaterThanOrEqual(stamped - 2);
    expect(read).toBeGreaterThan(5);
  }, 300_000);
});

describe("readPageRuns with stamps", () => {
  /** Page 1 of a signed decision: số 1696 and its date stamped by the signing tool. */
  const SIGNED = `${FIXTURES}/qd-1696-qd-ubnd-laocai-signed/input.pdf`;
  const stampedText = async (choose: (objects: PdfObjects, real: PdfJs) => PageStamps) => {
    const data = new Uint8Array(readFileSync(SIGNED));
    const { pdfjs: real, doc } = await openPdf(data, undefined);
    try {
      const page = await doc.getPage(1);
      const read = await readPageRuns(real, page, 1, new FontCatalog(), [], choose(new PdfObjects(data), real));
      return read.runs.filter((r) => r.stamp).map((r) => [r.text, Math.round(r.x), Math.round(r.y)]);
    } finally {
      await doc.destroy();
    }
  };
  const fromFile = (objects: PdfObjects, real: PdfJs): PageStamps => ({
    drawnIds: (ref) => listDrawnIds(objects, ref.num),
    mayShowText: (id) => appearanceMayShowText(objects, id),
    scan: (ref, ids) => scanStamps(real, objects, ref, ids),
  });

  it("reads the stamps from the file, and from the operator list when the file cannot be read for them, alike", async () => {
    const read = await stampedText(fromFile);
    expect(read.map((r) => r[0])).toEqual(["1696", "15", "5"]);
    expect(await stampedText((objects, real) => ({ ...fromFile(objects, real), scan: () => null }))).toEqual(read);
  });

  it("finds the stamped annotations from the file, and from pdf.js's annotations when the file cannot say, alike", async () => {
    const read = await stampedText(fromFile);
    expect(await stampedText((objects, real) => ({ ...fromFile(objects, real), drawnIds: () => null }))).toEqual(read);
    // A file that says the page draws nothing is checked against pdf.js's annotations: a
    // signature its reader missed is still read.
    expect(await stampedText((objects, real) => ({ ...fromFile(objects, real), drawnIds: () => [] }))).toEqual(read);
  });

  it("reads no stamp when the file cannot be read for them and no appearance may show text", async () => {
    expect(await stampedText(() => ({ drawnIds: () => null, mayShowText: () => false, scan: () => null }))).toEqual([]);
  });
});
