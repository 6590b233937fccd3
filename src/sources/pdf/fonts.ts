import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describeLegacyFont } from "../../normalize/index.js";
import type { FontNumbering } from "./font-numbering.js";
import type { FontInfo } from "./types.js";

/** Weight words in PostScript and Windows font names ("TimesNewRomanPS-BoldMT", "Arial,Bold", "Times,B"). */
const BOLD_FONT = /bold|black|heavy|semibold|demibold|demi\b|,B(?:I)?$/i;
const ITALIC_FONT = /italic|oblique|,(?:B)?I$|-(?:Bold)?It$/i;
/** Subset tag pdf producers put before an embedded font's name: "ABCDEE+VNI-Times". */
const SUBSET_TAG = /^[A-Z]{6}\+/;

const UNKNOWN: FontInfo = { name: "", bold: false, italic: false, legacy: null, capitals: false };

/**
 * Font names by pdfjs loaded name ("g_d0_f3"). getTextContent only reports a generic family, so
 * the real names come from the file's font objects, in the order pdf.js numbered them
 * (`FontNumbering`), or else from the page's font objects, which pdfjs resolves once the page's
 * operator list has been built; the caller builds it for pages that bring a font neither names.
 */
export class FontCatalog {
  private readonly known = new Map<string, FontInfo>();
  /** Fonts pdfjs could not hand over since the last `takeProblems`. */
  private problems: string[] = [];

  constructor(private readonly numbering: FontNumbering | null = null) {}

  /** Notes that pdf.js has read a page's text (its object number), after the pages before it. */
  followPage(pageNum: number | null): void {
    this.numbering?.readPage(pageNum);
  }

  /** Names these fonts from the file's own font objects where their numbers say which; true when none is left unnamed. */
  learnFromFile(loadedNames: Iterable<string>): boolean {
    let all = true;
    for (const loadedName of loadedNames) {
      if (this.known.has(loadedName)) continue;
      const name = this.numbering?.nameOf(loadedName);
      if (name === undefined) all = false;
      else this.known.set(loadedName, describeFont(name));
    }
    return all;
  }

  /** Names no more fonts from the file for this document: pdf.js read a page in a way the numbering cannot follow. */
  stopFollowing(): void {
    this.numbering?.stop();
  }

  /** True when some of these fonts are still unnamed. */
  lacksAny(loadedNames: Iterable<string>): boolean {
    for (const name of loadedNames) if (!this.known.has(name)) return true;
    return false;
  }

  /** Reads the names pdfjs resolved for these fonts (once the page's operator list is built). */
  learn(page: PDFPageProxy, loadedNames: Iterable<string>): void {
    // The operator list may have loaded fonts of its own (annotation appearances): the numbers
    // of the file's fonts are no longer certain.
    this.stopFollowing();
    for (const loadedName of loadedNames) {
      if (this.known.has(loadedName)) continue;
      // A font pdfjs could not resolve stays unnamed (plain style), and is not asked for again.
      let font: unknown = null;
      try {
        if (page.commonObjs.has(loadedName)) font = page.commonObjs.get(loadedName);
      } catch (error) {
        this.problems.push(`font ${loadedName} (bold and italic are lost): ${error instanceof Error ? error.message : String(error)}`);
      }
      this.known.set(loadedName, describeFont(String((font as { name?: unknown } | null)?.name ?? "")));
    }
  }

  /** What could not be read of the fonts learnt since the last call. */
  takeProblems(): string[] {
    const problems = this.problems;
    this.problems = [];
    return problems;
  }

  get(loadedName: string): FontInfo {
    return this.known.get(loadedName) ?? UNKNOWN;
  }
}

/** Weight, slant and legacy encoding from a font name. */
export function describeFont(rawName: string): FontInfo {
  const name = rawName.replace(SUBSET_TAG, "");
  const legacy = name ? describeLegacyFont(name) : null;
  return {
    name,
    bold: BOLD_FONT.test(name),
    italic: ITALIC_FONT.test(name),
    legacy: legacy?.encoding ?? null,
    capitals: legacy?.capitals ?? false,
  };
}

/** Whether two names of one font describe it the same way (weight, slant, encoding). */
export function sameFontStyle(a: string, b: string): boolean {
  const x = describeFont(a);
  const y = describeFont(b);
  return x.bold === y.bold && x.italic === y.italic && x.legacy === y.legacy && x.capitals === y.capitals;
}
