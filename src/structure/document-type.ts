import { documentTypeByCode, documentTypeByName } from "../lexicon/document-types.js";
import { TITLE_QUALIFIER } from "../lexicon/header-marks.js";

/**
 * The type a title line names ("QUYẾT ĐỊNH", "Báo cáo:"), or null when it is not a type.
 * With `fuzzy`, a misspelled type word is recognised and `corrected` says so.
 */
export function typeOfTitle(text: string, fuzzy = false): { code: string | null; name: string; corrected: boolean } | null {
  // "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)", "QUY CHẾ (DỰ THẢO)": the qualifier is not part of the type.
  const words = text.replace(TITLE_QUALIFIER, "").replace(/[:.\s]+$/u, "").replace(/\s+/gu, " ").trim();
  if (words.length > 40) return null;
  const entry = documentTypeByName(words, { fuzzy });
  return entry ? { code: entry.code, name: entry.name, corrected: entry.corrected } : null;
}

/** The type a title starts with: "GIẤY MỜI HỌP" → Giấy mời, "BÁO CÁO TỔNG KẾT" → Báo cáo. */
export function typeOfTitlePrefix(text: string): { code: string | null; name: string } | null {
  const words = text.replace(/[:.\s]+$/u, "").split(/\s+/u);
  for (let n = Math.min(4, words.length - 1); n >= 2; n--) {
    const entry = documentTypeByName(words.slice(0, n).join(" "), { fuzzy: false });
    if (entry) return { code: entry.code, name: entry.name };
  }
  return null;
}

/**
 * The type a ký hiệu tells: "QĐ-UBND" → Quyết định, "KH/TU" (Party) → Kế hoạch; a symbol whose
 * first part is not a type code ("UBND-KTTH") is a công văn.
 */
export function typeOfSymbol(symbol: string | null): { code: string | null; name: string } | null {
  if (!symbol) return null;
  const party = /^[^/-]+\//u.test(symbol);
  const first = symbol.split(/[-/]/u)[0];
  const entry = documentTypeByCode(first, { party });
  if (entry) return { code: entry.code, name: entry.name };
  return { code: null, name: "Công văn" };
}
