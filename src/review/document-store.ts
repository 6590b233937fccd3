import { readFile } from "node:fs/promises";
import { applyCorrections, isVanbanError, parse, type VanBanDocument } from "../index.js";
import type { Corrections } from "../schema/corrections.js";
import { buildItems, type ReviewItem } from "./build-items.js";
import type { ReviewDocument } from "./collect-documents.js";
import { CORRECTIONS_SUFFIX, readCorrections, writeCorrections } from "./corrections-file.js";
import { editCorrections, type CorrectionRequest } from "./edit-corrections.js";
import { openImagePages, type ImagePages } from "./image-pages.js";
import { lineBoxRuns } from "./line-box-runs.js";
import { canvasAvailable, openPdfForReview, type PdfDocument } from "./load-pdfjs.js";
import { mapTextRuns, type PageSize, type TextRun } from "./pdf-text-runs.js";
import { renderPageImage } from "./render-page-image.js";

/** What the page gets for one document. */
export interface DocumentView {
  id: number;
  name: string;
  record: VanBanDocument;
  items: ReviewItem[];
  corrections: Corrections;
  /** Set when the corrections file no longer applies: the record is shown uncorrected. */
  correctionsProblem: string | null;
  /** `pages`: page images (PDF, scans) with boxes; `text`: the text laid out by layout blocks. */
  view: "pages" | "text";
  pages: PageSize[];
  runs: TextRun[];
  /** Why a PDF or scan is shown as text (no @napi-rs/canvas), or null. */
  notice: string | null;
}

export interface DocumentSummary {
  id: number;
  name: string;
  format: string | null;
  pages: number | null;
  warnings: number;
  warningCodes: string[];
  corrections: number;
  error: string | null;
}

interface Loaded {
  original: VanBanDocument;
  pdf: PdfDocument | null;
  images: ImagePages | null;
  layout: { pages: PageSize[]; runs: TextRun[] } | null;
}

/** Parses documents on demand and keeps them: records, pdfjs documents, page images. */
export class DocumentStore {
  private readonly loaded = new Map<number, Promise<Loaded>>();
  private readonly images = new Map<string, Promise<{ type: string; bytes: Buffer }>>();
  private readonly canvas = canvasAvailable();

  constructor(
    readonly documents: readonly ReviewDocument[],
    private readonly options: { password?: string } = {},
  ) {}

  correctionsPath(doc: ReviewDocument): string {
    return `${doc.path}${CORRECTIONS_SUFFIX}`;
  }

  find(id: number): ReviewDocument | undefined {
    return this.documents.find((d) => d.id === id);
  }

  /** The folder list: parses every document once (cached), one at a time. */
  async summaries(): Promise<DocumentSummary[]> {
    const out: DocumentSummary[] = [];
    for (const doc of this.documents) {
      try {
        const view = await this.view(doc.id);
        const codes = [...new Set(view.record.warnings.map((w) => w.code))].sort();
        const corrections = view.corrections.filter((op) => op.op === "replace" || (op.op === "test" && op.wrong === true)).length;
        out.push({ id: doc.id, name: doc.name, format: view.record.source.format, pages: view.record.source.pages, warnings: view.record.warnings.length, warningCodes: codes, corrections, error: null });
      } catch (error) {
        if (!isVanbanError(error)) throw error;
        out.push({ id: doc.id, name: doc.name, format: null, pages: null, warnings: 0, warningCodes: [], corrections: 0, error: `${error.code}: ${error.message}` });
      }
    }
    return out;
  }

  async view(id: number): Promise<DocumentView> {
    const doc = this.mustFind(id);
    const loaded = await this.load(doc);
    const corrections = await readCorrections(this.correctionsPath(doc));
    let record = loaded.original;
    let correctionsProblem: string | null = null;
    try {
      record = applyCorrections(loaded.original, corrections);
    } catch (error) {
      if (!isVanbanError(error)) throw error;
      correctionsProblem = error.message;
    }
    const showPages = loaded.layout !== null && this.canvas.ok;
    return {
      id,
      name: doc.name,
      record,
      items: buildItems(record, loaded.original, correctionsProblem === null ? corrections : []),
      corrections,
      correctionsProblem,
      view: showPages ? "pages" : "text",
      pages: loaded.layout?.pages ?? [],
      runs: loaded.layout?.runs ?? [],
      notice: loaded.layout !== null && !this.canvas.ok ? `Pages cannot be drawn without the optional package @napi-rs/canvas (${this.canvas.reason}); showing the text.` : null,
    };
  }

  async pageImage(id: number, page: number, scale: number): Promise<{ type: string; bytes: Buffer } | null> {
    const loaded = await this.load(this.mustFind(id));
    if (!this.canvas.ok || !loaded.layout || page < 1 || page > loaded.layout.pages.length) return null;
    const key = `${id}:${page}:${loaded.pdf ? scale : 1}`;
    let image = this.images.get(key);
    if (!image) {
      const pdf = loaded.pdf;
      image = pdf ? renderPageImage(pdf, page, scale).then((bytes) => ({ type: "image/png", bytes })) : loaded.images!.render(page);
      this.images.set(key, image);
      image.catch(() => this.images.delete(key));
    }
    return image;
  }

  /** Applies one reviewer action, checks the patch still applies, and saves it. */
  async correct(id: number, request: CorrectionRequest): Promise<DocumentView> {
    const doc = this.mustFind(id);
    const current = await this.view(id);
    if (current.correctionsProblem !== null) throw new Error(`the corrections file does not apply: ${current.correctionsProblem}`);
    const loaded = await this.load(doc);
    const next = editCorrections(current.corrections, current.record, current.items, request, new Date());
    applyCorrections(loaded.original, next); // throws invalid_corrections before anything is written
    await writeCorrections(this.correctionsPath(doc), next);
    return this.view(id);
  }

  async close(): Promise<void> {
    for (const loading of this.loaded.values()) {
      const loaded = await loading.catch(() => null);
      await loaded?.pdf?.destroy();
    }
  }

  private mustFind(id: number): ReviewDocument {
    const doc = this.find(id);
    if (!doc) throw new RangeError(`no document ${id}`);
    return doc;
  }

  private load(doc: ReviewDocument): Promise<Loaded> {
    let loading = this.loaded.get(doc.id);
    if (!loading) {
      loading = this.readDocument(doc);
      this.loaded.set(doc.id, loading);
    }
    return loading;
  }

  private async readDocument(doc: ReviewDocument): Promise<Loaded> {
    const bytes = new Uint8Array(await readFile(doc.path));
    const original = await parse(bytes, { name: doc.name, password: this.options.password });
    if (original.source.format === "image") {
      // Without @napi-rs/canvas there was no OCR either: nothing to draw boxes on.
      if (!this.canvas.ok || !original.lineBoxes) return { original, pdf: null, images: null, layout: null };
      const images = await openImagePages(bytes);
      return { original, pdf: null, images, layout: { pages: images.pages, runs: lineBoxRuns(original) } };
    }
    if (original.source.format !== "pdf") return { original, pdf: null, images: null, layout: null };
    const pdf = await openPdfForReview(bytes, this.options.password);
    const layout = await mapTextRuns(original, pdf);
    // Pages read by OCR: their lines' boxes come with the record.
    return { original, pdf, images: null, layout: { pages: layout.pages, runs: [...layout.runs, ...lineBoxRuns(original)] } };
  }
}
