import { readFile } from "node:fs/promises";

/** The folders pdf.js is given for its data files, each with a trailing separator (or absent). */
export interface AssetUrls {
  cMapUrl?: string | null;
  standardFontDataUrl?: string | null;
  wasmUrl?: string | null;
}

type AssetKind = keyof AssetUrls;

/** How pdf.js's own factory names each kind in its errors. */
const KIND_NAMES: Record<AssetKind, string> = { cMapUrl: "CMap", standardFontDataUrl: "font", wasmUrl: "wasm" };

/**
 * Bytes kept at most. pdfjs-dist's standard fonts and CMaps come to ~2.5 MB (ours, without
 * outlines, far less); past this a file is read again each time, as pdf.js would.
 */
const MAX_KEPT_BYTES = 16 * 1024 * 1024;

const kept = new Map<string, Promise<Uint8Array>>();
let keptBytes = 0;

/**
 * pdf.js's data files (dữ liệu phông chuẩn, CMap) read from disk once per process. pdf.js's own
 * Node factory reads a standard font again for every document that names one without embedding
 * it, as most signed documents do (Times New Roman): 131 reads for 60 typical Lâm Đồng PDFs, each
 * an await on the thread pool while the parse waits (docs/performance.md, eighteenth pass). Passed
 * to `getDocument` as its `BinaryDataFactory`; its `fetch` gives what pdf.js's would, with the same
 * errors.
 */
export class CachedBinaryDataFactory {
  constructor(private readonly urls: AssetUrls) {}

  /**
   * A data file's bytes. Plain errors, as pdf.js's factory throws them: pdf.js catches them, warns
   * and reads on without the file.
   */
  async fetch({ kind, filename }: { kind: AssetKind; filename: string }): Promise<Uint8Array> {
    if (!Object.hasOwn(KIND_NAMES, kind)) throw new Error(`Not implemented: ${kind}`);
    const base = this.urls[kind];
    if (!base) throw new Error(`Ensure that the \`${kind}\` API parameter is provided.`);
    const path = `${base}${filename}`;
    let bytes: Uint8Array;
    try {
      bytes = await readOnce(path);
    } catch (error) {
      throw new Error(`Unable to load ${KIND_NAMES[kind]} data at: ${path}`, { cause: error });
    }
    // A copy: what pdf.js is given crosses its message port, and a transfer would empty ours.
    return bytes.slice();
  }
}

/** The file's bytes, read on the first call; a failed read is tried again on the next. */
function readOnce(path: string): Promise<Uint8Array> {
  let read = kept.get(path);
  if (read === undefined) {
    read = readFile(path).then(
      (buffer) => {
        const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        keptBytes += bytes.length;
        if (keptBytes > MAX_KEPT_BYTES) {
          kept.delete(path);
          keptBytes -= bytes.length;
        }
        return bytes;
      },
      (error: unknown) => {
        kept.delete(path);
        throw error;
      },
    );
    kept.set(path, read);
  }
  return read;
}
