import type { SourceFormat } from "./schema/document.js";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Word 97-2003, encrypted OOXML

const EXTENSIONS: Record<string, SourceFormat> = {
  pdf: "pdf",
  docx: "docx",
  doc: "doc",
  md: "markdown",
  markdown: "markdown",
  txt: "text",
  text: "text",
};

/** What the bytes say the format is: "ole" is a compound file (old .doc or an encrypted .docx). */
export type Sniffed = SourceFormat | "ole" | "zip" | null;

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

/** Magic bytes first: PDF (the header may follow some junk within 1 KB), ZIP, OLE. */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, PDF_MAGIC)) return "pdf";
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

/** Markdown or plain text, when neither the bytes nor the name decide. */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 20000);
  return /^#{1,6}\s/mu.test(sample) || /\*\*[^*\n]+\*\*/u.test(sample) || /<sup>/u.test(sample);
}
