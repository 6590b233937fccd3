import { TCVN3_TABLE } from "./legacy-tables/tcvn3.js";
import { VNI_I_EXTRAS, VNI_TABLE } from "./legacy-tables/vni.js";

/**
 * Legacy Vietnamese font encodings (bảng mã cũ): text typed in VNI or TCVN3 (ABC) fonts before
 * Unicode. PDF readers report such text as if the font were Windows-1252 ("Coäng hoøa",
 * "Céng hoµ"); this module recognises the fonts and converts the text to Unicode.
 */
export type LegacyEncoding = "vni" | "tcvn3";

export interface LegacyFont {
  encoding: LegacyEncoding;
  /** A capitals font (".VnTimeH"): its lower-case codes draw capitals. */
  capitals: boolean;
}

/** Subset tag of an embedded font: "ABCDEF+VNI-Times". */
const SUBSET_PREFIX = /^[A-Z]{6}\+/;
/** Escaped bytes in PDF names: "#2EVnTime". */
const NAME_ESCAPE = /#(?<hex>[0-9A-Fa-f]{2})/g;
/** "VNI-Times", "VNI_Helve", "VNI Times", "VNITimes". */
const VNI_FONT = /^(?:VNI[-_ ]|VNI(?=[A-Z][a-z])|Vni[-_ ])/;
/** ".VnTime", ".VNTIME", and the dot-less forms some producers write: "VnTimeH", "VNTime". */
const TCVN3_FONT = /^(?:\.V[Nn]|V[Nn](?=[A-Z0-9]))/;
/** Style suffixes to strip before looking for the capitals "H": ",Bold", "-BoldItalic", "Italic". */
const STYLE_SUFFIX = /(?:[,-]?(?:Bold|Italic|Oblique|Regular|Normal|BoldItalic|BoldOblique|Semibold|Black|Light|Narrow|Condensed|MT|PS))+$/i;

/**
 * Which legacy encoding a PDF/Word font name implies, or null for a Unicode font.
 * "ABCDEF+VNI-Times" → "vni"; ".VnTimeH", "BCDEEE+.VnArialH", "VNTime" → "tcvn3"; "UVnTime" → null.
 */
export function legacyEncodingOfFont(fontName: string): LegacyEncoding | null {
  return describeLegacyFont(fontName)?.encoding ?? null;
}

/** Like `legacyEncodingOfFont`, and tells whether the font is a capitals (H) font. */
export function describeLegacyFont(fontName: string): LegacyFont | null {
  const name = fontName.trim().replace(NAME_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(SUBSET_PREFIX, "");
  if (VNI_FONT.test(name)) return { encoding: "vni", capitals: false };
  if (TCVN3_FONT.test(name)) {
    const base = name.replace(STYLE_SUFFIX, "").replace(/\s+$/, "");
    return { encoding: "tcvn3", capitals: /H$/.test(base) };
  }
  return null;
}

/** Characters that never occur in Windows-1252-looking legacy text: the input is Unicode already. */
const ALREADY_UNICODE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;
/** Symbol-font private-use codes (U+F020–U+F0FF) some readers report instead of the byte. */
const SYMBOL_PUA = /[\uF020-\uF0FF]/g;

function parseTable(rows: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) {
    for (const entry of row.split(" ")) {
      const eq = entry.lastIndexOf("=");
      map.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
  }
  return map;
}

const TCVN3 = parseTable(TCVN3_TABLE);
const VNI = parseTable([...VNI_TABLE, VNI_I_EXTRAS]);
/** VNI letters that are a single byte (đ ơ ư ĩ ị ỉ ỵ …); they can also be the base of a pair. */
const VNI_SINGLE = new Map([...VNI].filter(([k]) => k.length === 1));

/**
 * Converts text set in a legacy font to Unicode NFC. Pass `capitals` for a capitals font
 * (".VnTimeH"): the result is upper-cased, as printed. Text that already contains Vietnamese
 * Unicode letters is returned unchanged (NFC), so a font with a correct ToUnicode map is safe.
 * Never throws.
 */
export function decodeLegacy(text: string, encoding: LegacyEncoding, options: { capitals?: boolean } = {}): string {
  if (ALREADY_UNICODE.test(text)) return text.normalize("NFC");
  const bytes = text.replace(SYMBOL_PUA, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf000));
  const out = encoding === "vni" ? decodeVni(bytes) : decodeTcvn3(bytes);
  return (options.capitals ? out.toUpperCase() : out).normalize("NFC");
}

/** UTF-16 code of each TCVN3 code 0x00–0xFF (itself when not in the table). */
const TCVN3_CODES: Uint16Array = (() => {
  const codes = new Uint16Array(256);
  for (let c = 0; c < 256; c++) codes[c] = c;
  for (const [from, to] of TCVN3) codes[from.charCodeAt(0)] = to.charCodeAt(0);
  return codes;
})();

/**
 * VNI pairs keyed by (base << 16 | mark), with the mark in either case (some text has "Aù"), the
 * result in the base's case.
 */
const VNI_PAIR_CODES: ReadonlyMap<number, number> = (() => {
  const codes = new Map<number, number>();
  for (const [seq, letter] of VNI) {
    if (seq.length !== 2) continue;
    const base = seq[0];
    for (const mark of [seq[1].toLowerCase(), seq[1].toUpperCase()]) {
      for (const b of [base.toLowerCase(), base.toUpperCase()]) {
        const key = (b.charCodeAt(0) << 16) | mark.charCodeAt(0);
        // The exact entry wins over a case-folded one.
        if (b + mark === seq || !codes.has(key)) codes.set(key, matchCase(letter, b).charCodeAt(0));
      }
    }
  }
  return codes;
})();
/** Characters that start a VNI pair (a e i o u y, and ô ö for ơ ư). */
const VNI_BASE_CODES: Uint8Array = (() => {
  const bases = new Uint8Array(256);
  for (const key of VNI_PAIR_CODES.keys()) bases[key >>> 16] = 1;
  return bases;
})();
/** UTF-16 code of each single-byte VNI letter 0x00–0xFF (itself when not one). */
const VNI_SINGLE_CODES: Uint16Array = (() => {
  const codes = new Uint16Array(256);
  for (let c = 0; c < 256; c++) codes[c] = c;
  for (const [from, to] of VNI_SINGLE) codes[from.charCodeAt(0)] = to.charCodeAt(0);
  return codes;
})();

// Both decoders write UTF-16 code units into an array: string concatenation is ten times slower
// on the megabytes of a legacy text file.
function decodeTcvn3(text: string): string {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 256 ? TCVN3_CODES[c] : c;
  }
  return fromCodeUnits(out, out.length);
}

function decodeVni(text: string): string {
  const out = new Uint16Array(text.length);
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 256 && VNI_BASE_CODES[c] === 1 && i + 1 < text.length) {
      const pair = VNI_PAIR_CODES.get((c << 16) | text.charCodeAt(i + 1));
      if (pair !== undefined) {
        out[j++] = pair;
        i++;
        continue;
      }
    }
    out[j++] = c < 256 ? VNI_SINGLE_CODES[c] : c;
  }
  return fromCodeUnits(out, j);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16LE = new TextDecoder("utf-16le", { ignoreBOM: true });

/** A string from UTF-16 code units (a lone surrogate, never valid text, becomes U+FFFD). */
function fromCodeUnits(units: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return UTF16LE.decode(units.subarray(0, length));
  let out = "";
  for (let k = 0; k < length; k += 4096) out += String.fromCharCode.apply(null, Array.from(units.subarray(k, Math.min(length, k + 4096))));
  return out;
}

/** The case of a VNI letter is the case of its base letter. */
function matchCase(letter: string, base: string): string {
  return base === base.toLowerCase() ? letter.toLowerCase() : letter.toUpperCase();
}

let encodeTables: { vni: Map<string, string>; tcvn3: Map<string, string> } | null = null;

/**
 * Unicode → legacy (Windows-1252 characters), the inverse of `decodeLegacy`; used to make test
 * material. TCVN3 has no upper-case toned vowels: they are written with the lower-case codes.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  encodeTables ??= {
    vni: new Map([...parseTable(VNI_TABLE)].map(([k, v]) => [v, k])),
    tcvn3: new Map([...TCVN3].map(([k, v]) => [v, k])),
  };
  const table = encodeTables[encoding];
  let out = "";
  for (const ch of text.normalize("NFC")) {
    out += table.get(ch) ?? (encoding === "tcvn3" ? table.get(ch.toLowerCase()) : undefined) ?? ch;
  }
  return out;
}
