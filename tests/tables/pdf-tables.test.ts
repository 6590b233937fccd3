import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import { openPdf, type PdfJs } from "../../src/sources/pdf/load-pdf.js";
import { buildGrids } from "../../src/sources/pdf/tables/build-grids.js";
import { fillCells, type PageTable } from "../../src/sources/pdf/tables/fill-cells.js";
import { numberTables } from "../../src/sources/pdf/tables/join-pages.js";
import { mayHoldTable } from "../../src/sources/pdf/tables/may-hold-table.js";
import { PdfObjects } from "../../src/sources/pdf-file/index.js";
import { readRules, type Rule } from "../../src/sources/pdf/tables/read-rules.js";
import { scanPagePaths } from "../../src/sources/pdf/tables/scan-paths.js";
import type { PdfLine, PdfRun } from "../../src/sources/pdf/types.js";
import { pairTables, scoreTable, type AnnotatedTable } from "./score-tables.js";

/**
 * PDF ruled tables (src/sources/pdf/tables): hand-checked annotations of real pages
 * (fixtures/tables/pdf-*, origins in fixtures/SOURCES.md), and the pieces on synthetic input.
 */
const DIR = join(import.meta.dirname, "..", "..", "fixtures", "tables");
const CASES = readdirSync(DIR).filter((d) => d.startsWith("pdf-")).sort();
const pdfjs = { OPS } as unknown as PdfJs;

describe("PDF tables of hand-annotated pages", () => {
  it("reads cell text by (row, column) with precision and recall ≥ 0.95, row and column counts right", async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(3);
    let matched = 0;
    let predicted = 0;
    let expected = 0;
    let tables = 0;
    let countsRight = 0;
    for (const name of CASES) {
      const record = await parse(join(DIR, name, "input.pdf"), { ocr: "never" });
      const annotated = (JSON.parse(readFileSync(join(DIR, name, "tables.json"), "utf8")) as { tables: AnnotatedTable[] }).tables;
      // No table the annotation does not know: a false table is worse than a missed one.
      expect(record.tables.length, name).toBe(annotated.length);
      for (const pair of pairTables(record.tables, annotated)) {
        tables++;
        if (!pair.predicted) {
          expected += pair.expected.rows.flat().length;
          continue;
        }
        const s = scoreTable(pair.predicted, pair.expected);
        matched += s.matched;
        predicted += s.predicted;
        expected += s.expected;
        countsRight += Number(s.rowsRight && s.colsRight);
        for (const cell of pair.predicted.rows.flatMap((r) => r.cells)) expect(record.text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
      }
    }
    expect(tables).toBeGreaterThanOrEqual(4);
    expect(matched / predicted).toBeGreaterThanOrEqual(0.95);
    expect(matched / expected).toBeGreaterThanOrEqual(0.95);
    expect(countsRight / tables).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it("joins a table over a page break into one table, on the first page's column grid", async () => {
    const record = await parse(join(DIR, "pdf-two-pages-danh-muc", "input.pdf"), { ocr: "never" });
    expect(record.tables).toHaveLength(1);
    const [table] = record.tables;
    expect(table.rows).toHaveLength(6);
    const pages = new Set(table.rows.flatMap((r) => r.cells.map((c) => c.span.page)));
    expect([...pages].sort()).toEqual([1, 2]);
    // Page 2 starts with a row of the same table, placed under "Nội dung giao quy định chi tiết".
    expect(table.rows[3].cells.map((c) => [c.col, c.text.slice(0, 15)])).toEqual([
      [4, "Khoản 4 Điều 19"],
      [5, "Nghị định số 41"],
      [6, "Hiệu lực thi hà"],
    ]);
  }, 60_000);

  it("keeps cells out of the section tree: every cell has the layout role `table`", async () => {
    const record = await parse(join(DIR, "pdf-ruled-phu-luc-chi-so", "input.pdf"), { ocr: "never" });
    const roles = new Map(record.layout.map((l) => [l.span.start, l.role]));
    const cells = record.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
    expect(cells.length).toBeGreaterThan(500);
    expect(cells.every((c) => roles.get(c.span.start) === "table")).toBe(true);
    expect(JSON.stringify(record.sections)).not.toContain("UBND xã Hàm Kiệm");
    expect(record.tables.map((t) => t.caption)).toEqual(["I. ĐỐI VỚI CẤP SỞ", "II. ĐỐI VỚI CẤP XÃ"]);
  }, 60_000);

  it("reads the same rules from the content streams as from pdf.js's operator list", async () => {
    for (const name of CASES) {
      const bytes = new Uint8Array(readFileSync(join(DIR, name, "input.pdf")));
      const { pdfjs: real, doc } = await openPdf(bytes, undefined);
      const objects = new PdfObjects(bytes);
      try {
        // A whole document's pages: those without a table must read no grid either way.
        let withGrid = 0;
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const vt = page.getViewport({ scale: 1 }).transform as [number, number, number, number, number, number];
          const scanned = scanPagePaths(real, objects, page.ref!);
          expect(scanned, `${name} p${n}`).not.toBeNull();
          const ops = await page.getOperatorList({ annotationMode: real.AnnotationMode.DISABLE });
          const grid = (rules: Rule[]) => buildGrids(rules).map((g) => ({ xs: g.xs.map(Math.round), ys: g.ys.map(Math.round), cells: g.cells.length }));
          const fromScan = grid(readRules(real, scanned!, vt));
          if (fromScan.length > 0) withGrid++;
          expect(fromScan, `${name} p${n}`).toEqual(grid(readRules(real, ops, vt)));
        }
        expect(withGrid, name).toBeGreaterThan(0);
      } finally {
        await doc.destroy();
      }
    }
  }, 120_000);
});

const h = (at: number, from: number, to: number): Rule => ({ axis: "h", at, from, to });
const v = (at: number, from: number, to: number): Rule => ({ axis: "v", at, from, to });
/** A 2 × 2 grid over x 0–200, y 0–100, minus the rules named. */
function grid2x2(without: string[] = []): Rule[] {
  const all: Record<string, Rule> = {
    top: h(0, 0, 200),
    mid: h(50, 0, 200),
    midLeft: h(50, 0, 100),
    bottom: h(100, 0, 200),
    left: v(0, 0, 100),
    center: v(100, 0, 100),
    right: v(200, 0, 100),
  };
  delete all.midLeft;
  return Object.entries(all)
    .filter(([k]) => !without.includes(k))
    .map(([, r]) => r);
}

describe("buildGrids", () => {
  const cases: Array<{ name: string; rules: Rule[]; cells: Array<[number, number, number, number]> | null }> = [
    { name: "a full 2 × 2 grid", rules: grid2x2(), cells: [[0, 0, 1, 1], [0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 1, 1]] },
    { name: "no centre rule in the top row: a merged title cell", rules: [...grid2x2(["center"]), v(100, 50, 100)], cells: [[0, 0, 1, 2], [1, 0, 1, 1], [1, 1, 1, 1]] },
    { name: "no middle rule on the left: a cell over two rows", rules: [...grid2x2(["mid"]), h(50, 100, 200)], cells: [[0, 0, 2, 1], [0, 1, 1, 1], [1, 1, 1, 1]] },
    { name: "borders drawn cell by cell join up", rules: [h(0, 0, 100), h(0, 100, 200), h(100, 0, 99), h(100, 101, 200), v(0, 0, 100), v(100, 0, 100), v(200, 0, 50), v(200, 50, 100)], cells: [[0, 0, 1, 1], [0, 1, 1, 1]] },
    { name: "no side borders: sides from the horizontal rules' ends", rules: [h(0, 0, 200), h(50, 0, 200), h(100, 0, 200), v(100, 0, 100)], cells: [[0, 0, 1, 1], [0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 1, 1]] },
    { name: "a frame around text is no grid", rules: [h(0, 0, 200), h(100, 0, 200), v(0, 0, 100), v(200, 0, 100)], cells: null },
    { name: "rules under lines (no vertical) are no grid", rules: [h(0, 0, 200), h(20, 0, 200), h(40, 0, 200)], cells: null },
    { name: "a double border is one line, not a thin row", rules: [h(0, 0, 200), h(1.5, 0, 200), h(100, 0, 200), v(0, 0, 100), v(100, 0, 100), v(200, 0, 100)], cells: [[0, 0, 1, 1], [0, 1, 1, 1]] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const grids = buildGrids(c.rules);
      if (c.cells === null) {
        expect(grids).toEqual([]);
        return;
      }
      expect(grids).toHaveLength(1);
      expect(grids[0].cells.map((cell) => [cell.row, cell.col, cell.rowSpan, cell.colSpan])).toEqual(c.cells);
    });
  }
});

describe("readRules", () => {
  const flipY: [number, number, number, number, number, number] = [1, 0, 0, -1, 0, 800];
  const path = (paint: number, ...points: number[]): [number, unknown[]] => [OPS.constructPath, [paint, [new Float32Array(points)], null]];
  const list = (...ops: Array<[number, unknown[]]>) => ({ fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) });

  it("decodes a packed stroked rectangle into four rules, through cm and the viewport", () => {
    // moveTo 0, lineTo 1, closePath 4: a 100 × 50 box at (10, 20), moved by cm (5, 5).
    const ops = list(
      [OPS.save, []],
      [OPS.transform, [1, 0, 0, 1, 5, 5]],
      path(OPS.stroke, 0, 10, 20, 1, 110, 20, 1, 110, 70, 1, 10, 70, 4),
      [OPS.restore, []],
      path(OPS.stroke, 0, 0, 0, 1, 50, 0),
    );
    const rules = readRules(pdfjs, ops, flipY).map((r) => [r.axis, Math.round(r.at), Math.round(r.from), Math.round(r.to)]);
    expect(rules).toEqual([
      ["h", 775, 15, 115],
      ["v", 115, 725, 775],
      ["h", 725, 15, 115],
      ["v", 15, 725, 775],
      // After restore, the transform is gone again.
      ["h", 800, 0, 50],
    ]);
  });

  it("takes thin filled boxes for lines, not white ones, nor shading, curves or short marks", () => {
    const ops = list(
      path(OPS.fill, 0, 0, 0, 1, 100, 0, 1, 100, 0.5, 1, 0, 0.5, 4),
      [OPS.setFillRGBColor, ["#ffffff"]],
      path(OPS.fill, 0, 0, 10, 1, 100, 10, 1, 100, 10.5, 1, 0, 10.5, 4),
      [OPS.setFillRGBColor, ["#000000"]],
      path(OPS.fill, 0, 0, 20, 1, 100, 20, 1, 100, 60, 1, 0, 60, 4),
      path(OPS.stroke, 0, 0, 0, 2, 10, 10, 20, 10, 30, 0),
      path(OPS.stroke, 0, 0, 70, 1, 2, 70),
    );
    expect(readRules(pdfjs, ops, [1, 0, 0, 1, 0, 0])).toEqual([{ axis: "h", at: 0.25, from: 0, to: 100 }]);
  });
});

describe("numberTables (a table over a page break)", () => {
  const cell = (page: number, row: number, col: number, text: string): PdfLine => ({
    page, text, y: 100 + row * 20, x0: col * 100, x1: col * 100 + 90, size: 12, bold: false, italic: false, marks: [], runs: [], spans: [],
    table: { index: -1, row, col },
  });
  const part = (page: number, rows: string[][], extra: Partial<PageTable> = {}): PageTable => {
    const cells = rows.flatMap((r, i) => r.map((text, col) => (text === "" ? null : cell(page, i, col, text))).filter((c): c is PdfLine => c !== null));
    return { page, xs: [0, 100, 200, 300], rows: rows.length, cells, boxes: cells.map((c) => ({ x0: c.table!.col * 100, x1: c.table!.col * 100 + 100 })), opensPage: true, closesPage: true, ...extra };
  };

  it("makes one table, the header printed again furniture, and marks the header rows", () => {
    const first = part(1, [["STT", "Đơn vị", "Điểm"], ["1", "Sở Tư pháp", "14,50"]]);
    const next = part(2, [["STT", "Đơn vị", "Điểm"], ["2", "Sở Nội vụ", "12,50"]]);
    numberTables([first, next]);
    expect(next.cells.filter((c) => c.role === "furniture").map((c) => c.text)).toEqual(["STT", "Đơn vị", "Điểm"]);
    expect(next.cells.filter((c) => c.table).map((c) => [c.table!.index, c.table!.row, c.text])).toEqual([[0, 3, "2"], [0, 3, "Sở Nội vụ"], [0, 3, "12,50"]]);
    expect(first.cells.filter((c) => c.table!.row === 0).every((c) => c.table!.header)).toBe(true);
  });

  it("joins a row cut by the page break, but not rows of a list that never ends with a full stop", () => {
    const cut = [part(1, [["1.1", "Kết quả thực hiện nhiệm vụ của", "- Các báo cáo theo chỉ đạo"]]), part(2, [["", "UBND tỉnh.", "của UBND tỉnh."]])];
    numberTables(cut);
    expect(cut[0].cells.map((c) => c.text)).toEqual(["1.1", "Kết quả thực hiện nhiệm vụ của UBND tỉnh.", "- Các báo cáo theo chỉ đạo của UBND tỉnh."]);
    const list = [part(1, [["1", "Luật Đất đai", "Hiệu lực từ ngày 05/7/2014"]]), part(2, [["", "Nghị định số 43/2014", "Hiệu lực từ ngày 01/7/2014"]])];
    numberTables(list);
    expect(list[1].cells.map((c) => [c.table?.row, c.text])).toEqual([[1, "Nghị định số 43/2014"], [1, "Hiệu lực từ ngày 01/7/2014"]]);
  });

  it("starts a new table when the next page's table has another column grid or does not open the page", () => {
    const a = part(1, [["1", "a", "b"]]);
    const b = part(2, [["2", "c", "d"]], { xs: [0, 150, 250, 300] });
    const c = part(3, [["3", "e", "f"]], { xs: [0, 150, 250, 300], opensPage: false });
    numberTables([a, b, c]);
    expect([a, b, c].map((t) => t.cells[0].table!.index)).toEqual([0, 1, 2]);
  });
});

describe("mayHoldTable", () => {
  const run = (x: number, width: number, text = "chữ"): PdfRun => ({ text, x, y: 100, width, size: 12, font: "f", bold: false, italic: false, space: false });
  const line = (runs: PdfRun[]): PdfLine => ({ page: 1, text: "", y: 100, x0: runs[0].x, x1: 500, size: 12, bold: false, italic: false, marks: [], runs, spans: [] });
  const cases: Array<[string, PdfLine[], boolean]> = [
    ["running text (words a space apart)", [line([run(60, 200), run(263, 200)]), line([run(60, 400)])], false],
    ["cells side by side", [line([run(60, 20, "1"), run(120, 200)])], true],
    ["a wide gap in a furniture line only", [{ ...line([run(60, 20), run(300, 20)]), role: "furniture" }], false],
  ];
  for (const [name, lines, expected] of cases) it(name, () => expect(mayHoldTable(lines)).toBe(expected));
});

describe("fillCells", () => {
  const run = (x: number, text: string): PdfRun => ({ text, x, y: 40, width: text.length * 5, size: 12, font: "f", bold: false, italic: false, space: false });
  const line = (runs: PdfRun[]): PdfLine => ({ page: 1, text: runs.map((r) => r.text).join(" "), y: 40, x0: runs[0].x, x1: 400, size: 12, bold: false, italic: false, marks: [], runs, spans: [] });
  const grid = buildGrids([h(0, 0, 400), h(60, 0, 400), v(0, 0, 60), v(200, 0, 60), v(400, 0, 60)])[0];

  it("puts each run in the cell under it, one line per cell", () => {
    const read = fillCells([line([run(10, "Sở Tư pháp"), run(210, "14,50")])], grid, 1);
    expect(read?.table.cells.map((c) => [c.table!.col, c.text])).toEqual([[0, "Sở Tư pháp"], [1, "14,50"]]);
  });

  const layouts: Array<[string, string, string]> = [
    ["a ruled Nơi nhận | signature frame", "Nơi nhận:", "KT. CHỦ TỊCH"],
    ["a ruled header frame", "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
  ];
  for (const [name, left, right] of layouts) it(`keeps ${name} as layout`, () => expect(fillCells([line([run(10, left), run(210, right)])], grid, 1)).toBeNull());
});

describe("scanPagePaths", () => {
  /** A one-page file whose page content is `content` (unfiltered). */
  const page = (content: string) =>
    new TextEncoder().encode(`%PDF-1.4\n1 0 obj\n<< /Type /Page /Contents 2 0 R >>\nendobj\n2 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`);
  const name = (fn: number) => Object.entries(OPS).find(([, code]) => code === fn)?.[0];
  const ops = (content: string) => {
    const out = scanPagePaths(pdfjs, new PdfObjects(page(content)), { num: 1, gen: 0 });
    return out && out.fnArray.map((fn, i) => [name(fn), ...(fn === OPS.constructPath ? [] : out.argsArray[i])]);
  };
  const cases: Array<[string, string, unknown[][]]> = [
    ["drops a q … Q around a text object, with the colour the text set", "q 1 0 0 rg BT /F1 12 Tf (a) Tj ET Q", []],
    ["drops nested pairs holding only colours", "q q 0 g Q 1 0 0 RG Q", []],
    ["keeps the pair around a path", "q 1 0 0 RG 0 0 m 10 0 l S Q", [["save"], ["setStrokeRGBColor", "#ff0000"], ["constructPath"], ["restore"]]],
    ["keeps the pair around a transform", "q 2 0 0 2 0 0 cm Q", [["save"], ["transform", 2, 0, 0, 2, 0, 0], ["restore"]]],
    ["keeps a colour set outside any pair", "0 0 1 RG q Q", [["setStrokeRGBColor", "#0000ff"]]],
    ["keeps an unbalanced Q", "Q 0 g", [["restore"], ["setFillRGBColor", "#000000"]]],
    // The text-object skip: only a real ET ends it, and only a real colour operator inside counts.
    ["takes a colour set inside a text object for black", "BT 0.5 g (x) Tj ET 0 0 m 1 1 l S", [["setFillRGBColor", "#000000"], ["constructPath"]]],
    ["reads no colour from a string or a name inside a text object", "BT /Fg 9 Tf (g k ET rg) Tj <4554> Tj ET 0 0 m 1 1 l S", [["constructPath"]]],
    ["finds ET glued to a delimiter", "BT (a)Tj ET\n0 0 m 1 1 l S", [["constructPath"]]],
    ["reads scn as a fill colour in a text object, not SCN", "BT /P0 scn ET BT /P0 SCN ET", [["setFillRGBColor", "#000000"]]],
    // Operators by their bytes: known, unknown and longer words, and the same colour again.
    ["skips unknown and longer operators between path operators", "0 0 m xyz 5 abcd 1 1 l Tz S", [["constructPath"]]],
    ["reads every colour operator, the same colour twice", "0.5 g 0.5 G 1 0 0 0 k 0 0 1 rg", [
      ["setFillRGBColor", "#808080"], ["setStrokeRGBColor", "#808080"], ["setFillRGBColor", "#00ffff"], ["setFillRGBColor", "#0000ff"],
    ]],
    ["reads numbers with signs and leading points", "-.5 +2 m 3. -4.25 l S 1 0 0 1 -0.5 .25 cm", [["constructPath"], ["transform", 1, 0, 0, 1, -0.5, 0.25]]],
  ];
  for (const [title, content, expected] of cases) it(title, () => expect(ops(content)).toEqual(expected));
});

describe("PdfObjects on odd files", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it("reads an object packed in an object stream whose /Length points into itself, without looping", () => {
    const objects = new PdfObjects(bytes("%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 2 /First 8 /Length 2 0 R >>\nstream\n2 0 5 3 12 << /A 1 >>\nendstream\nendobj\n"));
    expect(objects.usable).toBe(true);
    // Object 2 (the stream's own /Length) is inside the stream: found after, not while, unpacking it.
    expect(objects.get(5)).toEqual(new Map([["A", 1]]));
    expect(objects.get(2)).toBe(12);
    expect(objects.get(3)).toBeUndefined();
  });
  const unusable: Array<[string, string]> = [
    ["an encrypted file", "1 0 obj\n<< /Filter /Standard >>\nendobj\ntrailer << /Encrypt 1 0 R >>"],
    ["no objects at all", "%PDF-1.4\nnothing here"],
  ];
  for (const [name, text] of unusable) it(`gives up on ${name} (pdf.js reads it instead)`, () => expect(new PdfObjects(bytes(text)).usable).toBe(false));
});
