import type { PlacedBlock } from "../blocks/index.js";
import type { LineBox } from "../schema/line-box.js";
import type { Span } from "../schema/span.js";

/**
 * The record's `lineBoxes`: where each line read by OCR sits on its page image. Sources mark
 * each OCR line with its box; only here, once the text is laid out, are the lines' final
 * offsets known (as for the `ocr_corrected` warnings).
 */
export function collectLineBoxes(placed: PlacedBlock[]): LineBox[] {
  const boxes: LineBox[] = [];
  for (const block of placed) {
    for (const mark of block.marks ?? []) {
      if (mark.kind !== "box" || !mark.box || mark.end <= mark.start) continue;
      const span: Span = { start: block.start + mark.start, end: block.start + mark.end };
      const page = mark.page ?? block.page;
      if (page !== undefined) span.page = page;
      boxes.push({ span, box: mark.box, confidence: mark.confidence ?? 0 });
    }
  }
  return boxes;
}
