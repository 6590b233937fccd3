// The hand annotations of the Lâm Đồng sample (fixtures/annotations/lamdong/FORMAT.md): loading
// them, and the parse options each one is scored with.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ParseOptions } from "../../src/index.js";

export interface Annotation {
  file: string;
  split: "dev" | "holdout";
  format: "docx" | "doc" | "pdf" | "scan";
  type?: { code: string | null; name: string | null } | null;
  title?: string | null;
  subject?: string | null;
  header?: {
    issuerParent?: string | null;
    issuerName?: string | null;
    number?: string | null;
    symbol?: string | null;
    place?: string | null;
    date?: string | null;
    year?: number | null;
  };
  addressees?: string[];
  recipients?: Array<{ name: string; purpose: string | null }>;
  archive?: string[] | null;
  signature?: {
    authorities: Array<{ mode: string; title: string }>;
    position: string | null;
    signer: string | null;
  } | null;
  topSections?: Array<{ label: string; heading?: string | null }>;
  citations?: Array<{ type?: string | null; number?: string | null; symbol: string | null; date?: string | null; issuer?: string | null; title?: string | null }>;
  targets?: Array<{ indicator?: string; comparator: string; value: number; unit: string | null }>;
  /** Optional, read by the scorer only: how many pages of a scan to OCR (default SCAN_PAGES). */
  ocrPages?: number;
  notes?: string[];
}

export const ANNOTATIONS_DIR = "fixtures/annotations/lamdong";
export const DOCUMENTS_DIR = "fixtures/lamdong";
/** Pages OCRed of a scan when its annotation does not say: header and closing of a short document. */
export const SCAN_PAGES = 6;

/** Every annotation file in `dir` (paths relative to the project root or absolute). */
export function loadAnnotations(root: string, dir = ANNOTATIONS_DIR): Annotation[] {
  const folder = join(root, dir);
  if (!existsSync(folder)) return [];
  const splits = readSplits(folder);
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const a = JSON.parse(readFileSync(join(folder, f), "utf8")) as Annotation;
      // sample.tsv is the authority on the split: an annotation cannot move itself to dev.
      const split = splits.get(a.file) ?? a.split;
      return { ...a, split };
    });
}

/** sample.tsv: index, split, format, kind, bytes, file. */
function readSplits(folder: string): Map<string, "dev" | "holdout"> {
  const path = join(folder, "sample.tsv");
  const out = new Map<string, "dev" | "holdout">();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const cols = line.split("\t");
    if (cols.length >= 6 && (cols[1] === "dev" || cols[1] === "holdout")) out.set(cols[5].trim(), cols[1]);
  }
  return out;
}

/** OCR only for scans, and only the pages the annotation covers. */
export function parseOptionsFor(a: Annotation): ParseOptions {
  return a.format === "scan" ? { ocr: "auto", maxPages: a.ocrPages ?? SCAN_PAGES } : { ocr: "never" };
}
