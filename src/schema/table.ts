import { z } from "zod";
import { SpanSchema } from "./span.js";

/** Ô: one printed cell of a data table. */
export const TableCellSchema = z
  .object({
    text: z.string().describe("The cell's text as in `text`: its paragraphs joined by single spaces."),
    span: SpanSchema,
    col: z.number().int().nonnegative().describe("0-based grid column of the cell's left edge."),
    rowSpan: z.number().int().positive().describe("Rows the cell covers (vertically merged cells)."),
    colSpan: z.number().int().positive().describe("Grid columns the cell covers (horizontally merged cells)."),
  })
  .meta({ id: "TableCell" });
export type TableCell = z.infer<typeof TableCellSchema>;

/** Dòng: one row of a table; empty cells and cells covered by a merge from above are left out. */
export const TableRowSchema = z
  .object({ cells: z.array(TableCellSchema) })
  .meta({ id: "TableRow" });
export type TableRow = z.infer<typeof TableRowSchema>;

/** Bảng: a data table (biểu, phụ lục) as rows of cells. */
export const TableSchema = z
  .object({
    caption: z
      .string()
      .nullable()
      .describe("The table's title: a `Phụ lục 1 …`, `Biểu số 02 …` or `Bảng …` line above it, else the short line right above."),
    captionSpan: SpanSchema.nullable(),
    sectionId: z.string().nullable().describe("The section the table sits in; null before the first section."),
    span: SpanSchema.describe("From the first cell to the last."),
    page: z.number().int().positive().nullable().describe("Page of the first cell, when the source is paginated."),
    headerRows: z.number().int().nonnegative().describe("How many of the first `rows` are header rows (column titles, their numbering row)."),
    rows: z.array(TableRowSchema),
  })
  .meta({
    id: "Table",
    description: [
      "A data table of the document (`tables`). Layout tables are not tables here: the two-column",
      "header (issuer | quốc hiệu), the Nơi nhận | signature table and a `Kính gửi:` table are read",
      "into `header`, `recipients`, `signature` and `addressees`, and a one-column frame around",
      "text is read as paragraphs.",
      "",
      "Each non-empty cell is one block of `text` (role `table` in `layout`): its text stays in",
      "`text` and `span` points at it, but it is not a section paragraph, so the section tree never",
      "takes a cell for a heading, and a citation or target never spans two cells. Cells are placed",
      "on the table's grid by `col`, `rowSpan` and `colSpan`; a row lists only the cells that start",
      "in it. Tables are read from DOCX (merged cells, repeated header rows; a nested table's text",
      "stays in its cell; a table over several pages is one table), .doc (cells and rows, without",
      "merges), Markdown (GFM) and PDF ruled tables (the page's drawn rules give the grid, a missing",
      "rule a merged cell; a table going on over a page break, with or without its header printed",
      "again, is one table, the repeated header kept as furniture) and PDF borderless tables, inferred",
      "from the alignment of consecutive lines (wide gaps that line up over at least three lines; three",
      "columns, or two with six rows or more; a lone line off its column's alignment is a row with one",
      "cell across the table). Text alignment never makes a table of the header's two columns, Nơi",
      "nhận beside the signature, justified paragraphs, a tab-aligned numbered list, a form's blanks",
      "or a signature grid, nor of a text layer the reader found garbled. OCR pages give no tables yet.",
      "",
      "Indicator tables (header cells such as STT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Ước thực hiện |",
      "So sánh %) give `targets` and `results`, one per data row: the indicator is the row's label",
      "after its parent rows' labels (I → 1 → a → -), joined by ` / `; the unit comes from ĐVT, the",
      "value and comparator from the plan cell (`≥ 90`, `trên 85`, `8-10`), and the result of the",
      "row points at its target (`targetRef`) with a computed `status`. Other tables give none.",
    ].join("\n"),
  });
export type Table = z.infer<typeof TableSchema>;
