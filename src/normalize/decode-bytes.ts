import { isUtf8 } from "node:buffer";
import type { Warning } from "../schema/span.js";
import { decodeLegacy, type LegacyEncoding } from "./legacy-encoding.js";
import { toNfc } from "../text/to-nfc.js";
import { measureVietnamese } from "./text-health.js";

/**
 * Decoding of plain-text bytes (tệp văn bản thuần): UTF-8 (with or without BOM), UTF-16 (with
 * BOM, or recognised by its NUL bytes), and the legacy 8-bit Vietnamese encodings — Windows-1258
 * and text saved from TCVN3 or VNI fonts — chosen by how Vietnamese each reading looks.
 */

export interface DecodedText {
  /** NFC text. */
  text: string;
  /** "utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3" or "vni". */
  encoding: string;
  warnings: Warning[];
}

/** Bytes examined to recognise BOM-less UTF-16. */
const UTF16_PROBE = 4096;
/** Fewer bytes than this are never taken for BOM-less UTF-16. */
const UTF16_MIN_BYTES = 16;
/** Share of NUL bytes on one side of the code units that marks UTF-16 (ASCII-heavy text). */
const UTF16_NUL_MIN = 0.3;
const UTF16_NUL_OTHER_MAX = 0.05;
/** Bytes decoded per candidate to score 8-bit readings (the winner decodes the whole input). */
const SCORE_SAMPLE = 256 * 1024;
/** A reading must reach this share of valid syllables to be called Vietnamese. */
const PLAUSIBLE_SHARE = 0.5;
/** Characters of a UTF-8 text checked for TCVN3/VNI text stored as Windows-1252 in UTF-8. */
const LEGACY_PROBE = 64 * 1024;
/** Hints of such text: Latin-1 letters and symbols, and no Vietnamese-only letters. */
const LATIN1_HINT = /[\u00A1-\u00FF]/;
const VIETNAMESE_ONLY = /[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;
/** Legacy reading of UTF-8 text must win by this much over the text as it is, on enough words. */
const LEGACY_IN_UTF8_GAIN = 0.3;
const LEGACY_IN_UTF8_MIN_WORDS = 5;

const UTF8_LOOSE = new TextDecoder("utf-8", { ignoreBOM: true });

type Reading = { encoding: string; decode: (bytes: Uint8Array) => string };

/** An 8-bit decoder: the platform's (ICU, fast) when it has the code page, else iconv-lite. */
function singleByteDecoder(label: string, iconvName: string): (bytes: Uint8Array) => string {
  try {
    const decoder = new TextDecoder(label);
    return (bytes) => decoder.decode(bytes);
  } catch {
    // Loaded only here (Node without full ICU): importing it costs every start ~15 ms. So is
    // node:module (Node ≥ 20.16 has getBuiltinModule; engines asks for 20.19).
    const { createRequire } = process.getBuiltinModule("node:module");
    const iconv = createRequire(import.meta.url)("iconv-lite") as typeof import("iconv-lite");
    return (bytes) => iconv.decode(bytes, iconvName);
  }
}
const WINDOWS_1258 = singleByteDecoder("windows-1258", "windows1258");
/** TCVN3 and VNI files are read byte for byte as the Windows-1252 characters the tables use. */
const WINDOWS_1252 = singleByteDecoder("windows-1252", "win1252");

const LEGACY_READINGS: readonly Reading[] = [
  { encoding: "windows-1258", decode: WINDOWS_1258 },
  { encoding: "tcvn3", decode: (b) => decodeLegacy(WINDOWS_1252(b), "tcvn3") },
  { encoding: "vni", decode: (b) => decodeLegacy(WINDOWS_1252(b), "vni") },
];
const UTF8_LOOSE_READING: Reading = { encoding: "utf-8", decode: (b) => UTF8_LOOSE.decode(b) };

/**
 * Decodes a text file's bytes. Valid UTF-8 takes the fast path (about 100 MB/s, NFC included);
 * otherwise each candidate encoding is scored by `measureVietnamese` on a sample and the best is
 * used with an `encoding_guessed` warning. When nothing reads as Vietnamese the bytes are read as UTF-8 with replacement
 * characters and an `encoding_uncertain` warning: never silent mojibake. Never throws.
 */
export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), "utf-16le"), encoding: "utf-16le", warnings: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), "utf-16be"), encoding: "utf-16be", warnings: [] };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    return {
      text: decodeUtf16(bytes, utf16),
      encoding: utf16,
      warnings: [{ code: "encoding_guessed", message: `No byte-order mark; read as ${utf16.toUpperCase()} from its NUL-byte pattern.` }],
    };
  }
  return decodeUtf8(bytes);
}

/** Fast path: SIMD validation, then Buffer's decoder (both several times faster than TextDecoder). */
function decodeUtf8(bytes: Uint8Array): DecodedText {
  if (!isUtf8(bytes)) return decodeUnknown(bytes);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return checkLegacyInUtf8(toNfc(text));
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): string {
  return toNfc(new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes));
}

/** BOM-less UTF-16: ASCII-heavy text has a NUL in (nearly) every other byte. */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, UTF16_PROBE) & ~1;
  if (n < UTF16_MIN_BYTES) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const units = n / 2;
  if (oddNul / units >= UTF16_NUL_MIN && evenNul / units <= UTF16_NUL_OTHER_MAX) return "utf-16le";
  if (evenNul / units >= UTF16_NUL_MIN && oddNul / units <= UTF16_NUL_OTHER_MAX) return "utf-16be";
  return null;
}

/** Not UTF-8: score the 8-bit readings and lossy UTF-8 on a sample, decode all with the best. */
function decodeUnknown(bytes: Uint8Array): DecodedText {
  const sample = bytes.length > SCORE_SAMPLE ? bytes.subarray(0, cutAtSpace(bytes, SCORE_SAMPLE)) : bytes;
  const scored = [...LEGACY_READINGS, UTF8_LOOSE_READING].map((reading) => ({
    reading,
    share: measureVietnamese(toNfc(reading.decode(sample))).share,
  }));
  const best = scored.reduce((a, b) => (b.share > a.share ? b : a));
  if (best.share < PLAUSIBLE_SHARE) {
    const text = toNfc(UTF8_LOOSE.decode(bytes));
    return {
      text,
      encoding: "utf-8",
      warnings: [{
        code: "encoding_uncertain",
        message: `Not valid UTF-8 and no encoding reads as Vietnamese (best: ${best.reading.encoding}, ${percent(best.share)} valid words); read as UTF-8 with replacement characters.`,
      }],
    };
  }
  const text = toNfc(best.reading.decode(bytes));
  const others = scored.filter((s) => s !== best).map((s) => `${s.reading.encoding} ${percent(s.share)}`).join(", ");
  const message = best.reading === UTF8_LOOSE_READING
    ? `Invalid UTF-8 byte sequences were replaced with U+FFFD (${percent(best.share)} valid words; ${others}).`
    : `Not UTF-8; read as ${best.reading.encoding} (${percent(best.share)} valid words; ${others}).`;
  return { text, encoding: best.reading.encoding, warnings: [{ code: "encoding_guessed", message }] };
}

/**
 * UTF-8 text that is really TCVN3 or VNI typed as Windows-1252 ("Céng hoµ", "Coäng hoøa"), as
 * left by converters that did not know the font: recognised only when it does not read as
 * Vietnamese, so ordinary text costs one regular-expression test on a prefix.
 */
function checkLegacyInUtf8(text: string): DecodedText {
  const probe = text.length > LEGACY_PROBE ? text.slice(0, LEGACY_PROBE) : text;
  if (!LATIN1_HINT.test(probe) || VIETNAMESE_ONLY.test(probe)) return { text, encoding: "utf-8", warnings: [] };
  const asIs = measureVietnamese(probe).share;
  let best: { encoding: LegacyEncoding; share: number; valid: number } | null = null;
  for (const encoding of ["tcvn3", "vni"] as const) {
    const { share, valid } = measureVietnamese(decodeLegacy(probe, encoding));
    if (!best || share > best.share) best = { encoding, share, valid };
  }
  if (!best || best.share < PLAUSIBLE_SHARE || best.share - asIs < LEGACY_IN_UTF8_GAIN || best.valid < LEGACY_IN_UTF8_MIN_WORDS) {
    return { text, encoding: "utf-8", warnings: [] };
  }
  return {
    text: decodeLegacy(text, best.encoding),
    encoding: best.encoding,
    warnings: [{
      code: "encoding_guessed",
      message: `UTF-8 text typed in the ${best.encoding.toUpperCase()} font encoding; converted to Unicode (${percent(best.share)} valid words, ${percent(asIs)} before).`,
    }],
  };
}

/** End of the sample at a space or line break, so that no VNI letter pair is cut. */
function cutAtSpace(bytes: Uint8Array, limit: number): number {
  for (let i = limit; i > limit - 256 && i > 0; i--) if (bytes[i] === 0x20 || bytes[i] === 0x0a) return i;
  return limit;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
