import type { SourceDocument } from "../../blocks/index.js";
import { VanbanError } from "../../errors.js";
import { unwrapLines } from "../../blocks/index.js";
import type { ResolvedParseOptions } from "../../schema/options.js";
import type { Warning } from "../../schema/span.js";
import { classifyTables } from "../word/classify-tables.js";
import { LineEmitter } from "../word/emit-lines.js";
import { emitHeaderFooters, emitNotes } from "./emit-notes.js";
import { NoteNumbering } from "./number-notes.js";
import { openDocxPackage } from "./open-package.js";
import { childElement } from "./parse-xml.js";
import { ListNumbering } from "./read-numbering.js";
import { readStyles } from "./read-styles.js";
import { LimitNotes } from "../word/file-limits.js";
import { DocumentWalker } from "./walk-document.js";

/**
 * Converts a DOCX (Word 2007+) file into blocks. The package is read directly (fflate for the zip,
 * saxes for the XML parts) rather than through mammoth's HTML, because the block model needs
 * what HTML conversion drops: alignment, indentation, font size, list labels computed from
 * numbering.xml, footnote labels as printed, table grid positions (header/closing columns), and
 * text boxes read exactly once.
 *
 * Order of blocks: body (header table as zone "header", left column then right; content; closing
 * table as zone "closing"), then running headers/footers as furniture, then footnote and endnote
 * definitions.
 */
export function convertDocx(data: Uint8Array, options: ResolvedParseOptions): SourceDocument {
  const pkg = openDocxPackage(data, options.maxUncompressedBytes);
  const warnings: Warning[] = [];
  const limits = new LimitNotes();
  const styles = readStyles(pkg.styles, limits);
  const numbering = new ListNumbering(pkg.numbering, styles, limits);
  const body = childElement(pkg.document, "w:body");
  if (!body) throw new VanbanError("corrupt", "The DOCX main document has no w:body element.");
  const notes = new NoteNumbering(pkg.settings, body, limits);
  const walker = new DocumentWalker({ styles, numbering, notes, warnings, inHeaderFooter: false });
  const items = walker.walkBlocks(body);

  const emitter = new LineEmitter(classifyTables(items));
  emitter.emitItems(items);
  const furnitureWalker = new DocumentWalker({ styles, numbering, notes, warnings, inHeaderFooter: true });
  const lines = [
    ...emitter.lines,
    ...emitHeaderFooters(pkg.headerFooters, furnitureWalker),
    ...emitNotes("footnote", pkg.footnotes, walker, notes, warnings),
    ...emitNotes("endnote", pkg.endnotes, walker, notes, warnings),
  ];
  return { format: "docx", blocks: unwrapLines(lines), pages: pkg.pages, warnings: [...warnings, ...limits.toWarnings()] };
}
