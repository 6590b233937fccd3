import type { SourceFormat } from "./schema/document.js";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Word 97-2003, encrypted OOXML
/** Scans read with OCR: PNG, JPEG, TIFF (both byte orders). */
const IMAGE_MAGIC = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
];

const EXTENSIONS: Record<string, SourceFormat> = {
  pdf: "pdf",
  docx: "docx",
  doc: "doc",
  md: "markdown",
  markdown: "markdown",
  txt: "text",
  text: "text",
  png: "image",
  jpg: "image",
  jpeg: "image",
  tif: "image",
  tiff: "image",
};

/** What the bytes say the format is: "ole" is a compound file (old .doc or an encrypted .docx). */
export type Sniffed = SourceFormat | "ole" | "zip" | null;

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

/** Magic bytes first: PDF (the header may follow some junk within 1 KB), ZIP, OLE, PNG/JPEG/TIFF. */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, PDF_MAGIC)) return "pdf";
  if (IMAGE_MAGIC.some((magic) => startsWith(bytes, magic))) return "image";
  if (startsWith(bytes, ZIP_MAGIC)) return "zip";
  if (startsWith(bytes, OLE_MAGIC)) return "ole";
  const head = bytes.subarray(0, 1024);
  for (let i = 1; i + 4 <= head.length; i++) if (startsWith(head, PDF_MAGIC, i)) return "pdf";
  return null;
}

export function formatFromExtension(name: string | null | undefined): SourceFormat | null {
  if (!name) return null;
  const m = /\.([a-z0-9]+)$/iu.exec(name);
  return m ? EXTENSIONS[m[1].toLowerCase()] ?? null : null;
}

/** Supported file extensions, for directory walks. */
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

/** Magic bytes of formats we do not read, so they are refused instead of being decoded as text. */
const FOREIGN_MAGIC: Array<{ magic: number[]; at?: number; what: string; image?: boolean }> = [
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: "a PNG image", image: true },
  { magic: [0xff, 0xd8, 0xff], what: "a JPEG image", image: true },
  { magic: [0x47, 0x49, 0x46, 0x38], what: "a GIF image", image: true }, // GIF8
  { magic: [0x49, 0x49, 0x2a, 0x00], what: "a TIFF image", image: true }, // II*\0
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: "a TIFF image", image: true }, // MM\0*
  { magic: [0x57, 0x45, 0x42, 0x50], at: 8, what: "a WebP image", image: true }, // RIFF....WEBP
  { magic: [0x42, 0x4d], what: "a BMP image", image: true }, // BM
  { magic: [0x1f, 0x8b], what: "a gzip archive" },
  { magic: [0x52, 0x61, 0x72, 0x21], what: "a RAR archive" }, // Rar!
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: "a 7z archive" },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF file" }, // {\rtf
];

/**
 * A description of bytes in a format vanban does not read ("a PNG image"), with `image` set
 * for pictures (their message points to OCR); null when the bytes may be a supported format.
 */
export function sniffForeign(bytes: Uint8Array): { what: string; image: boolean } | null {
  for (const { magic, at, what, image } of FOREIGN_MAGIC) {
    // BMP's two bytes are too common at the start of text ("BM…"); trust them only with its header size.
    if (what === "a BMP image" && !(bytes.length >= 26 && bytes[14] !== 0 && bytes[15] === 0)) continue;
    if (startsWith(bytes, magic, at ?? 0)) return { what, image: image ?? false };
  }
  if (startsWith(bytes, ZIP_MAGIC) && !zipHoldsWord(bytes)) return { what: describeZip(bytes), image: false };
  return null;
}

/** A DOCX names its parts `word/…` in the zip headers, which are stored uncompressed. */
function zipHoldsWord(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("word/");
}

function describeZip(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes("xl/")) return "an Excel workbook (XLSX)";
  if (buffer.includes("ppt/")) return "a PowerPoint file (PPTX)";
  if (buffer.includes("application/vnd.oasis.opendocument")) return "an OpenDocument file";
  return "a ZIP archive that is not a DOCX";
}

/**
 * Binary data: NUL bytes outside the UTF-16 pattern (a NUL in every other byte, on one side),
 * or many control bytes. Legacy 8-bit Vietnamese encodings use bytes >= 0x80, not controls.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return false;
  let control = 0;
  const nulAt = [0, 0];
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) nulAt[i % 2]++;
    else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  const nul = nulAt[0] + nulAt[1];
  if (nul === 0) return control > sample.length * 0.05;
  // UTF-16 without BOM: ASCII-range text puts its NULs all on one side, about every other byte.
  const oneSide = Math.max(nulAt[0], nulAt[1]) >= nul * 0.95;
  const utf16Like = oneSide && nul > sample.length * 0.2 && nul <= sample.length * 0.5 + 1;
  return !utf16Like;
}

/** Markdown or plain text, when neither the bytes nor the name decide. */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 20000);
  return /^#{1,6}\s/mu.test(sample) || /\*\*[^*\n]+\*\*/u.test(sample) || /<sup>/u.test(sample);
}
