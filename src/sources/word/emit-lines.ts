import type { Block, InlineMark } from "../../blocks/index.js";
import type { SourceLine } from "../../blocks/index.js";
import { isEmptyCell, pickColumn, type TableRole } from "./classify-tables.js";
import { draftParagraph, flattenParagraphs, isEmptyParagraph, splitAtGaps, type LineDraft, type ParagraphDraft } from "./draft-paragraph.js";
import type { DocCell, DocItem, DocParagraph, DocTable } from "./word-items.js";
import { LOWER_CLASS } from "../../lexicon/letters.js";

/** A line that carries on the line above inside a table cell (lower-case start). */
const STARTS_LOWER = new RegExp(String.raw`^\s*["“(]?[${LOWER_CLASS}]`, "u");
/** A cell line cut after a comma ("- Các bộ, cơ quan ngang bộ," / "cơ quan thuộc Chính phủ;"). */
const ENDS_OPEN = /[,–-]\s*$/u;
/** A line that closes a sentence or a list item. */
const ENDS_CLAUSE = /[.:;!?…]["”»)]?$/u;
/** Spaces standing for a line break in a signature cell ("TM. ỦY BAN NHÂN DÂN          KT. CHỦ TỊCH"). */
const WIDE_GAP = /\s{20,}/u;

/**
 * Turns the walked body into source lines in reading order. Word paragraphs are real paragraphs,
 * so each starts a block (breakBefore) unless it only carries on the one above (a title wrapped
 * with Enter); inside the header, closing and Kính gửi tables a cell paragraph may continue the
 * one above too (a wrapped recipient or trích yếu line). unwrapLines has the last word.
 */
export class LineEmitter {
  readonly lines: SourceLine[] = [];
  private contentTables = 0;

  constructor(private readonly roles: Map<DocTable, TableRole>) {}

  emitItems(items: DocItem[]): void {
    let gap = 0;
    let previous: ParagraphDraft | null = null;
    for (const item of items) {
      if (item.kind === "table") {
        this.emitTable(item);
        gap = 0;
        previous = null;
        continue;
      }
      if (isEmptyParagraph(item)) {
        gap++;
      } else {
        const draft = draftParagraph(item, { headingLevel: true });
        this.pushDraft(draft, { breakBefore: !continuesParagraph(previous, draft), gapBefore: gap });
        gap = 0;
        previous = draft;
      }
      if (item.floating.length) {
        this.emitItems(item.floating);
        previous = null;
      }
    }
  }

  private emitTable(table: DocTable): void {
    const role = this.roles.get(table) ?? "content";
    if (role === "header" || role === "closing") {
      for (const column of ["left", "right"] as const) {
        const cells = table.rows.flatMap((row) => row.filter((cell) => pickColumn(table, cell) === column));
        this.emitCells(cells, { zone: role, column });
      }
    } else if (role === "layout") {
      this.emitCells(table.rows.flat(), {});
    } else {
      this.emitContentTable(table);
    }
  }

  private emitCells(cells: DocCell[], place: Pick<Block, "zone" | "column">): void {
    for (const cell of cells) {
      let previous: string | null = null;
      for (const paragraph of flattenParagraphs(cell.items)) {
        if (isEmptyParagraph(paragraph)) continue;
        const plain = draftParagraph(paragraph, { headingLevel: false });
        const draft = place.zone === "closing" ? splitAtGaps(plain, WIDE_GAP) : plain;
        const first = draft.lines[0].text;
        const continues = previous !== null && (STARTS_LOWER.test(first) || ENDS_OPEN.test(previous));
        this.pushDraft(draft, { breakBefore: !continues, ...place });
        previous = draft.lines[draft.lines.length - 1].text;
      }
    }
  }

  /**
   * A data table: each cell with text is one block, placed on the grid (row, first grid column,
   * spans), so that no later stage reads across two cells. A table with at most one filled cell
   * per row is a frame around text, read as paragraphs, and so is a row whose only filled cell
   * holds several paragraphs.
   */
  private emitContentTable(table: DocTable): void {
    const filledPerRow = table.rows.map((row) => row.filter((cell) => !cell.merged && !isEmptyCell(cell)).length);
    if (Math.max(0, ...filledPerRow) <= 1) {
      this.emitCells(table.rows.flat(), {});
      return;
    }
    const index = this.contentTables++;
    table.rows.forEach((row, rowIndex) => {
      const filled = row.filter((cell) => !cell.merged && !isEmptyCell(cell));
      if (filled.length === 1 && cellDrafts(filled[0]).length > 1) {
        // A row that is one frame of several paragraphs (the body of a phiếu trình form): text, not a cell.
        this.emitCells(filled, {});
        return;
      }
      for (const cell of row) {
        if (cell.merged) continue;
        const drafts = cellDrafts(cell);
        const line = joinDrafts(drafts, " ");
        if (line.text.trim() === "") continue;
        const bold = drafts.filter((d) => d.style.bold).length > drafts.length / 2;
        const fontSize = drafts.find((d) => d.style.fontSize !== undefined)?.style.fontSize;
        const align = drafts[0]?.style.align;
        const rowSpan = countRowSpan(table, rowIndex, cell);
        this.lines.push({
          text: line.text,
          marks: line.marks.length ? line.marks : undefined,
          breakBefore: true,
          style: { ...(bold ? { bold } : {}), ...(fontSize !== undefined ? { fontSize } : {}), ...(align ? { align } : {}) },
          table: {
            index,
            row: rowIndex,
            col: cell.gridStart,
            ...(rowSpan > 1 ? { rowSpan } : {}),
            ...(cell.gridSpan > 1 ? { colSpan: cell.gridSpan } : {}),
            ...(table.headerRows?.has(rowIndex) ? { header: true } : {}),
          },
        });
      }
    });
  }

  pushDraft(draft: ParagraphDraft, extra: Partial<SourceLine>): void {
    draft.lines.forEach((line, i) => {
      if (line.text.trim() === "") return;
      // Object.assign, not a spread with more keys: V8 11.3 builds and reads those much slower (docs/performance.md).
      this.lines.push(
        Object.assign({}, extra, {
          text: line.text,
          marks: line.marks.length ? line.marks : undefined,
          style: Object.assign({}, draft.style),
          breakBefore: i === 0 ? extra.breakBefore : false,
          gapBefore: i === 0 ? extra.gapBefore : 0,
        }),
      );
    });
  }
}

/**
 * A Word paragraph that only carries on the one above: the author pressed Enter to wrap a line
 * (a trích yếu over three centred lines). It starts in lower case, the one above does not close
 * a clause, and both are aligned alike; unwrapLines still has the last word.
 */
function continuesParagraph(previous: ParagraphDraft | null, draft: ParagraphDraft): boolean {
  if (!previous) return false;
  const above = previous.lines[previous.lines.length - 1].text.trimEnd();
  return STARTS_LOWER.test(draft.lines[0].text) && !ENDS_CLAUSE.test(above) && previous.style.align === draft.style.align;
}

function cellDrafts(cell: DocCell): ParagraphDraft[] {
  return flattenParagraphs(cell.items)
    .filter((p: DocParagraph) => !isEmptyParagraph(p))
    .map((p) => draftParagraph(p, { headingLevel: false }));
}

/** Rows a cell covers: itself and the vMerge continuations below it in the same grid column. */
function countRowSpan(table: DocTable, rowIndex: number, cell: DocCell): number {
  let span = 1;
  for (let r = rowIndex + 1; r < table.rows.length; r++) {
    const below = table.rows[r].find((c) => c.gridStart === cell.gridStart);
    if (!below?.merged) break;
    span++;
  }
  return span;
}

/** All lines of several paragraphs as one line. */
export function joinDrafts(drafts: ParagraphDraft[], separator: string): LineDraft {
  return joinLines(drafts.flatMap((d) => d.lines).filter((l) => l.text.trim() !== ""), separator);
}

function joinLines(lines: LineDraft[], separator: string): LineDraft {
  const out: LineDraft = { text: "", marks: [] };
  lines.forEach((line, i) => {
    if (i > 0) out.text += separator;
    const trimmed = trimLine(line);
    const offset = out.text.length;
    out.text += trimmed.text;
    for (const m of trimmed.marks) out.marks.push({ ...m, start: m.start + offset, end: m.end + offset });
  });
  return out;
}

/** Trims a line, keeping its marks on the same characters. */
function trimLine(line: LineDraft): LineDraft {
  const lead = line.text.length - line.text.trimStart().length;
  const text = line.text.trim();
  const marks: InlineMark[] = [];
  for (const m of line.marks) {
    const start = Math.max(0, Math.min(text.length, m.start - lead));
    const end = Math.max(start, Math.min(text.length, m.end - lead));
    if (end > start || m.kind === "footnoteRef") marks.push({ ...m, start, end });
  }
  return { text, marks };
}
