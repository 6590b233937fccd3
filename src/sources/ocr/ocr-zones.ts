import { isAllCaps } from "../../text/caps.js";
import { LOW_CONFIDENCE } from "./clean-ocr.js";
import { splitSegment, type OcrBox, type PageMetrics, type Segment } from "./ocr-segments.js";

/**
 * The two-column zones of a page (vùng hai cột): the thể thức header (issuer and số on the
 * left; quốc hiệu, tiêu ngữ and place-date on the right) and the closing (Nơi nhận on the
 * left; chức vụ, chữ ký, họ tên on the right), found on the segments in reading order.
 */

/** Quốc hiệu as OCR reads it (tone marks often wrong): the anchor of the header's right column. */
const NATIONAL_TITLE_OCR = /C\S{1,2}NG\s*H\S{1,3}\s*X\S{1,2}\s+H\S{1,2}I|Đ\S{1,2}NG\s+C\S{1,2}NG\s+S\S{1,2}N/u;

/** Tiêu ngữ. */
const MOTTO_OCR = /Đ[ộôo]c\s*l[ậaâ]p\s*[-–—]?\s*T[ựu]/iu;

/** The Số line: "Số: 12/QĐ-UBND", garbled "sá:Ì 22 /KH-SYT", Party "Số 67-KH/TU". */
const NUMBER_LINE_OCR = /^[Ss]\S{0,2}\s*[:;.]|\/\s?[\p{Lu}Đ]{1,8}\s?[-–]|\d\s?-\s?[\p{Lu}Đ]{1,6}\/[\p{Lu}Đ]/u;

/** The place-date line closes the right column: "Hà Nội, ngày 22 tháng 4 năm 2026". */
const DATE_LINE_OCR = /ng[àa]y.{0,12}th[áa]ng|th[áa]ng.{0,8}n[ăa]m|,\s*ng[àa]y/iu;

/** Trích yếu of a công văn under the Số line. */
const SUBJECT_LINE_OCR = /^(?:V\s*\/\s*[vV]|Về\s+việc)\b/u;

/**
 * "Nơi nhận:" alone on its line anchors the closing ("Nơi nhận hồ sơ: …" in a procedure does not);
 * "Nơi" garbled ("Ai nhận:") only with the colon.
 */
const RECIPIENTS_OCR = /^(?:N[ơoóòờớ]i\s*nh[ậaâấ]n\s*[:;.]?|\p{L}{1,3}\s*nh[ậaâấ]n\s*:)$/iu;

export interface HeaderZone {
  before: Segment[];
  left: Segment[];
  right: Segment[];
  after: Segment[];
  /** The x between the two columns. */
  splitX: number;
}

/**
 * Finds the thể thức header, anchored on the quốc hiệu (or the tiêu ngữ): the gap left of it
 * splits the columns, and lines Tesseract read across both columns are cut there. The right
 * column ends with the place-date line, the left one with the Số line (and a công văn's "V/v"
 * lines under it); a line reaching well into both columns ends the zone.
 */
export function readHeaderZone(input: Segment[], m: PageMetrics): HeaderZone | null {
  const ordered = [...input];
  const top = (s: Segment) => s.box.y0 < 0.45 * m.height;
  let anchorIndex = ordered.findIndex((s) => top(s) && NATIONAL_TITLE_OCR.test(s.text));
  if (anchorIndex < 0) anchorIndex = ordered.findIndex((s) => top(s) && MOTTO_OCR.test(s.text));
  if (anchorIndex >= 0) {
    // "THỦ TƯỚNG CHÍNH PHỦ CỘNG HOÀ XÃ HỘI …" read as one line: cut before the quốc hiệu.
    const seg = ordered[anchorIndex];
    const at = wordAt(seg, (NATIONAL_TITLE_OCR.exec(seg.text) ?? MOTTO_OCR.exec(seg.text))!.index);
    if (at > 0) {
      ordered.splice(anchorIndex, 1, ...splitSegment(seg, at));
      anchorIndex++;
    }
  } else {
    // Without a readable quốc hiệu, the first line cut in two near the top gives the columns.
    anchorIndex = ordered.findIndex((s) => s.split && s.box.y0 < 0.3 * m.height && s.box.x0 > 0.3 * m.width);
  }
  if (anchorIndex < 0) return null;
  const anchor = ordered[anchorIndex];
  if (anchor.box.x0 < 0.25 * m.width) return null;
  const lh = m.lineHeight;
  // The header's first row: the anchor's band.
  let start = anchorIndex;
  while (start > 0 && Math.abs(ordered[start - 1].baseline - anchor.baseline) < 0.45 * lh) start--;
  const neighbour = ordered.slice(start, anchorIndex).filter((s) => s.box.x1 < anchor.box.x0).pop();
  const splitX = neighbour ? (neighbour.box.x1 + anchor.box.x0) / 2 : anchor.box.x0 - 0.5 * lh;
  const side = (s: Segment): "left" | "right" | "cross" => {
    const center = (s.box.x0 + s.box.x1) / 2;
    if (center >= splitX && s.box.x0 >= splitX - 2 * lh) return "right";
    if (center < splitX && s.box.x1 <= splitX + 2 * lh) return "left";
    return "cross";
  };
  const before: Segment[] = [];
  const left: Segment[] = [];
  const right: Segment[] = [];
  for (let i = 0; i < start; i++) {
    const s = ordered[i];
    // A parent body (or the quốc hiệu over a tiêu ngữ anchor) a little above the anchor's row;
    // the small print of a signing stamp stays out.
    const near = anchor.box.y0 - s.box.y1 < 1.5 * m.pitch && s.lineHeight >= 0.75 * lh && s.confidence >= LOW_CONFIDENCE;
    const where = near ? side(s) : "cross";
    if (where === "left") left.push(s);
    else if (where === "right") right.push(s);
    else before.push(s);
  }
  const gapLimit = 3.5 * m.pitch;
  let leftDone = false;
  let rightDone = false;
  let sawMotto = right.some((s) => MOTTO_OCR.test(s.text));
  let inSubject = false;
  let end = start;
  for (; end < ordered.length && left.length + right.length < 16; end++) {
    let s = ordered[end];
    let where = side(s);
    if (where === "cross") {
      // Two columns read as one line with a narrow gap: cut at the gap over the split.
      const cut = cutNear(s, splitX, lh);
      if (cut === null) break;
      ordered.splice(end, 1, ...splitSegment(s, cut));
      s = ordered[end];
      where = side(s);
      if (where === "cross") break;
    }
    if (where === "right") {
      const last = right[right.length - 1];
      if (rightDone || (last && s.box.y0 - last.box.y1 > gapLimit)) break;
      // After the tiêu ngữ only the place-date line follows; a title in capitals is the body.
      if (sawMotto && isAllCaps(s.text) && !NATIONAL_TITLE_OCR.test(s.text)) break;
      right.push(s);
      if (MOTTO_OCR.test(s.text)) sawMotto = true;
      if (DATE_LINE_OCR.test(s.text)) rightDone = true;
      continue;
    }
    const last = left[left.length - 1];
    if (!leftDone) {
      if (last && s.box.y0 - last.box.y1 > gapLimit) break;
      left.push(s);
      if (NUMBER_LINE_OCR.test(s.text)) leftDone = true;
      continue;
    }
    // Under the Số line only a công văn's trích yếu ("V/v …") continues the left column.
    if (SUBJECT_LINE_OCR.test(s.text) || (inSubject && last && s.box.y0 - last.box.y1 < m.pitch)) {
      inSubject = true;
      left.push(s);
      continue;
    }
    break;
  }
  if (left.length + right.length < 2) return null;
  return { before, left, right, after: ordered.slice(end), splitX };
}

/** Index of the word where character `offset` of the segment's text falls. */
function wordAt(seg: Segment, offset: number): number {
  let pos = 0;
  for (let i = 0; i < seg.words.length; i++) {
    pos += seg.words[i].text.trim().length + 1;
    if (offset < pos) return i;
  }
  return seg.words.length - 1;
}

/** Word index to cut before: a gap wider than a space that lies over `x`; null when none. */
function cutNear(seg: Segment, x: number, lh: number): number | null {
  for (let i = 1; i < seg.words.length; i++) {
    const a = seg.words[i - 1].bbox.x1;
    const b = seg.words[i].bbox.x0;
    if (b - a >= 0.6 * lh && a <= x + 2 * lh && b >= x - 2 * lh) return i;
  }
  return null;
}

export interface ClosingZone {
  before: Segment[];
  left: Segment[];
  right: Segment[];
  after: Segment[];
  anchor: Segment;
  splitX: number;
}

/**
 * Finds the Nơi nhận | chữ ký closing: anchored on "Nơi nhận", split at the widest empty
 * vertical strip between the two columns. The signature title may start a little higher.
 */
export function readClosingZone(ordered: Segment[], m: PageMetrics): ClosingZone | null {
  const anchorIndex = ordered.findIndex((s) => RECIPIENTS_OCR.test(s.text) && s.box.x0 < 0.45 * m.width);
  if (anchorIndex < 0) return null;
  const anchor = ordered[anchorIndex];
  const reachUp = anchor.box.y0 - 2.5 * m.pitch;
  const candidates = ordered.filter((s, i) => i >= anchorIndex || s.box.y0 >= reachUp);
  const splitX = findColumnGap(candidates, m) ?? rightPieceOf(ordered, anchorIndex) ?? 0.5 * m.width;
  const before: Segment[] = [];
  const left: Segment[] = [];
  const right: Segment[] = [];
  for (let i = 0; i < anchorIndex; i++) {
    const s = ordered[i];
    // A signature title printed above the Nơi nhận row ("TM. ỦY BAN NHÂN DÂN").
    if (s.box.y0 >= reachUp && s.box.x0 >= splitX) right.push(s);
    else before.push(s);
  }
  let end = anchorIndex;
  for (; end < ordered.length; end++) {
    const s = ordered[end];
    if (s.box.x1 <= splitX) left.push(s);
    else if (s.box.x0 >= splitX) right.push(s);
    else if (s.confidence < LOW_CONFIDENCE) (s.box.x0 + s.box.x1) / 2 < splitX ? left.push(s) : right.push(s);
    else break;
  }
  return { before, left, right, after: ordered.slice(end), anchor, splitX };
}

/** The x in the middle of the widest empty vertical strip between 30 % and 80 % of the width. */
function findColumnGap(segments: Segment[], m: PageMetrics): number | null {
  const bins = 200;
  const used = new Array<boolean>(bins).fill(false);
  for (const s of segments) {
    if (s.confidence < 40) continue;
    const a = Math.max(0, Math.floor((s.box.x0 / m.width) * bins));
    const b = Math.min(bins - 1, Math.floor((s.box.x1 / m.width) * bins));
    for (let i = a; i <= b; i++) used[i] = true;
  }
  let best: [number, number] | null = null;
  let runStart = -1;
  for (let i = Math.floor(0.3 * bins); i <= Math.floor(0.8 * bins); i++) {
    if (!used[i]) {
      if (runStart < 0) runStart = i;
      if (!best || i - runStart > best[1] - best[0]) best = [runStart, i];
    } else runStart = -1;
  }
  if (!best || best[1] - best[0] + 1 < 0.03 * bins) return null;
  return (((best[0] + best[1] + 1) / 2) * m.width) / bins;
}

function rightPieceOf(ordered: Segment[], index: number): number | null {
  const anchor = ordered[index];
  const next = ordered[index + 1];
  if (!anchor.split || !next || Math.abs(next.baseline - anchor.baseline) > 0.5 * anchor.lineHeight) return null;
  return (anchor.box.x1 + next.box.x0) / 2;
}

/**
 * The signature column: right of the split, from a line above the Nơi nhận row down far
 * enough for the title, the signature and the name (which a seal over it may have hidden).
 */
export function signatureRegionOf(closing: ClosingZone, m: PageMetrics): OcrBox {
  const tops = [closing.anchor.box.y0, ...closing.right.map((s) => s.box.y0)];
  const y0 = Math.max(0, Math.min(...tops) - 0.3 * m.lineHeight);
  const bottoms = [closing.anchor.box.y1, ...closing.left.map((s) => s.box.y1), ...closing.right.map((s) => s.box.y1)];
  const y1 = Math.min(m.height, Math.max(Math.max(...bottoms) + 2 * m.pitch, y0 + 12 * m.pitch));
  return { x0: Math.round(closing.splitX), y0: Math.round(y0), x1: m.width, y1: Math.round(y1) };
}

/**
 * The title block under the header (tên loại và trích yếu: "QUYẾT ĐỊNH", "Về việc …"): from a
 * centred first line down to the first blank line, at most 6 lines. `segments` also holds the
 * specks in the margins beside it (a mark read as "i" left of "TỜ TRÌNH"), which a closer
 * reading of the block's own rectangle leaves out; `box` covers the block's text only.
 */
export function readTitleZone(after: Segment[], m: PageMetrics): { segments: Segment[]; box: OcrBox } | null {
  const isMarginSpeck = (s: Segment) => (s.box.x1 < m.left || s.box.x0 > m.right) && s.text.length <= 3;
  const areaCenter = (m.left + m.right) / 2;
  const segments: Segment[] = [];
  const text: Segment[] = [];
  for (const s of after) {
    if (isMarginSpeck(s)) {
      segments.push(s);
      continue;
    }
    const last = text[text.length - 1];
    if (!last) {
      // A centred line with wide margins: a title, not the first line of the body.
      const center = (s.box.x0 + s.box.x1) / 2;
      if (Math.abs(center - areaCenter) > 0.05 * m.width || s.box.x0 - m.left < 0.1 * m.width) return null;
    } else if (s.box.y0 - last.box.y1 > 0.9 * m.lineHeight || text.length >= 6) break;
    segments.push(s);
    text.push(s);
  }
  if (text.length === 0) return null;
  // Specks after the block's last line belong to what follows.
  while (segments.length && !text.includes(segments[segments.length - 1])) segments.pop();
  return { segments, box: padBox(text, m) };
}

/** The rectangles of the header's columns, each read again alone; null for an empty column. */
export function headerRegionsOf(header: HeaderZone, m: PageMetrics): { left: OcrBox | null; right: OcrBox | null } {
  const left = header.left.length ? padBox(header.left, m) : null;
  const right = header.right.length ? padBox(header.right, m) : null;
  // Never into the other column's lines beside it: their first letters would join the line. (The
  // split itself may cut a wide issuer line: it lies between the columns' first rows only.)
  // A left line may end in a speck that is the edge of the quốc hiệu's first letter ("HỘI CCA
  // VIỆT NAM." beside "CỘNG HÒA"): the right column's lines stay whole all the same.
  const beside = (box: OcrBox, s: Segment) => s.box.y1 > box.y0 && s.box.y0 < box.y1;
  if (left && right) {
    left.x1 = Math.min(left.x1, ...header.right.filter((s) => beside(left, s)).map((s) => s.box.x0 - 1));
    const leftEnd = Math.max(...header.left.filter((s) => beside(right, s)).map((s) => letterEnd(s) + 1));
    right.x0 = Math.min(Math.max(right.x0, leftEnd), ...header.right.map((s) => s.box.x0));
  }
  return { left, right };
}

/** Right edge of the segment's last word holding a letter or digit (a trailing speck left out). */
function letterEnd(seg: Segment): number {
  for (let i = seg.words.length - 1; i >= 0; i--) if (/[\p{L}\p{N}]/u.test(seg.words[i].text)) return seg.words[i].bbox.x1;
  return seg.box.x1;
}

/** The segments' box, a little larger (accents above capitals, descenders), inside the page. */
function padBox(segments: Segment[], m: PageMetrics): OcrBox {
  const x = 0.5 * m.lineHeight;
  const y = 0.35 * m.lineHeight;
  return {
    x0: Math.max(0, Math.round(Math.min(...segments.map((s) => s.box.x0)) - x)),
    y0: Math.max(0, Math.round(Math.min(...segments.map((s) => s.box.y0)) - y)),
    x1: Math.min(m.width, Math.round(Math.max(...segments.map((s) => s.box.x1)) + x)),
    y1: Math.min(m.height, Math.round(Math.max(...segments.map((s) => s.box.y1)) + y)),
  };
}
