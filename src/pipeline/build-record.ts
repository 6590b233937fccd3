import { orderFlow, type SourceDocument } from "../blocks/index.js";
import { extractAll } from "../extract/index.js";
import { placeBlocks } from "../normalize/index.js";
import type { VanBanDocument } from "../schema/document.js";
import { SCHEMA_VERSION } from "../schema/version.js";
import { readStructure } from "../structure/index.js";

export interface SourceMeta {
  name: string | null;
  bytes: number;
  sha256: string;
}

/**
 * The pipeline after the source: blocks in reading flow → normalized text → structure →
 * extraction → the record. This function only assembles; each stage has its own entry.
 */
export function buildRecord(source: SourceDocument, meta: SourceMeta): VanBanDocument {
  const { text, placed } = placeBlocks(orderFlow(source.blocks));
  const warnings = [...source.warnings];
  const structure = readStructure(text, placed, warnings);
  const extracted = extractAll(
    {
      text,
      docType: { code: structure.type.code, name: structure.type.name },
      titleSpan: structure.titleSpan,
      subjectSpan: structure.subjectSpan,
      preamble: structure.preamble,
      sections: structure.sections,
      footnotes: structure.footnotes,
      unassigned: structure.unassigned,
    },
    warnings,
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      name: meta.name,
      format: source.format,
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
    furniture: structure.furniture,
    unassigned: structure.unassigned,
    layout: structure.layout,
    warnings,
  };
}
