import { flattenParagraphs, isEmptyParagraph, readParagraphText } from "./draft-paragraph.js";
import type { DocCell, DocItem, DocTable } from "./word-items.js";
import { UPPER_CLASS } from "../../lexicon/letters.js";
import { countLetters } from "../../text/count-letters.js";

/**
 * What a table is for in an administrative document:
 * - `header`: the two-column thể thức table at the top (issuer | quốc hiệu, số | địa danh, ngày);
 * - `closing`: the Nơi nhận | chữ ký table after the body (or a signature-only table);
 * - `layout`: a "Kính gửi:" table that only lays out the addressee list, or a header or Nơi nhận
 *   table printed as a specimen (mẫu) further on;
 * - `content`: a real table of data.
 */
export type TableRole = "header" | "closing" | "layout" | "content";

/** Quốc hiệu, tiêu ngữ, or the Party header, read on upper-cased text. */
const NATIONAL_TITLE = /CỘNG\s*HÒA\s+XÃ\s+HỘI|CỘNG\s*HOÀ\s+XÃ\s+HỘI|ĐỘC\s+LẬP\s*[-–]\s*TỰ\s+DO|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/u;
/** The số, ký hiệu line, or the place-and-date line, at the start of a paragraph. */
const NUMBER_OR_DATE = /^\s*(?:SỐ\s*[:.]|SỐ\s+\S*\/|V\/V\s|.{0,40}NGÀY\s+.{0,12}THÁNG\s+.{0,12}NĂM\s+\d{0,4})/u;
const RECIPIENTS = /^\s*NƠI\s+NHẬN/u;
/** Signature authority: TM., KT., TL., TUQ., Q., and the Party's T/M, K/T. */
const AUTHORITY = new RegExp(String.raw`^\s*(?:TM|KT|TL|TUQ|Q|T\/M|K\/T)\s*[.:]?\s+[${UPPER_CLASS}]`, "u");
const ADDRESSEE = /^\s*KÍNH\s+GỬI/u;
/** Capitals of any script: their share of the letters is counted, not matched. */
const UPPER = /\p{Lu}/gu;
/** Paragraphs allowed above the header table: "DỰ THẢO", "KHẨN", "MẬT", a form number … */
const MAX_PARAGRAPHS_BEFORE_HEADER = 3;
/** A "Kính gửi:" layout table: one row (two with an empty spacer row). */
const MAX_LAYOUT_ROWS = 3;
/** A Nơi nhận | signature table is a single row, or a few. */
const MAX_CLOSING_ROWS = 4;

/** Decides the role of each top-level table from its position and its content. */
export function classifyTables(items: DocItem[]): Map<DocTable, TableRole> {
  const roles = new Map<DocTable, TableRole>();
  let paragraphsBefore = 0;
  let headerFound = false;
  let previous: TableRole | null = null;
  for (const item of items) {
    if (item.kind === "paragraph") {
      if (!isEmptyParagraph(item)) {
        paragraphsBefore++;
        previous = null;
      }
      continue;
    }
    const lines = flattenParagraphs([item]).map(readParagraphText).map(upper);
    let role: TableRole;
    if (!headerFound && paragraphsBefore <= MAX_PARAGRAPHS_BEFORE_HEADER && lines.some((l) => NATIONAL_TITLE.test(l) || NUMBER_OR_DATE.test(l))) {
      role = "header";
      headerFound = true;
    } else if (previous === "header" && lines.some((l) => NUMBER_OR_DATE.test(l))) {
      // The số / ngày lines sometimes sit in a second table right under the first.
      role = "header";
    } else if (item.rows.length <= MAX_LAYOUT_ROWS && ADDRESSEE.test(upper(firstFilledLine(item)))) {
      role = "layout";
    } else if (isClosing(item, lines)) {
      role = "closing";
    } else if (isSampleLayout(item, lines)) {
      role = "layout";
    } else {
      role = "content";
    }
    roles.set(item, role);
    previous = role;
  }
  return roles;
}

/**
 * A header or Nơi nhận table that is not the document's own: a specimen (mẫu) of a document in an
 * appendix, or a second header. Its cells are laid-out lines, not data.
 */
function isSampleLayout(table: DocTable, lines: string[]): boolean {
  if (table.rows.length <= MAX_CLOSING_ROWS && lines.some((l) => NATIONAL_TITLE.test(l))) return true;
  return RECIPIENTS.test(upper(firstFilledLine(table)));
}

function isClosing(table: DocTable, lines: string[]): boolean {
  if (table.rows.length > MAX_CLOSING_ROWS) return false;
  const filledColumns = new Set<number>();
  for (const row of table.rows) {
    for (const cell of row) if (!isEmptyCell(cell)) filledColumns.add(cell.gridStart);
  }
  if (filledColumns.size > 3) return false;
  if (lines.some((l) => RECIPIENTS.test(l) || AUTHORITY.test(l))) return true;
  // A signature alone in the right column ("VĂN PHÒNG UBND TỈNH" over a name): left side empty.
  const left = table.rows.flatMap((row) => row.filter((cell) => pickColumn(table, cell) === "left"));
  const right = table.rows.flatMap((row) => row.filter((cell) => pickColumn(table, cell) === "right"));
  const rightFirst = right.map(firstLine).find((t) => t.trim() !== "");
  return left.every(isEmptyCell) && rightFirst !== undefined && isCapitals(rightFirst);
}

/** Left or right half of the table, by the centre of the cell on the grid. */
export function pickColumn(table: DocTable, cell: DocCell): "left" | "right" {
  const total = table.grid.reduce((a, b) => a + b, 0);
  if (total > 0 && cell.gridStart + cell.gridSpan <= table.grid.length) {
    const from = table.grid.slice(0, cell.gridStart).reduce((a, b) => a + b, 0);
    const width = table.grid.slice(cell.gridStart, cell.gridStart + cell.gridSpan).reduce((a, b) => a + b, 0);
    // A cell across the middle of the table (merged over both columns) reads with the left one.
    if (from < total * 0.25 && from + width > total * 0.75) return "left";
    return from + width / 2 < total / 2 ? "left" : "right";
  }
  const row = table.rows.find((r) => r.includes(cell)) ?? [];
  return row.indexOf(cell) < row.length / 2 || row.length === 1 ? "left" : "right";
}

export function isEmptyCell(cell: DocCell): boolean {
  return flattenParagraphs(cell.items).every(isEmptyParagraph);
}

/** The first printed line of a table, reading rows then cells. */
function firstFilledLine(table: DocTable): string {
  for (const row of table.rows) {
    for (const cell of row) {
      const line = firstLine(cell);
      if (line.trim() !== "") return line;
    }
  }
  return "";
}

function firstLine(cell: DocCell): string {
  const first = flattenParagraphs(cell.items).find((p) => !isEmptyParagraph(p));
  return first ? readParagraphText(first).normalize("NFC") : "";
}

function upper(text: string): string {
  return text.normalize("NFC").toLocaleUpperCase("vi");
}

function isCapitals(text: string): boolean {
  const letters = countLetters(text);
  return letters >= 2 && (text.match(UPPER)?.length ?? 0) / letters > 0.85;
}
