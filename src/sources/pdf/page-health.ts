import { decodeLegacy } from "../../normalize/index.js";
import { measureVietnamese } from "../../normalize/index.js";
import { countLetters } from "../../text/count-letters.js";
import { findFontRepair } from "./repair-glyphs.js";
import type { FontInfo, PdfPage, PdfRun } from "./types.js";

/**
 * Tình trạng lớp chữ: what a page's text layer is worth.
 * - `empty`: no text (a scan), or only the signing tool's overlay.
 * - `ok`: Vietnamese text.
 * - `converted`: set in a legacy font (VNI, TCVN3), decoded to Unicode.
 * - `repaired`: shifted character codes (a Ghostscript rewrite) put back.
 * - `garbled`: text that is not Vietnamese and could not be decoded (a bad OCR layer …).
 */
export type PageHealth = "empty" | "ok" | "converted" | "repaired" | "garbled";

/** Fewer letters than this on a page (stamps aside) is no text layer. */
const MIN_LETTERS = 10;
/** Below this share of valid Vietnamese syllables, a page's text is not Vietnamese. */
const VALID_SHARE = 0.6;
/** Too few tokens to judge: short pages pass. */
const MIN_TOKENS = 8;
const GREEK_MU = /\u03BC/gu;

export interface PageAssessment {
  health: PageHealth;
  /** Share of valid Vietnamese syllables after any conversion, null when there is no text. */
  share: number | null;
}

/**
 * Judges a page's text layer and converts it in place when the fonts tell how: runs set in a
 * legacy-encoded font are decoded; a page that still does not read as Vietnamese is tried for
 * shifted codes, font by font (a shift is constant within one embedded font).
 */
export function assessPage(page: PdfPage, fontOf: (loadedName: string) => FontInfo): PageAssessment {
  const own = page.runs.filter((r) => !r.space && !r.stamp);
  const letters = own.reduce((n, r) => n + countLetters(r.text), 0);
  if (letters < MIN_LETTERS) return { health: "empty", share: null };
  let converted = false;
  for (const run of own) {
    const font = fontOf(run.font);
    if (!font.legacy) continue;
    // pdfjs normalizes U+00B5 (µ, a TCVN3 code) to Greek mu: undo it before decoding.
    const decoded = decodeLegacy(run.text.replace(GREEK_MU, "\u00B5"), font.legacy, { capitals: font.capitals });
    if (decoded !== run.text) {
      run.text = decoded;
      run.converted = true;
      converted = true;
    }
  }
  const before = measure(own);
  if (before.tokens < MIN_TOKENS || before.share >= VALID_SHARE) {
    return { health: converted ? "converted" : "ok", share: before.share };
  }
  const repaired = repairByFont(own);
  const after = repaired ? measure(own) : before;
  if (repaired && after.share >= VALID_SHARE) return { health: "repaired", share: after.share };
  return { health: "garbled", share: after.share };
}

function measure(runs: PdfRun[]): { tokens: number; share: number } {
  const m = measureVietnamese(runs.map((r) => r.text).join(" "));
  return { tokens: m.tokens, share: m.tokens === 0 ? 1 : m.share };
}

/** Repairs shifted codes font by font; true when some text changed. */
function repairByFont(runs: PdfRun[]): boolean {
  const byFont = new Map<string, PdfRun[]>();
  for (const run of runs) {
    const list = byFont.get(run.font);
    if (list) list.push(run);
    else byFont.set(run.font, [run]);
  }
  let changed = false;
  for (const fontRuns of byFont.values()) {
    // The shift is constant within one embedded font: its whole text decides, every run follows.
    const repair = findFontRepair(fontRuns.map((r) => r.text).join(" "));
    if (!repair) continue;
    for (const run of fontRuns) {
      const fixed = repair.apply(run.text);
      if (fixed !== run.text) {
        run.text = fixed;
        run.converted = true;
        changed = true;
      }
    }
  }
  return changed;
}
