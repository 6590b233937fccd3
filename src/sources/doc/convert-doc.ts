import type { SourceDocument } from "../../blocks/index.js";
import { VanbanError } from "../../errors.js";
import { unwrapLines } from "../../blocks/index.js";
import type { Warning } from "../../schema/span.js";
import { classifyTables } from "../word/classify-tables.js";
import { hasEncryptedPackage, isOleCompoundFile } from "../word/detect-ole.js";
import { LineEmitter } from "../word/emit-lines.js";
import { extractWord97 } from "./extract-word97.js";
import { mapDocBody, mapDocNotes, mapPlainLines } from "./map-doc-text.js";

/**
 * Converts a Word 97–2003 .doc into blocks: body paragraphs and tables (header table as zone
 * "header", Nơi nhận | signature as zone "closing", data tables one row per block), text boxes,
 * running headers/footers as furniture, then footnotes and endnotes with the labels their
 * references print. A .doc has no page count that word-extractor exposes: `pages` is null.
 */
export async function convertDoc(data: Uint8Array): Promise<SourceDocument> {
  if (data.length === 0) throw new VanbanError("empty_input", "The DOC input is empty.");
  if (!isOleCompoundFile(data)) throw new VanbanError("corrupt", "Not a Word 97–2003 .doc file: no OLE compound file header.");
  if (hasEncryptedPackage(data)) throw new VanbanError("encrypted", "The file is a password-protected Office document (encrypted package).");
  const text = await extractWord97(data);
  const warnings: Warning[] = [];
  const items = mapDocBody(text.body);
  const emitter = new LineEmitter(classifyTables(items));
  emitter.emitItems(items);
  const lines = [
    ...emitter.lines,
    ...mapPlainLines(text.textboxes, undefined),
    ...mapPlainLines(`${text.headers}\n${text.footers}`, "furniture"),
    ...mapDocNotes(text.footnotes, "footnote"),
    ...mapDocNotes(text.endnotes, "endnote"),
  ];
  const blocks = unwrapLines(lines);
  if (blocks.length === 0) {
    warnings.push({ code: "no_text", message: "The DOC file holds no text." });
  }
  return { format: "doc", blocks, pages: null, warnings };
}
