import type { PdfLine } from "./types.js";

/** Document-wide measures the layout passes compare lines against. */
export interface DocumentMetrics {
  /** Body font size: the size carrying most characters. */
  bodySize: number;
  /** Baseline distance of consecutive body lines, as a multiple of the font size. */
  lineSpacing: number;
}

/** The page's text box: where body lines start and end. */
export interface TextBox {
  left: number;
  right: number;
}

const DEFAULT_SPACING = 1.15;

export function measureDocument(pages: PdfLine[][]): DocumentMetrics {
  const bySize = new Map<number, number>();
  const ratios: number[] = [];
  for (const lines of pages) {
    let prev: PdfLine | undefined;
    for (const line of lines) {
      const key = Math.round(line.size * 2) / 2;
      bySize.set(key, (bySize.get(key) ?? 0) + line.text.length);
      if (prev && Math.abs(prev.size - line.size) < 0.5 && line.size > 0) {
        const ratio = (line.y - prev.y) / line.size;
        if (ratio > 0.9 && ratio < 2) ratios.push(ratio);
      }
      prev = line;
    }
  }
  let bodySize = 0;
  let best = -1;
  for (const [size, count] of bySize) {
    if (count > best) {
      best = count;
      bodySize = size;
    }
  }
  return { bodySize: bodySize || 12, lineSpacing: median(ratios) ?? DEFAULT_SPACING };
}

/** Left and right edges of the page's body text (robust to a few wide or indented lines). */
export function measureTextBox(lines: PdfLine[], pageWidth: number): TextBox {
  const long = lines.filter((l) => l.text.length >= 25 && !l.role);
  if (long.length === 0) return { left: pageWidth * 0.12, right: pageWidth * 0.9 };
  const lefts = long.map((l) => l.x0).sort((a, b) => a - b);
  const rights = long.map((l) => l.x1).sort((a, b) => a - b);
  return { left: lefts[Math.floor(lefts.length * 0.1)], right: rights[Math.ceil(rights.length * 0.9) - 1] };
}

/** Centred on the text box: short of both margins by about as much. */
export function isCentered(line: PdfLine, box: TextBox): boolean {
  const width = box.right - box.left;
  const left = line.x0 - box.left;
  const right = box.right - line.x1;
  return left > line.size * 1.5 && right > line.size * 1.5 && Math.abs(left - right) < width * 0.08;
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
