import { describe, expect, it } from "vitest";
import { composeLine } from "../../src/sources/pdf/build-lines.js";
import { alignGrids } from "../../src/sources/pdf/tables/align-grids.js";
import { readPdfTables, type TablePage } from "../../src/sources/pdf/tables/index.js";
import { splitSegments } from "../../src/sources/pdf/tables/line-segments.js";
import type { PdfLine, PdfRun } from "../../src/sources/pdf/types.js";

/**
 * Borderless PDF tables (src/sources/pdf/tables/align-grids.ts): a table inferred from the
 * alignment of lines, on synthetic pages laid out the way Word prints them (13 pt Times, one run
 * per word), and the layouts that must not become tables.
 */
const SIZE = 13;
const PITCH = 18;
/** Width of a word: half an em per character, close enough to Times for gaps. */
const wordWidth = (word: string): number => [...word].length * SIZE * 0.5;

/** One printed line: each [x, text] piece set word by word from x, on baseline y. */
function line(y: number, pieces: Array<[number, string]>, page = 1): PdfLine {
  const runs: PdfRun[] = [];
  for (const [x, text] of pieces) {
    let at = x;
    for (const word of text.split(" ")) {
      runs.push({ text: word, x: at, y, width: wordWidth(word), size: SIZE, font: "Times", bold: false, italic: false, space: false });
      at += wordWidth(word) + SIZE * 0.25;
    }
  }
  return composeLine(page, runs);
}

/** Lines one pitch apart from y = 100, each given as its pieces. */
const lines = (rows: Array<Array<[number, string]>>, page = 1): PdfLine[] => rows.map((pieces, i) => line(100 + i * PITCH, pieces, page));

const cellsOf = (page: TablePage) =>
  page.lines.filter((l) => l.table).map((l) => [l.table!.row, l.table!.col, l.text]);

describe("splitSegments", () => {
  it("cuts a line at wide gaps only, and a run at typed spaces", () => {
    expect(splitSegments(line(100, [[70, "Ủy ban nhân dân tỉnh"], [300, "Chủ tịch"]])).map((s) => s.text)).toEqual(["Ủy ban nhân dân tỉnh", "Chủ tịch"]);
    expect(splitSegments(line(100, [[70, "các cơ quan, đơn vị có liên quan"]]))).toHaveLength(1);
    const typed = composeLine(1, [{ text: "1     Nguyễn Văn An", x: 70, y: 100, width: 150, size: SIZE, font: "Times", bold: false, italic: false, space: false }]);
    expect(splitSegments(typed).map((s) => s.text)).toEqual(["1", "Nguyễn Văn An"]);
  });
});

describe("borderless tables", () => {
  it("reads a four-column table, a wrapped cell joining its row", () => {
    const page: TablePage = {
      page: 1,
      rules: [],
      lines: [
        line(60, [[70, "Danh sách thành viên Tổ công tác như sau:"]]),
        ...lines([
          [[72, "STT"], [120, "Họ và tên"], [280, "Chức vụ"], [440, "Nhiệm vụ"]],
          [[75, "1"], [120, "Nguyễn Văn An"], [280, "Giám đốc Sở"], [440, "Tổ trưởng"]],
          [[75, "2"], [120, "Trần Thị Bình"], [280, "Phó Giám đốc Sở"], [440, "Tổ phó"]],
          [[280, "phụ trách"]],
          [[75, "3"], [120, "Lê Văn Cường"], [280, "Trưởng phòng"], [440, "Thành viên"]],
        ]),
        line(220, [[70, "Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ được giao."]]),
      ],
    };
    readPdfTables([page]);
    expect(cellsOf(page)).toEqual([
      [0, 0, "STT"], [0, 1, "Họ và tên"], [0, 2, "Chức vụ"], [0, 3, "Nhiệm vụ"],
      [1, 0, "1"], [1, 1, "Nguyễn Văn An"], [1, 2, "Giám đốc Sở"], [1, 3, "Tổ trưởng"],
      [2, 0, "2"], [2, 1, "Trần Thị Bình"], [2, 2, "Phó Giám đốc Sở phụ trách"], [2, 3, "Tổ phó"],
      [3, 0, "3"], [3, 1, "Lê Văn Cường"], [3, 2, "Trưởng phòng"], [3, 3, "Thành viên"],
    ]);
    // The paragraphs around it stay lines of text, in place.
    expect(page.lines[0].text).toBe("Danh sách thành viên Tổ công tác như sau:");
    expect(page.lines[page.lines.length - 1].table).toBeUndefined();
  });

  it("reads a centred line across the table as one row spanning its columns", () => {
    const page: TablePage = {
      page: 1,
      rules: [],
      lines: lines([
        [[75, "1"], [110, "Thành phần và hàm lượng hoạt chất"]],
        [[75, "2"], [110, "Loại chế phẩm"]],
        [[75, "3"], [110, "Nguồn hoạt chất (tên hoạt chất, hàm lượng,"]],
        [[110, "nhà sản xuất)"]],
        [[230, "Phần 2. HOẠT CHẤT"]],
        [[75, "1"], [110, "Ngoại dạng"]],
        [[75, "2"], [110, "Số CAS"]],
        [[75, "3"], [110, "Tên thông thường"]],
      ]),
    };
    readPdfTables([page]);
    expect(page.lines.filter((l) => l.table).map((l) => [l.table!.row, l.table!.col, l.table!.colSpan ?? 1, l.text])).toEqual([
      [0, 0, 1, "1"], [0, 1, 1, "Thành phần và hàm lượng hoạt chất"],
      [1, 0, 1, "2"], [1, 1, 1, "Loại chế phẩm"],
      [2, 0, 1, "3"], [2, 1, 1, "Nguồn hoạt chất (tên hoạt chất, hàm lượng, nhà sản xuất)"],
      [3, 0, 2, "Phần 2. HOẠT CHẤT"],
      [4, 0, 1, "1"], [4, 1, 1, "Ngoại dạng"],
      [5, 0, 1, "2"], [5, 1, 1, "Số CAS"],
      [6, 0, 1, "3"], [6, 1, 1, "Tên thông thường"],
    ]);
  });

  it("reads right-aligned figures as one column", () => {
    const figure = (x1: number, text: string): [number, string] => [x1 - wordWidth(text), text];
    const grids = alignGrids(
      lines([
        [[72, "Đơn vị"], figure(330, "Năm 2024"), figure(450, "Năm 2025")],
        [[72, "Sở Tài chính"], figure(330, "1.250"), figure(450, "980")],
        [[72, "Sở Nội vụ"], figure(330, "12"), figure(450, "1.045")],
        [[72, "Sở Tư pháp"], figure(330, "7"), figure(450, "36")],
      ]),
    );
    expect(grids).toHaveLength(1);
    expect(grids[0].xs).toHaveLength(4);
    expect(grids[0].ys).toHaveLength(5);
  });

  it("joins a borderless table going on over a page break, though its widest text moves the gaps", () => {
    const rows = (from: number, count: number): Array<Array<[number, string]>> =>
      Array.from({ length: count }, (_, i): Array<[number, string]> => [[75, `${from + i}`], [120, `Hồ sơ số ${from + i}`], [330, i % 2 ? "Sở Nội vụ" : "Sở Tư pháp và Sở Tài chính"]]);
    const first: TablePage = { page: 1, rules: [], lines: [line(60, [[70, "Danh mục hồ sơ kèm theo:"]]), ...lines([[[72, "TT"], [120, "Hồ sơ"], [330, "Nơi nộp"]], ...rows(1, 4)])] };
    const second: TablePage = { page: 2, rules: [], lines: [...lines(rows(5, 3)), line(200, [[70, "Các hồ sơ trên nộp một bộ."]])] };
    readPdfTables([first, second]);
    const cells = [...first.lines, ...second.lines].filter((l) => l.table);
    expect(new Set(cells.map((c) => c.table!.index))).toEqual(new Set([0]));
    expect(cells.filter((c) => c.table!.col === 0).map((c) => [c.table!.row, c.text])).toEqual([[0, "TT"], [1, "1"], [2, "2"], [3, "3"], [4, "4"], [5, "5"], [6, "6"], [7, "7"]]);
  });

  it("reads two columns only with many rows", () => {
    const pairs = ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Y tế", "Sở Xây dựng", "Sở Công Thương"].map((name, i): Array<[number, string]> => [[72, name], [300, `${i + 2} cán bộ`]]);
    expect(alignGrids(lines(pairs))).toHaveLength(1);
    expect(alignGrids(lines(pairs.slice(0, 4)))).toEqual([]);
  });
});

describe("layouts that are no borderless table", () => {
  it("the header's two columns (issuer | quốc hiệu), when no header zone was found", () => {
    const page: TablePage = {
      page: 1,
      rules: [],
      lines: lines([
        [[80, "ỦY BAN NHÂN DÂN"], [290, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]],
        [[85, "TỈNH LÂM ĐỒNG"], [310, "Độc lập - Tự do - Hạnh phúc"]],
        [[78, "Số: 123/UBND-VX"], [300, "Lâm Đồng, ngày 5 tháng 3 năm 2025"]],
        [[72, "V/v triển khai kế hoạch"], [330, "Kính gửi: Sở Nội vụ"]],
      ]),
    };
    readPdfTables([page]);
    expect(cellsOf(page)).toEqual([]);
  });

  it("Nơi nhận beside the signature, when no closing zone was found", () => {
    const page: TablePage = {
      page: 1,
      rules: [],
      lines: lines([
        [[72, "Nơi nhận:"], [330, "KT. CHỦ TỊCH"]],
        [[72, "- Như trên;"], [330, "PHÓ CHỦ TỊCH"]],
        [[72, "- Chủ tịch, các PCT UBND tỉnh;"], [330, "(đã ký)"]],
        [[72, "- Sở Tài chính;"], [330, "Nguyễn Văn An"]],
        [[72, "- Lưu: VT, VX."], [330, "Phó Chủ tịch"]],
        [[72, "- Các sở, ban, ngành;"], [330, "(Ký, ghi rõ họ tên)"]],
      ]),
    };
    readPdfTables([page]);
    expect(cellsOf(page)).toEqual([]);
  });

  it("justified paragraphs: wide word spaces that do not line up", () => {
    const words = "Ủy ban nhân dân tỉnh yêu cầu các sở ban ngành địa phương triển khai thực hiện nghiêm túc".split(" ");
    const justified = [0, 1, 2, 3, 4].map((k) => {
      // Each line stretches its spaces differently (as justification does), none by an em.
      const pieces: Array<[number, string]> = [];
      let x = 72;
      for (const [i, w] of words.entries()) {
        pieces.push([x, w]);
        x += wordWidth(w) + SIZE * (0.3 + ((i + k) % 3) * 0.2);
      }
      return pieces;
    });
    expect(alignGrids(lines(justified))).toEqual([]);
  });

  it("a tab-aligned numbered list, a form's blanks and a signature grid", () => {
    const list = ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Y tế", "Sở Xây dựng", "Sở Công Thương"].map((name, i): Array<[number, string]> => [[72, `${i + 1}.`], [110, name], [400, "☐"]]);
    expect(alignGrids(lines(list))).toEqual([]);
    const form = lines([
      [[72, "- Tổng diện tích:"], [380, "………….. m2;"]],
      [[72, "+ Khu vực hành chính:"], [380, "………….. m2;"]],
      [[72, "+ Phòng xét nghiệm:"], [380, "………….. m2;"]],
      [[72, "+ Phòng kho:"], [380, "………….. m2;"]],
      [[72, "+ Phòng khác:"], [380, "………….. m2;"]],
      [[72, "+ Nhà vệ sinh:"], [380, "………….. m2;"]],
    ]);
    expect(alignGrids(form)).toEqual([]);
    const signatures = lines([
      [[80, "NGƯỜI BỊ TAI"], [200, "NGƯỜI CHỨNG"], [330, "QUYỀN HẠN, CHỨC VỤ"]],
      [[90, "NẠN"], [200, "KIẾN (nếu có)"], [330, "CỦA NGƯỜI KÝ"]],
      [[90, "Chữ ký"], [210, "Chữ ký"], [340, "(Chữ ký của người có thẩm quyền)"]],
      [[85, "Họ và tên"], [205, "Họ và tên"], [350, "Họ và tên"]],
    ]);
    expect(alignGrids(signatures)).toEqual([]);
  });

  it("lines already placed (header zone, furniture, a ruled table) take no part", () => {
    const rows = lines([
      [[72, "STT"], [120, "Họ và tên"], [300, "Chức vụ"]],
      [[75, "1"], [120, "Nguyễn Văn An"], [300, "Giám đốc"]],
      [[75, "2"], [120, "Trần Thị Bình"], [300, "Phó Giám đốc"]],
    ]);
    for (const l of rows) l.zone = "header";
    expect(alignGrids(rows)).toEqual([]);
  });

  it("a garbled text layer (a scanner's OCR) gives no borderless table", () => {
    const page: TablePage = {
      page: 1,
      rules: [],
      garbled: true,
      lines: lines([
        [[72, "STT"], [120, "Hg vi t6n"], [300, "Chric vg"]],
        [[75, "1"], [120, "Nguy6n Vin An"], [300, "Gi6m d6c"]],
        [[75, "2"], [120, "TrAn Thi Binh"], [300, "Ph6 Gi6m d6c"]],
      ]),
    };
    readPdfTables([page]);
    expect(cellsOf(page)).toEqual([]);
  });
});
