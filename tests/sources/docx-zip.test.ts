import { strFromU8, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isVanbanError } from "../../src/errors.js";
import { inflateEntry, listZipEntries, type ZipEntry } from "../../src/sources/docx/read-zip.js";

/*
 * inflateEntry reads a part with zlib in one call and, when zlib refuses it or its output would
 * pass the declared size or the budget, again with fflate's streaming inflater, whose errors
 * tell the cases apart. Every case must end as it did with the streaming inflater alone.
 */

// Numbers that vary keep it compressing like Word XML (5–20×), below the bomb ratio.
const TEXT = `<?xml version="1.0"?><w:document>${Array.from({ length: 400 }, (_, i) => `<w:p><w:r><w:t>Ủy ban ${i} số ${(i * 7919) % 10007}</w:t></w:r></w:p>`).join("")}</w:document>`;
const BYTES = strToU8(TEXT).length;
const ZIP = zipSync({ "word/document.xml": strToU8(TEXT), "word/bomb.xml": new Uint8Array(1 << 21) }, { level: 6 });
const ENTRY = listZipEntries(ZIP).get("word/document.xml")!;
/** Two MB of zeros: deflate packs them a thousand times over. */
const BOMB = listZipEntries(ZIP).get("word/bomb.xml")!;
/** Offset of the compressed bytes: after the local header, its name and its extra field. */
const DATA_START = ENTRY.localHeaderOffset + 30 + ZIP[ENTRY.localHeaderOffset + 26] + ZIP[ENTRY.localHeaderOffset + 28];

function outcome(data: Uint8Array, entry: ZipEntry, budget = 1 << 30): string {
  try {
    return strFromU8(inflateEntry(data, entry, { remaining: budget, limit: budget })) === TEXT ? "text" : "other bytes";
  } catch (error) {
    return isVanbanError(error) ? `${error.code}: ${error.message}` : `thrown: ${String(error)}`;
  }
}

function flipped(at: number): Uint8Array {
  const copy = ZIP.slice();
  copy[DATA_START + at] ^= 0xff;
  return copy;
}

describe("inflateEntry", () => {
  const cases: Array<[string, () => string, RegExp | "text"]> = [
    ["an honest part", () => outcome(ZIP, ENTRY), "text"],
    ["a part exactly its declared size", () => outcome(ZIP, { ...ENTRY, size: BYTES }), "text"],
    ["a budget that just holds it", () => outcome(ZIP, ENTRY, BYTES), "text"],
    ["output one byte past the declared size", () => outcome(ZIP, { ...ENTRY, size: BYTES - 1 }), /^corrupt: .*beyond its declared size/],
    ["output past the declared size at a text's ratio", () => outcome(ZIP, { ...ENTRY, size: 10 }), /^corrupt: .*beyond its declared size/],
    ["output past the declared size at a bomb's ratio", () => outcome(ZIP, { ...BOMB, size: 10 }), /^too_large: .*zip bomb/],
    ["output past the budget", () => outcome(ZIP, ENTRY, BYTES - 1), /^too_large: .*beyond the limit/],
    ["a stream cut short", () => outcome(ZIP, { ...ENTRY, compressedSize: ENTRY.compressedSize - 40 }), /^corrupt: .*cannot be decompressed/],
    ["a damaged stream", () => outcome(flipped(1), ENTRY), /^corrupt: /],
    ["damage the checksum catches", () => outcome(ZIP, { ...ENTRY, crc: (ENTRY.crc ^ 1) >>> 0 }), /^corrupt: .*checksum/],
    ["no compressed bytes", () => outcome(ZIP, { ...ENTRY, compressedSize: 0 }), /^corrupt: /],
  ];
  it.each(cases)("%s", (_label, run, expected) => {
    const got = run();
    if (expected === "text") expect(got).toBe("text");
    else expect(got).toMatch(expected);
  });
});
