import { crc32, inflateRawSync } from "node:zlib";
import { Inflate } from "fflate";
import { VanbanError } from "../../errors.js";

/** One file of a zip archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** CRC-32 of the uncompressed data, as declared; checked after inflating. */
  crc: number;
  /** Uncompressed size as declared (an attacker may lie: inflating is capped separately). */
  size: number;
  localHeaderOffset: number;
}

/** What is left of the inflation budget (options.maxUncompressedBytes) across all parts read. */
export interface InflateBudget {
  remaining: number;
  readonly limit: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const FLAG_ENCRYPTED = 0x0001;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/** Compressed bytes fed to the inflater at a time: deflate expands ≤ ~1032×, so ≤ ~4 MB out per push. */
const INFLATE_CHUNK = 4096;
/** Inflated / compressed bytes beyond which output past the declared size is a bomb; Word XML compresses 5–20×. */
const BOMB_RATIO = 100;

/** True when the bytes start like a zip archive (local header or empty-archive record). */
export function looksLikeZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5) && (data[3] === 4 || data[3] === 6);
}

/** Reads the central directory. Throws `corrupt` when there is none. */
export function listZipEntries(data: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === -1) throw new VanbanError("corrupt", "Not a DOCX file: no zip central directory found.");
  let count = view.getUint16(eocd + 10, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    const zip64 = readZip64Directory(view, eocd);
    if (zip64) ({ count, cdOffset } = zip64);
  }
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder("utf-8");
  let pos = cdOffset;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > view.byteLength || view.getUint32(pos, true) !== CENTRAL_SIGNATURE) {
      throw new VanbanError("corrupt", "The DOCX zip central directory is truncated or damaged.");
    }
    const flags = view.getUint16(pos + 8, true);
    const method = view.getUint16(pos + 10, true);
    const crc = view.getUint32(pos + 16, true);
    let compressedSize = view.getUint32(pos + 20, true);
    let size = view.getUint32(pos + 24, true);
    const nameLength = view.getUint16(pos + 28, true);
    const extraLength = view.getUint16(pos + 30, true);
    const commentLength = view.getUint16(pos + 32, true);
    let localHeaderOffset = view.getUint32(pos + 42, true);
    const nameEnd = pos + 46 + nameLength;
    if (nameEnd > view.byteLength) throw new VanbanError("corrupt", "The DOCX zip central directory is truncated.");
    const name = decoder.decode(data.subarray(pos + 46, nameEnd));
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // Zip64 extra field: the 64-bit values appear in this order, only for the fields that overflowed.
      let extra = nameEnd;
      const extraEnd = Math.min(view.byteLength, nameEnd + extraLength);
      while (extra + 4 <= extraEnd) {
        const id = view.getUint16(extra, true);
        const len = view.getUint16(extra + 2, true);
        if (id === 0x0001) {
          let p = extra + 4;
          const read64 = () => {
            const v = p + 8 <= extraEnd ? Number(view.getBigUint64(p, true)) : 0;
            p += 8;
            return v;
          };
          if (size === 0xffffffff) size = read64();
          if (compressedSize === 0xffffffff) compressedSize = read64();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = read64();
          break;
        }
        extra += 4 + len;
      }
    }
    entries.set(name, { name, method, flags, compressedSize, crc, size, localHeaderOffset });
    pos = nameEnd + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

function readZip64Directory(view: DataView, eocd: number): { count: number; cdOffset: number } | null {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) return null;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) return null;
  return { count: Number(view.getBigUint64(record + 32, true)), cdOffset: Number(view.getBigUint64(record + 48, true)) };
}

/**
 * Inflates one entry and checks its CRC, so a flipped bit is `corrupt` instead of a part that
 * silently lost text. Output is charged to the budget (`too_large` past it) and stops at the
 * entry's declared size (past it the header lies or the data is damaged: `corrupt`), so a zip
 * bomb never gets allocated whatever size it declares.
 */
export function inflateEntry(data: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const out = inflateData(data, entry, budget);
  // A CRC of 0 is taken as "not recorded" (some hand-made writers leave it so).
  if (entry.crc !== 0 && crc32(out) !== entry.crc) {
    throw new VanbanError("corrupt", `The DOCX part ${entry.name} is damaged: its checksum (CRC-32) does not match its content.`);
  }
  return out;
}

function inflateData(data: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  if (entry.flags & FLAG_ENCRYPTED) throw new VanbanError("encrypted", `The DOCX part ${entry.name} is encrypted.`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) {
    throw new VanbanError("corrupt", `The DOCX part ${entry.name} is damaged (bad local header).`);
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new VanbanError("corrupt", `The DOCX part ${entry.name} is truncated.`);
  const compressed = data.subarray(start, end);
  if (entry.method === METHOD_STORED) {
    charge(budget, compressed.length, entry.name);
    return compressed;
  }
  if (entry.method !== METHOD_DEFLATE) {
    throw new VanbanError("corrupt", `The DOCX part ${entry.name} uses an unsupported compression method (${entry.method}).`);
  }
  const inflated = inflateWhole(compressed, Math.min(entry.size, budget.remaining));
  if (inflated !== null) {
    charge(budget, inflated.length, entry.name);
    return inflated;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let fed = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    // Output past the declared size: a lying header or damaged data. Stop before it grows; at a
    // bomb's ratio it is a bomb (`too_large`), at a text's ratio damage (`corrupt`).
    if (total > entry.size) {
      if (total > BOMB_RATIO * Math.max(fed, 1)) {
        throw new VanbanError("too_large", `The DOCX part ${entry.name} inflates beyond its declared size of ${entry.size} bytes (a zip bomb).`);
      }
      throw new VanbanError("corrupt", `The DOCX part ${entry.name} is damaged: it inflates beyond its declared size of ${entry.size} bytes.`);
    }
    charge(budget, chunk.length, entry.name);
    if (chunk.length) chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < compressed.length; offset += INFLATE_CHUNK) {
      const next = Math.min(compressed.length, offset + INFLATE_CHUNK);
      fed = next;
      inflater.push(compressed.subarray(offset, next), next === compressed.length);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof VanbanError) throw error;
    throw new VanbanError("corrupt", `The DOCX part ${entry.name} cannot be decompressed.`, { cause: error });
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The entry inflated by zlib in one call, or null when zlib refuses it or its output would pass
 * `maxBytes`. zlib's native inflater takes a fifth of the time of fflate's (docs/performance.md)
 * and gives the same bytes for every stream both accept; whatever it refuses — damage, a stream
 * cut short, output past the declared size or the budget — is read again by the streaming
 * inflater, whose errors tell these apart.
 */
function inflateWhole(compressed: Uint8Array, maxBytes: number): Uint8Array | null {
  if (compressed.length === 0 || maxBytes <= 0) return null;
  try {
    const out = inflateRawSync(compressed, { maxOutputLength: maxBytes });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch (error) {
    // zlib's own errors on these bytes (Z_DATA_ERROR, Z_BUF_ERROR, ERR_BUFFER_TOO_LARGE): the streaming inflater reports them.
    if (error instanceof Error) return null;
    throw error;
  }
}

function charge(budget: InflateBudget, bytes: number, name: string): void {
  budget.remaining -= bytes;
  if (budget.remaining < 0) {
    throw new VanbanError(
      "too_large",
      `The DOCX parts inflate beyond the limit of ${budget.limit} bytes (while reading ${name}).`,
    );
  }
}
