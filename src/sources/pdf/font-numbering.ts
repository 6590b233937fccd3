import { listFontUses, listPageFonts, type PdfObjects } from "../pdf-file/index.js";
import { sameFontStyle } from "./fonts.js";

/** pdf.js's name for a font it loaded: "g_d0_f12", numbered in the order the document loads them. */
const LOADED_NAME = /^g_d\d+_f(?<id>\d+)$/u;

/**
 * The real names of the fonts pdf.js loads for a document's text, without its operator lists.
 *
 * getTextContent calls each font by the name pdf.js gave it when it first loaded it ("g_d0_f3":
 * the third font the document loaded); the real name (bold, italic, a legacy encoding) only
 * reaches this thread with a page's operator list, which costs as much again as the page's
 * text: on the Lâm Đồng PDFs, a fifth of the reader's time. pdf.js loads a font object at the
 * first Tf that sets it, pages in order, following forms, and gives it the next number. So the
 * file's own objects tell which number each font got: the pages' Tf operators in order, the
 * names in their font objects.
 *
 * It stops for the rest of the document, and the reader asks pdf.js as before, wherever pdf.js
 * may number otherwise or the file cannot be read for certain: a shared font descriptor (pdf.js
 * may give two font objects one number), Type3 or inline fonts, a Tf naming a missing font, a
 * graphics state setting a font, content this reader cannot decode, FontName and BaseFont that
 * differ in style, a page whose text pdf.js could not read, and any page whose operator list was
 * built (a stamped page's annotations load fonts of their own).
 */
export class FontNumbering {
  /** Font object → the number pdf.js gave it. */
  private readonly numbers = new Map<number, number>();
  /** Number → the font's name. */
  private readonly names = new Map<number, string>();
  private readonly descriptors = new Set<number>();
  /** Pages pdf.js has read and this has not followed yet (their object numbers). */
  private readonly pending: Array<number | null> = [];
  private stopped = false;
  private file: PdfObjects | null = null;

  /** `objects` is asked for only when a name is (a scan, whose pages set no font, never reads the file). */
  constructor(private readonly objects: () => PdfObjects) {}

  /** Notes that pdf.js has read a page's text, after the pages before it. */
  readPage(pageNum: number | null): void {
    if (!this.stopped) this.pending.push(pageNum);
  }

  /** Stops for the rest of the document: a page was read in a way this cannot follow. */
  stop(): void {
    this.stopped = true;
    this.pending.length = 0;
  }

  /** The real name of a font pdf.js loaded, or undefined when it is not known for certain. */
  nameOf(loadedName: string): string | undefined {
    for (const pageNum of this.pending.splice(0)) if (!this.stopped) this.follow(pageNum);
    if (this.stopped) return undefined;
    const id = LOADED_NAME.exec(loadedName)?.groups?.id;
    return id === undefined ? undefined : this.names.get(Number(id));
  }

  private follow(pageNum: number | null): void {
    const objects = (this.file ??= this.objects());
    const fonts = pageNum === null || !objects.usable ? null : listPageFonts(objects, pageNum);
    if (!fonts) return this.stop();
    // A page whose fonts are all loaded already loads none.
    if ([...fonts.keys()].every((ref) => this.numbers.has(ref))) return;
    const uses = listFontUses(objects, pageNum!);
    if (!uses) return this.stop();
    for (const ref of uses) {
      if (this.numbers.has(ref)) continue;
      const font = fonts.get(ref);
      if (!font || (font.descriptor !== null && this.descriptors.has(font.descriptor))) return this.stop();
      if (font.otherName && !sameFontStyle(font.name, font.otherName)) return this.stop();
      if (font.descriptor !== null) this.descriptors.add(font.descriptor);
      const number = this.numbers.size + 1;
      this.numbers.set(ref, number);
      this.names.set(number, font.name);
    }
  }
}
