/**
 * Số ký hiệu: reading a `SYMBOL` match into its canonical form.
 *
 * Canonical means no spaces and the standard separators of each shape (Nghị định 30/2020
 * Phụ lục I for administrative documents, the legal normative form, Hướng dẫn 36-HD/VPTW for
 * Party documents), so that "2442 /KH-UBND", "15/2018/NĐ-\nCP" and "34/CT - TW" compare equal
 * to "2442/KH-UBND", "15/2018/NĐ-CP" and "34-CT/TW".
 */
import { LEGISLATIVE_ISSUER, PARTY_ISSUER, SYMBOL_DASH_SPLIT } from "../../lexicon/document-number.js";
import { SPACES, STARTS_CAPITAL } from "./patterns.js";
import { documentTypeByCode, isTypeCode, type DocumentType } from "../../lexicon/document-types.js";

export type SymbolForm = "legal" | "party" | "administrative";

export interface ParsedSymbol {
  /** Số: the number as printed ("05", "3461"). */
  number: string;
  /** Canonical ký hiệu with the number: "91/2017/NĐ-CP", "34-CT/TW", "967/UBND-NC". */
  symbol: string;
  /** The year written in a legal normative symbol, else null. */
  year: number | null;
  form: SymbolForm;
  /** Type code found in the symbol ("QĐ", "KH", Party "CV"), null when the symbol has none. */
  typeCode: string | null;
  /** Type the symbol implies: from its code, or Công văn for an administrative symbol without one. */
  impliedType: DocumentType | null;
  /** Printed without the slash after the number ("2973 KH-UBND"): needs "số" or a type word. */
  missingSlash: boolean;
}

/** The named groups of a `SYMBOL` match. */
export interface SymbolGroups {
  number?: string;
  year?: string;
  legal?: string;
  partyType?: string;
  partyIssuer?: string;
  admin?: string;
  bare?: string;
}

function splitParts(parts: string): string[] {
  return parts
    .split(SYMBOL_DASH_SPLIT)
    .map((p) => p.replace(SPACES, ""))
    .filter((p) => p.length > 0);
}

/**
 * Builds the canonical symbol from a match. `typeHint` is the type word printed before it:
 * it lets "1626/QĐTTg" (a dropped hyphen) be read as 1626/QĐ-TTg after "Quyết định số".
 */
export function parseSymbol(groups: SymbolGroups, typeHint: DocumentType | null = null): ParsedSymbol | null {
  const number = groups.number;
  if (!number) return null;

  if (groups.year !== undefined && groups.legal !== undefined) {
    const parts = splitParts(groups.legal);
    // A Nghị định is always the Chính phủ's: "148/2025/NĐ" cut off at a table cell is 148/2025/NĐ-CP.
    if (parts.length === 1 && parts[0] === "NĐ") parts.push("CP");
    const code = isTypeCode(parts[0]) ? parts[0] : null;
    return {
      number,
      symbol: `${number}/${groups.year}/${parts.join("-")}`,
      year: Number(groups.year),
      form: "legal",
      typeCode: code,
      impliedType: code ? documentTypeByCode(code) : null,
      missingSlash: false,
    };
  }

  if (groups.partyType !== undefined && groups.partyIssuer !== undefined) {
    const issuer = splitParts(groups.partyIssuer);
    const code = groups.partyType;
    const type = documentTypeByCode(code, { party: true });
    return {
      number,
      symbol: `${number}-${code}/${issuer.join("-")}`,
      year: null,
      form: "party",
      typeCode: type ? code : null,
      impliedType: type,
      missingSlash: false,
    };
  }

  const raw = groups.admin ?? groups.bare;
  if (raw === undefined) return null;
  let parts = splitParts(raw);
  parts = splitGluedTypeCode(parts, typeHint);
  const code = isTypeCode(parts[0]) ? parts[0] : null;
  // "34/CT - TW": a type code followed by a Party body is the Party symbol 34-CT/TW.
  if (code && parts.length === 2 && PARTY_ISSUER.test(parts[1])) {
    return {
      number,
      symbol: `${number}-${code}/${parts[1]}`,
      year: null,
      form: "party",
      typeCode: code,
      impliedType: documentTypeByCode(code, { party: true }),
      missingSlash: groups.bare !== undefined,
    };
  }
  return {
    number,
    symbol: `${number}/${parts.join("-")}`,
    year: null,
    form: "administrative",
    typeCode: code,
    // Nghị định 30/2020: an administrative symbol without a type code is a công văn's.
    impliedType: code ? documentTypeByCode(code) : { code: null, name: "Công văn" },
    missingSlash: groups.bare !== undefined,
  };
}

/** "QĐTTg" after "Quyết định số": the type code glued to the issuer, split back into QĐ, TTg. */
function splitGluedTypeCode(parts: string[], typeHint: DocumentType | null): string[] {
  const code = typeHint?.code;
  const first = parts[0];
  if (!code || first === code || !first.startsWith(code) || isTypeCode(first)) return parts;
  const rest = first.slice(code.length);
  if (rest.length < 2 || !STARTS_CAPITAL.test(rest)) return parts;
  return [code, rest, ...parts.slice(1)];
}

/**
 * Whether a symbol may stand alone, with neither "số" nor a type word before it: only when its
 * shape names a type ("25/2014/TT-BTNMT", "67-KH/TU", "3461/KH-UBND") or it is a law's
 * "45/2013/QH13". "12/UBND" alone could be anything and is left out.
 */
export function canStandAlone(p: ParsedSymbol): boolean {
  if (p.missingSlash) return false;
  const partCount = p.symbol.split(/[/-]/u).length;
  if (p.form === "legal") return p.typeCode !== null || LEGISLATIVE_ISSUER.test(p.symbol.split("/")[2] ?? "");
  return p.typeCode !== null && partCount >= 3;
}
