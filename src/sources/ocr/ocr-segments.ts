import type { OcrCorrection } from "./clean-ocr.js";
import { isStrayEdgeWord, isStrayLine } from "./clean-ocr.js";

/**
 * Segments (đoạn dòng): Tesseract's lines cut where two columns were read as one, cleaned of
 * stray marks, with their baseline and line height; and the page measures and reading order
 * built from them. Pure geometry, no engine needed.
 */

/** Pixel box, origin top-left. */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  confidence: number;
  bbox: OcrBox;
}

export interface OcrLine {
  text?: string;
  confidence: number;
  bbox: OcrBox;
  /** Baseline from (x0, y0) to (x1, y1). */
  baseline?: OcrBox;
  rowAttributes?: { rowHeight?: number };
  words: OcrWord[];
}

export interface OcrParagraph {
  bbox?: OcrBox;
  lines: OcrLine[];
}

export interface OcrBlock {
  bbox?: OcrBox;
  paragraphs: OcrParagraph[] | null;
}

export interface Segment {
  words: OcrWord[];
  text: string;
  box: OcrBox;
  confidence: number;
  /** Baseline y at the segment's centre. */
  baseline: number;
  /** Line height in pixels (ascender to descender, about the font size). */
  lineHeight: number;
  /** The Tesseract line was cut at a wide gap (two columns read as one line). */
  split: boolean;
  paragraph: number;
}

export interface PageMetrics {
  width: number;
  height: number;
  dpi: number;
  /** Body line height and baseline pitch, in pixels. */
  lineHeight: number;
  pitch: number;
  /** Text area: left and right edges of the body lines. */
  left: number;
  right: number;
  /** Median line height of each Tesseract paragraph: steadier than one line's. */
  paragraphHeights: Map<number, number>;
}

/** Cuts Tesseract lines at wide gaps and drops stray marks read with low confidence. */
export function collectSegments(blocks: OcrBlock[], pageWidth: number, corrections: OcrCorrection[], firstParagraph = 0): Segment[] {
  const segments: Segment[] = [];
  let paragraph = firstParagraph;
  for (const block of blocks) {
    for (const para of block.paragraphs ?? []) {
      paragraph++;
      for (const line of para.lines) {
        const words = line.words.filter((w) => w.text.trim() !== "");
        if (words.length === 0) continue;
        const lineHeight = lineHeightOf(line);
        // Justified text stretches spaces to about one em; a column gap is much wider.
        const gapLimit = Math.max(2.5 * lineHeight, 0.04 * pageWidth);
        const groups: OcrWord[][] = [[words[0]]];
        for (let i = 1; i < words.length; i++) {
          if (words[i].bbox.x0 - words[i - 1].bbox.x1 > gapLimit || isConfidenceBreak(words, i)) groups.push([]);
          groups[groups.length - 1].push(words[i]);
        }
        for (const group of groups) {
          const kept = trimStrayWords(group, corrections);
          if (kept.length === 0) continue;
          const text = kept.map((w) => w.text.trim()).join(" ");
          const confidence = weightedConfidence(kept);
          if (isStrayLine(text, confidence)) {
            corrections.push({ from: text, to: "", reason: "stray_mark" });
            continue;
          }
          const box = unionBox(kept.map((w) => w.bbox));
          segments.push({
            words: kept,
            text,
            box,
            confidence,
            baseline: baselineAt(line, (box.x0 + box.x1) / 2, box, lineHeight),
            lineHeight,
            split: groups.length > 1,
            paragraph,
          });
        }
      }
    }
  }
  return segments;
}

/**
 * A stamp beside the text ("CÔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ | ĐẾN") read into the same line:
 * two or more words read with almost no confidence, then two or more read well (or the
 * reverse). The stamp becomes its own line instead of opening the subject line.
 */
function isConfidenceBreak(words: OcrWord[], i: number): boolean {
  const run = (from: number, step: number, test: (c: number) => boolean) => {
    let n = 0;
    for (let k = from; k >= 0 && k < words.length && test(words[k].confidence); k += step) n++;
    return n;
  };
  const bad = (c: number) => c < 25;
  const good = (c: number) => c >= 70;
  return (run(i - 1, -1, bad) >= 2 && run(i, 1, good) >= 2) || (run(i - 1, -1, good) >= 2 && run(i, 1, bad) >= 2);
}

function trimStrayWords(words: OcrWord[], corrections: OcrCorrection[]): OcrWord[] {
  let start = 0;
  let end = words.length;
  while (start < end && isStrayEdgeWord(words[start].text, words[start].confidence)) {
    corrections.push({ from: words[start].text, to: "", reason: "stray_mark" });
    start++;
  }
  while (end > start && isStrayEdgeWord(words[end - 1].text, words[end - 1].confidence)) {
    corrections.push({ from: words[end - 1].text, to: "", reason: "stray_mark" });
    end--;
  }
  return words.slice(start, end);
}

/** Tesseract's row height is close to the font size; fall back on the box when it is off. */
function lineHeightOf(line: OcrLine): number {
  const boxHeight = line.bbox.y1 - line.bbox.y0;
  const row = line.rowAttributes?.rowHeight;
  // Diacritics and descenders make the box taller than the row; a row taller than the box is off.
  if (row && row > 0.55 * boxHeight && row < 1.15 * boxHeight) return row;
  return boxHeight / 1.2;
}

function baselineAt(line: OcrLine, x: number, box: OcrBox, lineHeight: number): number {
  const b = line.baseline;
  if (!b || b.x1 === b.x0) return b ? b.y0 : box.y1 - 0.2 * lineHeight;
  return b.y0 + ((b.y1 - b.y0) * (x - b.x0)) / (b.x1 - b.x0);
}

/** Page size in pixels and resolution. */
export interface PageSize {
  width: number;
  height: number;
  dpi: number;
}

export function measurePage(input: PageSize, segments: Segment[]): PageMetrics {
  const long = segments.filter((s) => s.text.length >= 20);
  const lineHeight = median((long.length >= 3 ? long : segments).map((s) => s.lineHeight)) ?? (14 * input.dpi) / 72;
  // Baseline pitch inside paragraphs: consecutive lines of one Tesseract paragraph.
  const deltas: number[] = [];
  for (let i = 1; i < segments.length; i++) {
    const a = segments[i - 1];
    const b = segments[i];
    const d = b.baseline - a.baseline;
    if (a.paragraph === b.paragraph && d > 0.8 * lineHeight && d < 2.2 * lineHeight) deltas.push(d);
  }
  const pitch = deltas.length >= 3 ? median(deltas)! : 1.3 * lineHeight;
  const wide = segments.filter((s) => s.box.x1 - s.box.x0 > 0.5 * input.width);
  const left = wide.length >= 3 ? percentile(wide.map((s) => s.box.x0), 0.1) : Math.min(...segments.map((s) => s.box.x0), input.width * 0.1);
  const right = wide.length >= 3 ? percentile(wide.map((s) => s.box.x1), 0.9) : Math.max(...segments.map((s) => s.box.x1), input.width * 0.9);
  const byParagraph = new Map<number, number[]>();
  for (const s of segments) if (!s.split) byParagraph.set(s.paragraph, [...(byParagraph.get(s.paragraph) ?? []), s.lineHeight]);
  const paragraphHeights = new Map<number, number>();
  for (const [p, heights] of byParagraph) if (heights.length >= 2) paragraphHeights.set(p, median(heights)!);
  return { width: input.width, height: input.height, dpi: input.dpi, lineHeight, pitch, left, right, paragraphHeights };
}

/**
 * Reading order top to bottom: segments whose baselines are level form a band, read left to
 * right. Tesseract's own block order sometimes reads a right-hand note before the text.
 */
export function orderByBands(segments: Segment[], m: PageMetrics): Segment[] {
  const sorted = [...segments].sort((a, b) => a.baseline - b.baseline || a.box.x0 - b.box.x0);
  const bands: Segment[][] = [];
  for (const seg of sorted) {
    const band = bands[bands.length - 1];
    const ref = band ? band[0].baseline : -Infinity;
    if (band && seg.baseline - ref < 0.45 * Math.min(m.lineHeight, seg.lineHeight, band[0].lineHeight)) band.push(seg);
    else bands.push([seg]);
  }
  return bands.flatMap((band) => band.sort((a, b) => a.box.x0 - b.box.x0));
}

export function splitSegment(seg: Segment, at: number): [Segment, Segment] {
  const piece = (words: OcrWord[]): Segment => ({
    ...seg,
    words,
    text: words.map((w) => w.text.trim()).join(" "),
    box: unionBox(words.map((w) => w.bbox)),
    confidence: weightedConfidence(words),
    split: true,
  });
  return [piece(seg.words.slice(0, at)), piece(seg.words.slice(at))];
}

export function weightedConfidence(words: OcrWord[]): number {
  let sum = 0;
  let weight = 0;
  for (const w of words) {
    const n = [...w.text.trim()].length;
    sum += w.confidence * n;
    weight += n;
  }
  return weight ? sum / weight : 0;
}

export function unionBox(boxes: OcrBox[]): OcrBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
