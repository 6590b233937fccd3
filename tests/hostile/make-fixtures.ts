/**
 * Hostile inputs, generated at test time (large ones are never committed). Also a script:
 *   npx tsx tests/hostile/make-fixtures.ts OUT_DIR   writes every fixture into OUT_DIR.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Zip, ZipDeflate, zipSync, strToU8 } from "fflate";
import iconv from "iconv-lite";
import { assemblePdf } from "../helpers/assemble-pdf.js";

export const ROOT = join(import.meta.dirname, "..", "..");
export const SEED_TEXT = join(ROOT, "fixtures", "seed-002-kontum-phatdong-text", "input.txt");
export const SEED_MARKDOWN = join(ROOT, "fixtures", "seed-000-kontum-bc-markdown", "input.md");

/** A short Vietnamese document with every tone mark and modified vowel, for encoding tests. */
export const VIETNAMESE_SAMPLE = [
  "ỦY BAN NHÂN DÂN",
  "TỈNH KON TUM",
  "Số: 1234/QĐ-UBND",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Kon Tum, ngày 12 tháng 3 năm 2021",
  "QUYẾT ĐỊNH",
  "Về việc phê duyệt kế hoạch phát triển kinh tế - xã hội",
  "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;",
  "Điều 1. Phê duyệt kế hoạch với tổng vốn 4.014,89 tỷ đồng; tốc độ tăng trưởng đạt 7,5%.",
  "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Những người ưa thích sự trẻ trung, khỏe mạnh.",
  "CHỦ TỊCH",
  "Nguyễn Văn Ấn",
  "",
].join("\n");

/** Deterministic bytes (xorshift32): random input that is the same on every run. */
export function randomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A valid one-page PDF showing `text` in Helvetica (ASCII only), with a correct xref table. */
export function makeMinimalPdf(lines: string[] = ["CONG VAN", "So: 12/UBND-VP", "Kinh gui: So Tai chinh"]): Uint8Array {
  const escape = (s: string) => s.replace(/[\\()]/gu, (c) => `\\${c}`);
  const content = ["BT", "/F1 12 Tf", "14 TL", "72 760 Td", ...lines.map((l) => `(${escape(l)}) Tj T*`), "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  return assemblePdf(objects, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
}

/** The first `fraction` of a file: a download cut short. */
export function truncateBytes(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.slice(0, Math.max(1, Math.floor(bytes.length * fraction)));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`;
const DOCUMENT_CLOSE = `</w:body></w:document>`;

/** A DOCX package that names word/document.xml but does not contain it. */
export function makeDocxWithoutDocument(): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(ROOT_RELS),
    "docProps/app.xml": strToU8(`<?xml version="1.0"?><Properties/>`),
  });
}

/**
 * A DOCX whose word/document.xml inflates to `inflatedBytes` (hundreds of MB) from a few
 * hundred KB, streamed to disk so the generator itself stays small in memory. With `lie`, the
 * central directory declares 1 KB instead: the reader must cap what it inflates, not trust it.
 */
export function writeDocxBomb(path: string, inflatedBytes: number, lie = false): void {
  writeFileSync(path, makeDocxBomb(inflatedBytes, lie));
}

/** The bomb's bytes (see writeDocxBomb); takes a few seconds for hundreds of MB. */
export function makeDocxBomb(inflatedBytes: number, lie = false): Buffer {
  const chunks: Uint8Array[] = [];
  const failures: Error[] = [];
  const zip = new Zip((error, data) => {
    if (error) failures.push(error);
    else chunks.push(data);
  });
  for (const [name, text] of [["[Content_Types].xml", CONTENT_TYPES], ["_rels/.rels", ROOT_RELS]] as const) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  }
  const document = new ZipDeflate("word/document.xml", { level: 9 });
  zip.add(document);
  document.push(strToU8(DOCUMENT_OPEN));
  // One paragraph repeated: deflate squeezes it ~1000:1.
  const paragraph = "<w:p><w:r><w:t>Lặp lại</w:t></w:r></w:p>";
  const block = strToU8(paragraph.repeat(Math.ceil((1 << 20) / Buffer.byteLength(paragraph))));
  for (let written = 0; written < inflatedBytes; written += block.length) document.push(block);
  document.push(strToU8(DOCUMENT_CLOSE), true);
  zip.end();
  if (failures.length > 0) throw failures[0];
  const bytes = Buffer.concat(chunks);
  if (lie) lieAboutSize(bytes, "word/document.xml", 1024);
  return bytes;
}

/** A copy of a zip whose central directory declares `size` bytes for one entry. */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  lieAboutSize(copy, name, size);
  return copy;
}

/** Rewrites the declared uncompressed size of one entry in the central directory. */
function lieAboutSize(zip: Buffer, name: string, size: number): void {
  for (let pos = zip.length - 22; pos >= 0; pos--) {
    if (zip.readUInt32LE(pos) !== 0x02014b50) continue;
    const nameLength = zip.readUInt16LE(pos + 28);
    if (zip.toString("utf8", pos + 46, pos + 46 + nameLength) === name) {
      zip.writeUInt32LE(size, pos + 24);
      return;
    }
  }
  throw new Error(`${name} not found in the central directory`);
}

/**
 * Windows-1258 as Vietnamese Windows writes it: base letters with their vowel marks (â ê ô ơ ư ă
 * đ) are single bytes, tone marks are separate combining bytes after them.
 */
export function encodeWindows1258(text: string): Uint8Array {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;
  let prepared = "";
  for (const ch of text.normalize("NFC")) {
    const parts = [...ch.normalize("NFD")];
    const tones = parts.filter((p) => TONES.test(p));
    const base = parts.filter((p) => !TONES.test(p)).join("").normalize("NFC");
    prepared += base + tones.join("");
  }
  const bytes = iconv.encode(prepared, "windows1258");
  const back = iconv.decode(bytes, "windows1258").normalize("NFC");
  if (back !== text.normalize("NFC")) throw new Error("the sample does not fit Windows-1258");
  return new Uint8Array(bytes);
}

/** UTF-16 text, little- or big-endian, with or without a byte-order mark. */
export function encodeUtf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? "\ufeff" : "") + text, "utf16le");
  if (endian === "be") le.swap16();
  return new Uint8Array(le);
}

/**
 * One line of `bytes` UTF-8 bytes dense with almost-citations ("Quyết định số 1/ 2/ 3- …"):
 * the input that makes a regex with nested quantifiers over overlapping classes backtrack
 * catastrophically.
 */
export function makeNearCitationLine(bytes: number): string {
  const pieces = [
    "Quyết định số 1/ 2/ 3- 4/ 5- ",
    "Nghị định số 12/2020/ NĐ- CP- ",
    "Thông tư số 1/1/1/1/1/1/1/1/1/1 ",
    "Công văn số 2973/ KH-UBND-UBND-UBND-UBND ngày ",
    "số 1-2-3-4-5-6-7-8-9-10-11-12-13 ",
    "Chỉ thị số 34-CT/TW/ / / / / ",
    "Luật số 4.014,89.1.2.3.4.5.6 tỷ đồng ",
    "Quyết định số ",
  ];
  const unit = pieces.join("");
  const unitBytes = Buffer.byteLength(unit);
  return unit.repeat(Math.ceil(bytes / unitBytes));
}

/**
 * A run of about `letters` letters without a space, on a line that also holds a tone mark left
 * alone after a space ("bi ̣ bỏ"): the input on which the stray-mark repair read the rest of the
 * run again from each of its letters (quadratic: 40,000 letters took 8 s, a megabyte hours).
 */
export function makeLongWord(letters: number): string {
  return `BÁO CÁO\nTình hình ${"nghiệp".repeat(Math.ceil(letters / 6))} thực hiện. Việc bi \u0323 bỏ sót.\n`;
}

/**
 * A header line of about `letters` capitals without a space: the input on which the
 * place-and-date pattern read the run again from each capital in it (quadratic: 40,000 took 11 s).
 */
export function makeLongCapitals(letters: number): string {
  return `ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n${"Ạ".repeat(letters)}\nSố: 12/BC-UBND\nLâm Đồng, ngày 1 tháng 2 năm 2025\nBÁO CÁO\nTình hình thực hiện\n`;
}

/** Markdown nested `depth` levels deep, three ways. */
export function makeDeepMarkdown(kind: "blockquote" | "list" | "emphasis", depth: number): string {
  switch (kind) {
    case "blockquote":
      return `${"> ".repeat(depth)}Trích dẫn lồng nhau\n`;
    case "list":
      return `${"- ".repeat(depth)}Mục lồng nhau\n`;
    case "emphasis":
      return `${"*a ".repeat(depth)}giữa${" b*".repeat(depth)}\n\n${"*".repeat(depth)}nhấn mạnh${"*".repeat(depth)}\n`;
  }
}

/** A report of about `bytes` bytes: the seed repeated (page breaks between copies). */
export function makeLargeReport(bytes: number, seedPath = SEED_TEXT): string {
  const seed = readFileSync(seedPath, "utf8");
  const copies = Math.max(1, Math.ceil(bytes / Buffer.byteLength(seed)));
  return Array.from({ length: copies }, () => seed).join("\n\f\n");
}

/** Writes every hostile fixture into `dir`; returns name → path. */
export function writeHostileFixtures(dir: string, options: { bombBytes?: number; largeBytes?: number; lineBytes?: number } = {}): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {};
  const put = (name: string, data: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    files[name] = path;
  };
  put("empty.txt", new Uint8Array(0));
  put("text-named.pdf", "Đây là một tệp văn bản, không phải PDF.\n");
  put("random.bin", randomBytes(64 * 1024));
  put("minimal.pdf", makeMinimalPdf());
  put("truncated.pdf", truncateBytes(makeMinimalPdf(), 0.6));
  put("no-document.docx", makeDocxWithoutDocument());
  const bomb = makeDocxBomb(options.bombBytes ?? 300 * 1024 * 1024);
  put("bomb.docx", bomb);
  put("bomb-lying.docx", withDeclaredSize(bomb, "word/document.xml", 1024));
  put("windows-1258.txt", encodeWindows1258(VIETNAMESE_SAMPLE));
  put("utf-16le-bom.txt", encodeUtf16(VIETNAMESE_SAMPLE, "le", true));
  put("utf-16be-bom.txt", encodeUtf16(VIETNAMESE_SAMPLE, "be", true));
  put("utf-16le.txt", encodeUtf16(VIETNAMESE_SAMPLE, "le", false));
  put("near-citations.txt", makeNearCitationLine(options.lineBytes ?? 4 * 1024 * 1024));
  put("deep-blockquote.md", makeDeepMarkdown("blockquote", 5000));
  put("deep-list.md", makeDeepMarkdown("list", 5000));
  put("deep-emphasis.md", makeDeepMarkdown("emphasis", 5000));
  const large = join(dir, "large-report.txt");
  const fd = openSync(large, "w");
  writeSync(fd, makeLargeReport(options.largeBytes ?? 8 * 1024 * 1024));
  closeSync(fd);
  files["large-report.txt"] = large;
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write("usage: npx tsx tests/hostile/make-fixtures.ts OUT_DIR\n");
    process.exit(2);
  }
  const files = writeHostileFixtures(out);
  for (const [name, path] of Object.entries(files)) process.stdout.write(`${name}\t${path}\n`);
}
