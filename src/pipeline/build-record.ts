import { orderFlow, type SourceDocument } from "../blocks/index.js";
import { extractAll, readCopyStamps } from "../extract/index.js";
import { placeBlocks } from "../normalize/index.js";
import type { SourceChosenBy, VanBanDocument } from "../schema/document.js";
import { SCHEMA_VERSION } from "../schema/version.js";
import { readStructure } from "../structure/index.js";
import { collectLineBoxes } from "./collect-line-boxes.js";
import { reportCorrections } from "./report-corrections.js";

export interface SourceMeta {
  name: string | null;
  /** How the reader was chosen (`parse` only). */
  chosenBy?: SourceChosenBy;
  bytes: number;
  sha256: string;
}

/**
 * The pipeline after the source: blocks in reading flow → normalized text → structure →
 * extraction → the record. This function only assembles; each stage has its own entry.
 */
export function buildRecord(source: SourceDocument, meta: SourceMeta): VanBanDocument {
  const { text, placed } = placeBlocks(orderFlow(source.blocks), source);
  const warnings = [...source.warnings, ...reportCorrections(text, placed)];
  // Nothing lost in silence: a file that was read but held no text says so.
  if (text.trim() === "" && !warnings.some((w) => w.code === "no_text_layer" || w.code === "ocr_unavailable" || w.code === "no_text")) {
    warnings.push({ code: "empty_text", message: "The file was read but holds no text." });
  }
  const structure = readStructure(text, placed, warnings);
  const extracted = extractAll(
    {
      text,
      // Folded once, by the structure stage; citations match on slices of it.
      folded: structure.folded,
      docType: { code: structure.type.code, name: structure.type.name },
      titleSpan: structure.titleSpan,
      subjectSpan: structure.subjectSpan,
      attachedToSpan: structure.attachedToSpan,
      preamble: structure.preamble,
      sections: structure.sections,
      footnotes: structure.footnotes,
      unassigned: structure.unassigned,
      tables: structure.tables,
    },
    warnings,
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      name: meta.name,
      format: source.format,
      ...(meta.chosenBy ? { chosenBy: meta.chosenBy } : {}),
      sha256: meta.sha256,
      bytes: meta.bytes,
      pages: source.pages,
      encoding: source.encoding ?? null,
      ocr: source.ocr ?? null,
    },
    text,
    type: structure.type,
    title: structure.title,
    titleSpan: structure.titleSpan,
    subject: structure.subject,
    subjectSpan: structure.subjectSpan,
    attachedTo: extracted.attachedTo,
    header: structure.header,
    addressees: structure.addressees,
    preamble: structure.preamble,
    sections: structure.sections,
    footnotes: structure.footnotes,
    recipients: structure.recipients,
    archive: structure.archive,
    signature: structure.signature,
    citations: extracted.citations,
    targets: extracted.targets,
    results: extracted.results,
    tables: structure.tables,
    furniture: structure.furniture,
    ...copyStampsOf(structure.furniture),
    unassigned: structure.unassigned,
    layout: structure.layout,
    ...lineBoxesOf(placed),
    warnings,
  };
}

/** `copyStamps` only when the document has some: the field is additive. */
function copyStampsOf(furniture: VanBanDocument["furniture"]): Pick<VanBanDocument, "copyStamps"> {
  const copyStamps = readCopyStamps(furniture);
  return copyStamps.length ? { copyStamps } : {};
}

/** `lineBoxes` only when lines were read by OCR: the field is additive. */
function lineBoxesOf(placed: Parameters<typeof collectLineBoxes>[0]): Pick<VanBanDocument, "lineBoxes"> {
  const lineBoxes = collectLineBoxes(placed);
  return lineBoxes.length ? { lineBoxes } : {};
}
