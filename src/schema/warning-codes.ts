import { z } from "zod";

/** The part of the pipeline that emits a warning. */
export type WarningStage = "source" | "normalize" | "structure" | "extract" | "record";

interface WarningCodeInfo {
  stage: WarningStage;
  /**
   * The stage's own code threw and its output for that part of the document is missing. Such a
   * warning is a bug report, not a doubt about the document: the tests fail on it. Every code
   * ending in `_failed` must set it (a test checks the naming).
   */
  failure: boolean;
  /** One sentence for docs/schema.md. */
  description: string;
}

/**
 * Every warning code a record can carry, in one place: the record's `warnings[].code` is this
 * union, so a new code must be added (and described) here before any stage can emit it.
 */
export const WARNING_CODES = {
  // Sources: reading the file.
  pages_truncated: { stage: "source", failure: false, description: "Only the first `maxPages` pages of the PDF were read." },
  pages_unreadable: { stage: "source", failure: false, description: "Some PDF pages could not be read by the PDF library and were skipped (`pages` lists them)." },
  pages_partly_unreadable: { stage: "source", failure: false, description: "The PDF library could not read parts of the document (a font, so bold and italic are lost, or other page content); the rest was kept and the message says what." },
  no_text_layer: { stage: "source", failure: false, description: "Some PDF pages have no text layer (a scan) and OCR did not read them." },
  garbled_text_layer: { stage: "source", failure: false, description: "The text layer of some PDF pages is not readable Vietnamese and could not be repaired." },
  legacy_encoding_converted: { stage: "source", failure: false, description: "Text in a legacy Vietnamese font encoding (VNI, TCVN3) or with shifted character codes was converted to Unicode; check the text." },
  ocr_unavailable: { stage: "source", failure: false, description: "Pages needed OCR but the optional OCR packages are not installed or could not start." },
  ocr_failed: { stage: "source", failure: true, description: "OCR of some pages failed (the page could not be rendered or the OCR engine stopped); their text is missing." },
  ocr_low_confidence: { stage: "source", failure: false, description: "Some OCR lines were read with low confidence; check them against the page image." },
  ocr_corrected: { stage: "source", failure: false, description: "OCR text was corrected (digit confusions, `Số` line, stray marks of stamps or signatures, and words whose spelling the syllable model corrected in context: those with their span and the text as read)." },
  limit_reached: { stage: "source", failure: false, description: "A value the file declares was beyond what the reader accepts (a list or note start number, style inheritance depth, nesting depth, a size or count) and was capped, or a text gave far more targets and results than any document holds and they were cut; the message says which, and what was read may differ from what Word shows." },
  docx_nesting_too_deep: { stage: "source", failure: false, description: "DOCX content nested deeper than the reader's limit was skipped." },
  footnote_without_reference: { stage: "source", failure: false, description: "A footnote or endnote is never referenced in the text." },
  markdown_fallback: { stage: "source", failure: false, description: "The Markdown could not be parsed (pathological nesting) and was read as plain text." },
  no_text: { stage: "source", failure: false, description: "The DOC file holds no text." },
  // Normalize: decoding text bytes.
  encoding_guessed: { stage: "normalize", failure: false, description: "The text encoding was not declared and was guessed (UTF-16 without a byte-order mark, an 8-bit code page, or a legacy font encoding)." },
  encoding_uncertain: { stage: "normalize", failure: false, description: "No encoding reads the bytes as Vietnamese; they were read as UTF-8 with replacement characters." },
  // Structure: header, title, sections, footnotes.
  header_number_unreadable: { stage: "structure", failure: false, description: "The number after `Số` is not a number (handwritten or stamped); `header.number` is left null." },
  header_date_unreadable: { stage: "structure", failure: false, description: "The header date has an unreadable day or month; `header.date` is left null." },
  header_date_invalid: { stage: "structure", failure: false, description: "The header date is not a calendar date; `header.date` is left null." },
  not_administrative_document: { stage: "structure", failure: false, description: "The heading names a text that is not an administrative document (a speech, a conference paper): `type` is left empty." },
  type_title_corrected: { stage: "structure", failure: false, description: "A misspelled title was read as a document type." },
  section_list_continued: { stage: "structure", failure: false, description: "A numbered item after a decimal sub-item was read as continuing the sub-list." },
  section_label_repeated: { stage: "structure", failure: false, description: "A letter label printed twice (`d)` for `đ)`) was read as the next letter." },
  section_numbering_gap: { stage: "structure", failure: false, description: "A numbered section does not follow its predecessor (a gap or a repeat)." },
  footnote_reference_without_note: { stage: "structure", failure: false, description: "A footnote reference mark has no footnote with that label." },
  footnote_references_inferred: { stage: "structure", failure: false, description: "Footnote reference marks lost in extraction were linked to the notes by order." },
  footnote_references_lost: { stage: "structure", failure: false, description: "Places that look like lost footnote references could not be linked to the unlinked notes." },
  // Extract: citations and targets.
  citation_date_invalid: { stage: "extract", failure: false, description: "A cited document's date is not a calendar date; the citation's `date` is left null." },
  citation_type_mismatch: { stage: "extract", failure: false, description: "A citation names one document type but its ký hiệu is another's." },
  citation_type_corrected: { stage: "extract", failure: false, description: "A misspelled type word in a citation was read as a document type (`typeCorrection`)." },
  citation_extraction_failed: { stage: "extract", failure: true, description: "The citation finder failed on a text unit; that unit's citations are missing." },
  target_number_ambiguous: { stage: "extract", failure: false, description: "A figure uses an English decimal point; read as a decimal." },
  targets_unit_failed: { stage: "extract", failure: true, description: "The target finder failed on a text unit; that unit's targets and results are missing." },
  // Record assembly.
  empty_text: { stage: "record", failure: false, description: "The file was read but holds no text (blank pages, empty paragraphs): every element of the record is empty." },
  unassigned_text: { stage: "record", failure: false, description: "Text no element could place was kept in `unassigned`." },
} as const satisfies Record<string, WarningCodeInfo>;

export type WarningCode = keyof typeof WARNING_CODES;

const CODES = Object.keys(WARNING_CODES) as [WarningCode, ...WarningCode[]];

export const WarningCodeSchema = z
  .enum(CODES)
  .meta({ id: "WarningCode", description: "Stable machine code of a warning; docs/schema.md (Warning codes) gives the meaning of each." });

/** Codes that mean a stage's own code failed: never expected on a record (see `failure`). */
export const STAGE_FAILURE_CODES: ReadonlySet<WarningCode> = new Set(CODES.filter((c) => WARNING_CODES[c].failure));

/** True when the code reports a stage's own failure rather than a doubt about the document. */
export function isStageFailure(code: string): boolean {
  return STAGE_FAILURE_CODES.has(code as WarningCode);
}
