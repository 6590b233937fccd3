/**
 * Tesseract page segmentation modes (PSM), the same for tesseract.js and the system's command:
 * "auto" (3) finds blocks, paragraphs and lines itself, for a whole page; "block" (6) reads the
 * region as one uniform block of text, for a zone whose layout is already known (a header
 * column, the title block), where the automatic analysis would split a line at a seal or take a
 * speck in the margin for a block of its own.
 */
export type SegmentationMode = "auto" | "block";
export const PSM: Record<SegmentationMode, string> = { auto: "3", block: "6" };
