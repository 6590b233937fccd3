/**
 * Types for the parts of word-extractor (pure JS, no bundled types) that the .doc reader uses:
 * the Word 97 extractor class, which the reader extends to keep table and note-reference marks,
 * and the in-memory reader it reads from.
 */
declare module "word-extractor/lib/word-ole-extractor.js" {
  import type { Buffer } from "node:buffer";

  /** One run of text of the piece table, as word-extractor keeps it. */
  export interface WordPiece {
    startCp: number;
    endCp: number;
    startFilePos: number;
    endFilePos: number;
    /** Bytes per character: 1 (cp1252) or 2 (UTF-16). */
    bpc: number;
    text: string;
  }

  export interface WordDocumentText {
    getBody(options?: { filterUnicode?: boolean }): string;
    getFootnotes(options?: { filterUnicode?: boolean }): string;
    getEndnotes(options?: { filterUnicode?: boolean }): string;
    getHeaders(options?: { filterUnicode?: boolean; includeFooters?: boolean }): string;
    getFooters(options?: { filterUnicode?: boolean }): string;
    getAnnotations(options?: { filterUnicode?: boolean }): string;
    getTextboxes(options?: { filterUnicode?: boolean; includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }

  export interface WordReader {
    open(): Promise<void>;
    close(): Promise<void>;
  }

  export default class WordOleExtractor {
    _pieces: WordPiece[];
    _boundaries: Record<string, number>;
    extract(reader: WordReader): Promise<WordDocumentText>;
    extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocumentText>;
    writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
  }
}

declare module "word-extractor/lib/buffer-reader.js" {
  import type { Buffer } from "node:buffer";
  import type { WordReader } from "word-extractor/lib/word-ole-extractor.js";

  export default class BufferReader implements WordReader {
    constructor(buffer: Buffer);
    open(): Promise<void>;
    close(): Promise<void>;
  }
}

declare module "word-extractor/lib/ole-allocation-table.js" {
  export default class AllocationTable {
    _table: number[];
    getSecIdChain(startSecId: number): number[];
  }
}
