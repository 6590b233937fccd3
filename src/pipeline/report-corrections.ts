import type { PlacedBlock } from "../blocks/index.js";
import type { Span, Warning } from "../schema/span.js";

/**
 * One `ocr_corrected` warning per word the OCR post-correction replaced (từ đã hiệu đính), with
 * its span in the record's text and what was read: sources mark such words on their blocks,
 * and only here, once the text is laid out, are their final offsets known.
 */
export function reportCorrections(text: string, placed: PlacedBlock[]): Warning[] {
  const warnings: Warning[] = [];
  for (const block of placed) {
    for (const mark of block.marks ?? []) {
      if (mark.kind !== "correction") continue;
      const span: Span = { start: block.start + mark.start, end: block.start + mark.end };
      if (block.page !== undefined) span.page = block.page;
      const now = text.slice(span.start, span.end);
      warnings.push({ code: "ocr_corrected", message: `OCR text "${mark.original ?? ""}" corrected to "${now}" (Vietnamese spelling in context).`, span });
    }
  }
  return warnings;
}
