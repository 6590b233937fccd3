import { composeLine } from "./build-lines.js";
import { isCentered, type TextBox } from "./page-layout.js";
import type { PdfLine, PdfRun } from "./types.js";

/** Lines that open the body under the header: the header zone ends before them. */
const AFTER_HEADER = /^(?:Kính\s+gửi|Căn\s+cứ|Điều\s+\d)/u;
/** The recipients list that opens the closing zone (Nơi nhận | chữ ký). */
const RECIPIENTS = /^Nơi\s+nhận\b/u;
/** At most this many line heights between two rows of a zone. */
const MAX_ROW_GAP = 3.2;
/** Rows of the signature column above the Nơi nhận row that still belong to the closing. */
const SIGNATURE_ROWS_ABOVE = 3;

export type Zone = "header" | "closing";

/**
 * Two-column zones (bố cục hai cột): the header (issuer and số on the left; quốc hiệu, tiêu
 * ngữ, place and date on the right) and the closing (Nơi nhận on the left, signature on the
 * right). Their rows share baselines, so line-by-line reading interleaves them; here each
 * row is cut at the gutter and the zone is emitted as the left column, then the right one.
 * Returns the page's lines with the zone's rows replaced by column lines, in that order.
 */
export function splitZone(lines: PdfLine[], zone: Zone, box: TextBox, pitch: number): PdfLine[] {
  const rows = zone === "header" ? headerRows(lines, box, pitch) : closingRows(lines, box, pitch);
  if (!rows) return lines;
  const { members, gutter } = rows;
  const left: PdfLine[] = [];
  const right: PdfLine[] = [];
  for (const line of members) {
    const solid = line.runs;
    const l = solid.filter((r) => r.x + (r.space ? 0 : r.width) / 2 < gutter);
    const r = solid.filter((run) => run.x + (run.space ? 0 : run.width) / 2 >= gutter);
    if (l.some((run) => !run.space)) left.push(withZone(composeLine(line.page, l), "left", zone));
    if (r.some((run) => !run.space)) right.push(withZone(composeLine(line.page, r), "right", zone));
  }
  const set = new Set(members);
  const out: PdfLine[] = [];
  let emitted = false;
  for (const line of lines) {
    if (!set.has(line)) {
      out.push(line);
    } else if (!emitted) {
      out.push(...left, ...right);
      emitted = true;
    }
  }
  return out;
}

function withZone(line: PdfLine, column: "left" | "right", zone: Zone): PdfLine {
  line.column = column;
  line.zone = zone;
  return line;
}

interface ZoneRows {
  members: PdfLine[];
  gutter: number;
}

/** The header rows on the first page: from the top down to the first row that is not two-column. */
function headerRows(lines: PdfLine[], box: TextBox, pitch: number): ZoneRows | null {
  const own = lines.filter((l) => !l.role);
  const members: PdfLine[] = [];
  let gutter: number | null = null;
  for (const line of own) {
    const prev = members[members.length - 1];
    if (prev && line.y - prev.y > pitch * MAX_ROW_GAP) break;
    if (AFTER_HEADER.test(line.text)) break;
    if (gutter === null) {
      const g = findGutter(line.runs, box);
      if (g !== null && twoSided(line.runs, g)) {
        gutter = g;
      } else if (members.length >= 2 || isCentered(line, box)) {
        // Nothing two-column at the top: no header zone.
        break;
      }
    } else if (crosses(line.runs, gutter) || (isCentered(line, box) && !twoSided(line.runs, gutter))) {
      // The title (QUYẾT ĐỊNH, BÁO CÁO …), centred on the page, ends the header.
      break;
    }
    members.push(line);
  }
  if (gutter === null || members.length < 2) return null;
  return { members, gutter };
}

/** The closing rows: from the Nơi nhận row (and the signature rows beside it) to the page end. */
function closingRows(lines: PdfLine[], box: TextBox, pitch: number): ZoneRows | null {
  const own = lines.filter((l) => !l.role);
  const start = own.findIndex((l) => RECIPIENTS.test(l.text));
  if (start < 0) return null;
  const anchor = own[start];
  // The gutter: the widest empty band between the Nơi nhận column and the signature column,
  // over the rows read so far; a row that closes it (a full-width line) ends the zone.
  let end = start + 1;
  let gutter: number | null = null;
  for (let i = start + 1; i < own.length; i++) {
    if (own[i].y - own[i - 1].y > pitch * MAX_ROW_GAP * 3) break;
    const g = findGutter(own.slice(start, i + 1).flatMap((l) => l.runs), box, anchor.x0);
    if (g === null && gutter !== null) break;
    if (g !== null) gutter = g;
    end = i + 1;
  }
  if (gutter === null) return null;
  const members = own.slice(start, end);
  // Signature rows just above (KT. CHỦ TỊCH printed a line higher than Nơi nhận).
  for (let i = start - 1, n = 0; i >= 0 && n < SIGNATURE_ROWS_ABOVE; i--, n++) {
    const line = own[i];
    if (anchor.y - line.y > pitch * SIGNATURE_ROWS_ABOVE || line.x0 < gutter) break;
    members.unshift(line);
  }
  if (!members.some((l) => l.runs.some((r) => !r.space && r.x > gutter!))) return null;
  return { members, gutter };
}

/**
 * The middle of the widest empty band between runs, when it is wide enough and lies in the
 * middle part of the text box (a header's or closing's gutter).
 */
function findGutter(runs: PdfRun[], box: TextBox, leftEdge?: number): number | null {
  const spans = runs
    .filter((r) => !r.space)
    .map((r) => [r.x, r.x + r.width] as const)
    .sort((a, b) => a[0] - b[0]);
  if (spans.length < 2) return null;
  const width = box.right - box.left;
  const lo = (leftEdge ?? box.left) + width * 0.15;
  const hi = box.left + width * 0.85;
  let best: { mid: number; size: number } | null = null;
  let reach = spans[0][1];
  for (const [x0, x1] of spans.slice(1)) {
    if (x0 > reach) {
      const mid = (reach + x0) / 2;
      const size = x0 - reach;
      if (mid > lo && mid < hi && (!best || size > best.size)) best = { mid, size };
    }
    reach = Math.max(reach, x1);
  }
  const minGap = Math.max(8, width * 0.02);
  return best && best.size >= minGap ? best.mid : null;
}

function crosses(runs: PdfRun[], gutter: number | null): boolean {
  if (gutter === null) return false;
  return runs.some((r) => !r.space && r.x < gutter - 1 && r.x + r.width > gutter + 1);
}

function twoSided(runs: PdfRun[], gutter: number): boolean {
  const solid = runs.filter((r) => !r.space);
  return solid.some((r) => r.x + r.width <= gutter) && solid.some((r) => r.x >= gutter);
}
