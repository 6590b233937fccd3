import { Buffer } from "node:buffer";
import type { WordPiece } from "word-extractor/lib/word-ole-extractor.js";
import { VanbanError } from "../../errors.js";

/**
 * Private-use characters the reader writes over Word's control characters before word-extractor
 * cleans the text (its cleaning turns cell marks into tabs and drops note references, which loses
 * the table structure and the reference positions). Each replacement keeps the text length, as
 * the piece table requires.
 */
export const MARK = {
  /** End of a paragraph inside a table cell (was \r). */
  cellBreak: "\uE001",
  /** End of a table cell (was \x07). */
  cellEnd: "\uE002",
  /** End of a table row (the row's own \x07 mark). */
  rowEnd: "\uE003",
  /** Auto-numbered footnote / endnote reference in the text (was \x02). */
  footnoteRef: "\uE004",
  endnoteRef: "\uE005",
  /** Start of a footnote or endnote definition (its own \x02 mark). */
  noteStart: "\uE006",
  /** Manual line break inside a paragraph (was \x0B). */
  softBreak: "\uE007",
} as const;

/** The text stories of a Word 97–2003 file, with the marks above. */
export interface Word97Text {
  body: string;
  footnotes: string;
  endnotes: string;
  headers: string;
  footers: string;
  textboxes: string;
}

const WORD97_MAGIC = 0xa5ec;
const WORD95_MAGIC = 0xa5dc;
/** FIB flags: fEncrypted. */
const FLAG_ENCRYPTED = 0x0100;
const SPRM_IN_TABLE = 0x2416;
const SPRM_TABLE_ROW_END = 0x2417;
const SPRM_DEF_TABLE = 0xd608;
/** FIB offsets (FibRgFcLcb97) of the note reference and note text tables. */
const FIB = {
  papxTable: 0x0102,
  footnoteRefs: 0x00aa,
  footnoteTexts: 0x00b2,
  endnoteRefs: 0x020a,
  endnoteTexts: 0x0212,
} as const;
const SAFE_CHAIN = Symbol.for("vanban.safeSecIdChain");

/**
 * Reads a Word 97–2003 .doc with word-extractor's own parser (pure JS), extended to keep table
 * cells, rows, note references and manual line breaks as marks. Unreadable files throw
 * `corrupt`, password-protected ones `encrypted`.
 */
export async function extractWord97(data: Uint8Array): Promise<Word97Text> {
  const [{ default: WordOleExtractor }, { default: BufferReader }, { default: AllocationTable }] = await Promise.all([
    import("word-extractor/lib/word-ole-extractor.js"),
    import("word-extractor/lib/buffer-reader.js"),
    import("word-extractor/lib/ole-allocation-table.js"),
  ]);
  hardenSectorChains(AllocationTable.prototype as unknown as Record<symbol | string, unknown>);
  // Our marking code runs inside word-extractor's call: its failures are bugs, not a corrupt file.
  let ownError: unknown = null;
  const own = (work: () => void): void => {
    try {
      work();
    } catch (error) {
      ownError = error;
      throw error;
    }
  };

  class MarkingExtractor extends WordOleExtractor {
    override extractWordDocument(document: unknown, buffer: Buffer) {
      if (buffer.length >= 12) {
        const magic = buffer.readUInt16LE(0);
        if (magic === WORD95_MAGIC) throw new VanbanError("corrupt", "This is a Word 6.0/95 document, older than the Word 97 format the reader supports.");
        if (magic === WORD97_MAGIC && buffer.readUInt16LE(0x0a) & FLAG_ENCRYPTED) {
          throw new VanbanError("encrypted", "The DOC file is password-protected.");
        }
      }
      return super.extractWordDocument(document, buffer);
    }

    override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
      super.writeParagraphProperties(buffer, tableBuffer);
      own(() => {
        markTableParagraphs(this._pieces, buffer, tableBuffer);
        const ccpText = this._boundaries.ccpText ?? 0;
        const ccpFtn = this._boundaries.ccpFtn ?? 0;
        const endnotesStart = ccpText + ccpFtn + (this._boundaries.ccpHdd ?? 0) + (this._boundaries.ccpAtn ?? 0);
        markNotes(this._pieces, buffer, tableBuffer, FIB.footnoteRefs, FIB.footnoteTexts, MARK.footnoteRef, ccpText);
        markNotes(this._pieces, buffer, tableBuffer, FIB.endnoteRefs, FIB.endnoteTexts, MARK.endnoteRef, endnotesStart);
        for (const piece of this._pieces) if (piece.startCp < ccpText) piece.text = piece.text.replaceAll("\x0b", MARK.softBreak);
      });
    }
  }

  let text;
  try {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    text = await new MarkingExtractor().extract(new BufferReader(buffer));
  } catch (error) {
    if (error instanceof VanbanError || (ownError !== null && error === ownError)) throw error;
    throw new VanbanError("corrupt", `The DOC file cannot be read: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
  const raw = { filterUnicode: false };
  return {
    body: text.getBody(raw),
    footnotes: text.getFootnotes(raw),
    endnotes: text.getEndnotes(raw),
    headers: text.getHeaders({ ...raw, includeFooters: false }),
    footers: text.getFooters(raw),
    textboxes: text.getTextboxes({ ...raw, includeHeadersAndFooters: false, includeBody: true }),
  };
}

/**
 * word-extractor follows sector chains until it meets a free sector; a crafted file with a cycle
 * would loop forever. The patched walk stops at a sector it has already visited.
 */
function hardenSectorChains(proto: Record<symbol | string, unknown>): void {
  if (proto[SAFE_CHAIN]) return;
  proto.getSecIdChain = function getSecIdChain(this: { _table: number[] }, startSecId: number): number[] {
    const ids: number[] = [];
    const seen = new Set<number>();
    for (let id = startSecId; id > -1 && id < this._table.length && !seen.has(id); id = this._table[id]) {
      seen.add(id);
      ids.push(id);
    }
    return ids;
  };
  proto[SAFE_CHAIN] = true;
}

/**
 * Walks the paragraph properties (PAPX FKPs) and marks the paragraph ends of table paragraphs:
 * a paragraph inside a cell, the end of a cell, the end of a row.
 */
function markTableParagraphs(pieces: WordPiece[], buffer: Buffer, tableBuffer: Buffer): void {
  const fc = buffer.readUInt32LE(FIB.papxTable);
  const lcb = buffer.readUInt32LE(FIB.papxTable + 4);
  if (lcb < 12 || fc + lcb > tableBuffer.length) return;
  const plc = tableBuffer.subarray(fc, fc + lcb);
  const count = (lcb - 4) / 8;
  for (let i = 0; i < count; i++) {
    const pn = plc.readUInt32LE((count + 1) * 4 + i * 4);
    if ((pn + 1) * 512 > buffer.length) continue;
    const fkp = buffer.subarray(pn * 512, (pn + 1) * 512);
    const crun = fkp[511];
    for (let j = 0; j < crun; j++) {
      const paragraphEnd = fkp.readUInt32LE((j + 1) * 4);
      const offset = fkp[(crun + 1) * 4 + j * 13] * 2;
      if (offset === 0) continue;
      const cb = fkp[offset];
      const grpprl = cb !== 0 ? fkp.subarray(offset + 1, offset + 2 * cb) : fkp.subarray(offset + 2, offset + 2 + 2 * fkp[offset + 1]);
      const { inTable, rowEnd } = readTableSprms(grpprl);
      if (!inTable && !rowEnd) continue;
      const at = locateByFilePos(pieces, paragraphEnd);
      if (!at) continue;
      const ch = at.piece.text[at.index];
      const mark = rowEnd ? MARK.rowEnd : ch === "\x07" ? MARK.cellEnd : ch === "\r" ? MARK.cellBreak : null;
      // A row end already turned into "\n" by word-extractor is replaced too.
      if (mark && (ch === "\x07" || ch === "\r" || ch === "\n")) replaceChar(at.piece, at.index, mark);
    }
  }
}

/** Reads sprmPFInTable / sprmPFTtp from a paragraph's grpprl (after its 2-byte style index). */
function readTableSprms(grpprl: Buffer): { inTable: boolean; rowEnd: boolean } {
  let inTable = false;
  let rowEnd = false;
  let offset = 2;
  while (offset + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(offset);
    offset += 2;
    if (sprm === SPRM_IN_TABLE) inTable = grpprl[offset] === 1;
    if (sprm === SPRM_TABLE_ROW_END) rowEnd = grpprl[offset] === 1;
    const spra = sprm >> 13;
    if (sprm === SPRM_DEF_TABLE) offset += offset + 2 <= grpprl.length ? grpprl.readUInt16LE(offset) + 1 : grpprl.length;
    else if (spra === 6) offset += (grpprl[offset] ?? 0) + 1;
    else offset += [1, 1, 2, 4, 2, 2, 0, 3][spra];
  }
  return { inTable, rowEnd };
}

/**
 * Marks note references (PlcffndRef / PlcfendRef: CPs in the main text) and the starts of the
 * note texts (PlcffndTxt / PlcfendTxt: CPs from the start of the note story). Only auto-numbered
 * references carry the \x02 mark; a custom mark is printed text and stays as it is.
 */
function markNotes(pieces: WordPiece[], buffer: Buffer, tableBuffer: Buffer, refsAt: number, textsAt: number, refMark: string, storyStart: number): void {
  const refs = readCps(buffer, tableBuffer, refsAt, 2);
  for (const cp of refs) {
    const at = locateByCp(pieces, cp);
    if (at && at.piece.text[at.index] === "\x02") replaceChar(at.piece, at.index, refMark);
  }
  if (refs.length === 0) return;
  for (const cp of readCps(buffer, tableBuffer, textsAt, 0)) {
    const at = locateByCp(pieces, storyStart + cp);
    if (at && at.piece.text[at.index] === "\x02") replaceChar(at.piece, at.index, MARK.noteStart);
  }
}

/** The CPs of a PLC whose data elements are `dataSize` bytes (0: the CPs only, last one included). */
function readCps(buffer: Buffer, tableBuffer: Buffer, fibOffset: number, dataSize: number): number[] {
  if (fibOffset + 8 > buffer.length) return [];
  const fc = buffer.readUInt32LE(fibOffset);
  const lcb = buffer.readUInt32LE(fibOffset + 4);
  if (lcb < 4 || fc + lcb > tableBuffer.length) return [];
  const count = dataSize ? Math.floor((lcb - 4) / (4 + dataSize)) : lcb / 4;
  const cps: number[] = [];
  for (let i = 0; i < count; i++) cps.push(tableBuffer.readUInt32LE(fc + i * 4));
  return cps;
}

function locateByCp(pieces: WordPiece[], cp: number): { piece: WordPiece; index: number } | null {
  for (const piece of pieces) {
    if (cp >= piece.startCp && cp < piece.endCp) return { piece, index: cp - piece.startCp };
  }
  return null;
}

/** The character that ends at file position `end` (a paragraph mark). */
function locateByFilePos(pieces: WordPiece[], end: number): { piece: WordPiece; index: number } | null {
  for (const piece of pieces) {
    if (end > piece.startFilePos && end <= piece.endFilePos) {
      return { piece, index: (end - piece.startFilePos) / piece.bpc - 1 };
    }
  }
  return null;
}

function replaceChar(piece: WordPiece, index: number, ch: string): void {
  if (index < 0 || index >= piece.text.length) return;
  piece.text = piece.text.slice(0, index) + ch + piece.text.slice(index + 1);
}
