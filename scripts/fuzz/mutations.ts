/**
 * Damage families for the fuzz campaign (issue 19): each takes the bytes of a fixture and a
 * random source and returns damaged bytes, or null when the family does not apply to the
 * format. Deterministic for a given seed.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export type Random = () => number;

/** mulberry32: a small seeded generator, so a seed names a campaign. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

export type Format = "pdf" | "docx" | "doc" | "markdown" | "text";
type Mutator = (data: Uint8Array, random: Random, format: Format) => Uint8Array | null;

function flipBits(count: number): Mutator {
  return (data, random) => {
    if (data.length === 0) return null;
    const out = data.slice();
    for (let i = 0; i < count; i++) out[Math.floor(random() * out.length)] ^= 1 << between(random, 0, 7);
    return out;
  };
}

/** Rewrites the parts of a DOCX; null when it does not unzip. */
function editDocx(data: Uint8Array, edit: (parts: Record<string, Uint8Array>) => boolean): Uint8Array | null {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(data);
  } catch {
    return null; // not a zip we can rewrite: the family does not apply
  }
  return edit(parts) ? zipSync(parts) : null;
}

/** Central-directory entries of a zip: offsets of their size and CRC fields. */
function centralEntries(data: Uint8Array): Array<{ crcAt: number; sizeAt: number; name: string }> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: Array<{ crcAt: number; sizeAt: number; name: string }> = [];
  for (let i = 0; i + 46 < data.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    out.push({ crcAt: i + 16, sizeAt: i + 24, name: strFromU8(data.subarray(i + 46, i + 46 + nameLength)) });
  }
  return out;
}

export const FAMILIES: Record<string, Mutator> = {
  truncate: (data, random) => (data.length < 2 ? null : data.slice(0, Math.floor(data.length * (0.05 + random() * 0.9)))),
  "flip-1": flipBits(1),
  "flip-10": flipBits(10),
  "flip-1000": flipBits(1000),
  "zero-range": (data, random) => {
    if (data.length < 16) return null;
    const out = data.slice();
    const start = Math.floor(random() * out.length);
    out.fill(0, start, Math.min(out.length, start + between(random, 16, 4096)));
    return out;
  },
  "duplicate-range": (data, random) => {
    if (data.length < 16) return null;
    const start = Math.floor(random() * data.length);
    const slice = data.subarray(start, Math.min(data.length, start + between(random, 16, 65536)));
    const at = Math.floor(random() * data.length);
    const copies = between(random, 1, 20);
    const parts = [data.subarray(0, at), ...Array.from({ length: copies }, () => slice), data.subarray(at)];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let pos = 0;
    for (const p of parts) {
      out.set(p, pos);
      pos += p.length;
    }
    return out;
  },
  "zip-lie-size": (data, random, format) => {
    if (format !== "docx") return null;
    const entries = centralEntries(data);
    if (entries.length === 0) return null;
    const out = data.slice();
    const entry = pick(random, entries);
    new DataView(out.buffer).setUint32(entry.sizeAt, pick(random, [0, 1, 100, 0x7fffffff, 0xfffffffe]), true);
    return out;
  },
  "zip-crc": (data, random, format) => {
    if (format !== "docx") return null;
    const entries = centralEntries(data);
    if (entries.length === 0) return null;
    const out = data.slice();
    out[pick(random, entries).crcAt + between(random, 0, 3)] ^= 0x10;
    return out;
  },
  "docx-start-numbers": (data, random, format) => {
    if (format !== "docx") return null;
    const huge = String(pick(random, [2_000_000_000, 4_000_000_000, 400_000_000, 99_999_999_999]));
    const fmt = pick(random, ["chicago", "lowerLetter", "upperRoman", "decimal"]);
    return editDocx(data, (parts) => {
      const numbering = parts["word/numbering.xml"];
      if (numbering) parts["word/numbering.xml"] = strToU8(strFromU8(numbering).replace(/<w:start w:val="\d+"\/>/gu, `<w:start w:val="${huge}"/>`).replace(/<w:numFmt w:val="\w+"\/>/gu, `<w:numFmt w:val="${fmt}"/>`));
      const doc = strFromU8(parts["word/document.xml"] ?? new Uint8Array());
      parts["word/document.xml"] = strToU8(doc.replace(/<w:sectPr([^>]*)>/u, `<w:sectPr$1><w:footnotePr><w:numFmt w:val="${fmt}"/><w:numStart w:val="${huge}"/></w:footnotePr>`));
      return true;
    });
  },
  "docx-deep-nesting": (data, random, format) => {
    if (format !== "docx") return null;
    const depth = pick(random, [1_000, 10_000, 100_000]);
    const element = pick(random, ["w:sdt><w:sdtContent", "w:tbl><w:tr><w:tc"]);
    const [open, close] = element === "w:sdt><w:sdtContent" ? ["<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"] : ["<w:tbl><w:tr><w:tc>", "<w:p/></w:tc></w:tr></w:tbl>"];
    return editDocx(data, (parts) => {
      const doc = parts["word/document.xml"];
      if (!doc) return false;
      parts["word/document.xml"] = strToU8(strFromU8(doc).replace(/<w:body>/u, `<w:body>${open.repeat(depth)}${close.repeat(depth)}`));
      return true;
    });
  },
  "docx-style-chain": (data, random, format) => {
    if (format !== "docx") return null;
    const depth = pick(random, [1_000, 20_000]);
    return editDocx(data, (parts) => {
      const styles = parts["word/styles.xml"];
      if (!styles) return false;
      const chain = Array.from({ length: depth }, (_, i) => `<w:style w:type="paragraph" w:styleId="z${i}"><w:name w:val="z${i}"/>${i ? `<w:basedOn w:val="z${i - 1}"/>` : ""}</w:style>`).join("");
      parts["word/styles.xml"] = strToU8(strFromU8(styles).replace(/<\/w:styles>/u, `${chain}</w:styles>`));
      parts["word/document.xml"] = strToU8(strFromU8(parts["word/document.xml"] ?? new Uint8Array()).replace(/<w:p>/gu, `<w:p><w:pPr><w:pStyle w:val="z${depth - 1}"/></w:pPr>`));
      return true;
    });
  },
  "pdf-tokens": (data, random, format) => {
    if (format !== "pdf") return null;
    const text = Buffer.from(data).toString("latin1");
    const numbers = [...text.matchAll(/(?<=[\s[])\d{1,6}(?=[\s\]])/gu)];
    if (numbers.length === 0) return null;
    let out = text;
    for (let i = 0; i < between(random, 1, 8); i++) {
      const m = pick(random, numbers);
      const replacement = pick(random, ["4294967295", "-1", "T", "99999999999", "0", "1e308"]);
      // Same-length edits keep the xref offsets right for the rest of the file when they can.
      const padded = replacement.length <= m[0].length ? replacement.padStart(m[0].length, "0") : replacement;
      out = out.slice(0, m.index!) + padded + out.slice(m.index! + m[0].length);
    }
    return new Uint8Array(Buffer.from(out, "latin1"));
  },
  "text-shapes": (_data, random, format) => {
    if (format !== "text" && format !== "markdown") return null;
    const n = between(random, 2_000, 40_000);
    const shape = pick(random, [
      () => "xây dựng kế hoạch\n".repeat(n),
      () => "xây dựng kế hoạch\r".repeat(n),
      () => `a${"\u0301".repeat(n * 4)}`,
      () => "\0".repeat(n * 4),
      () => `${"[".repeat(n)}x${"]".repeat(n)}`,
      () => "1%".repeat(n * 2),
      () => `Nơi nhận:\n${"- UBND tỉnh;\n".repeat(n)}`,
      () => `${"Văn bản[^1] ".repeat(n)}\n\n[^1]: Chú thích.`,
      () => "\n".repeat(n) + "   \t".repeat(n),
    ]);
    return strToU8(shape());
  },
};

export const FAMILY_NAMES = Object.keys(FAMILIES);

/** The format of a fixture file from its extension. */
export function formatOf(path: string): Format | null {
  const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  if (ext === "pdf" || ext === "docx" || ext === "doc") return ext;
  if (ext === "md") return "markdown";
  if (ext === "txt") return "text";
  return null;
}
