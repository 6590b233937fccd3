/**
 * Top-level fields of the record, in record order, for `--fields`. Written out (no zod import,
 * for start-up time); a test checks it against VanBanDocumentSchema.
 */
export const RECORD_FIELDS = [
  "schemaVersion",
  "source",
  "text",
  "type",
  "title",
  "titleSpan",
  "subject",
  "subjectSpan",
  "attachedTo",
  "header",
  "addressees",
  "preamble",
  "sections",
  "footnotes",
  "recipients",
  "archive",
  "signature",
  "citations",
  "targets",
  "results",
  "tables",
  "furniture",
  "copyStamps",
  "unassigned",
  "layout",
  "lineBoxes",
  "warnings",
] as const;

/** Always kept by `--fields`: a record must say what it is and where it came from. */
export const ALWAYS_KEPT_FIELDS = ["schemaVersion", "source"] as const;

export type RecordField = (typeof RECORD_FIELDS)[number];
