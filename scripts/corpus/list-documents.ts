// The documents of a corpus folder, and what its MANIFEST.tsv says of each (dossier folder).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";

export interface CorpusFile {
  path: string;
  /** Path relative to the corpus folder: the name used in every report. */
  name: string;
  /** The folder the original file sat in (from MANIFEST.tsv), or the local folder. */
  dossier: string;
  /** MANIFEST.tsv marks the file as a scan (no text layer). */
  scan: boolean;
}

const NOT_DOCUMENTS = /^(MANIFEST\.tsv|README(\.md)?|SOURCES\.md|\..*)$/i;

export function listDocuments(dir: string): CorpusFile[] {
  const manifest = readManifest(dir);
  const files: CorpusFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (NOT_DOCUMENTS.test(entry.name)) continue;
      const path = join(folder, entry.name);
      // statSync follows symbolic links (a sample folder may link into the corpus).
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else if (info.isFile()) {
        const name = relative(dir, path);
        const row = manifest.get(name);
        files.push({ path, name, dossier: row?.dossier ?? dirname(name), scan: row?.scan ?? false });
      }
    }
  };
  walk(dir);
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** MANIFEST.tsv: file, sha256, pages, scan, original path (header row first). */
function readManifest(dir: string): Map<string, { dossier: string; scan: boolean }> {
  const rows = new Map<string, { dossier: string; scan: boolean }>();
  const path = join(dir, "MANIFEST.tsv");
  if (!existsSync(path)) return rows;
  const lines = readFileSync(path, "utf8").split("\n").slice(1);
  for (const line of lines) {
    const [file, , , scan, original] = line.split("\t");
    if (!file || original === undefined) continue;
    rows.set(file, { dossier: dirname(original), scan: scan === "scan" });
  }
  return rows;
}

/** The file's own part of a corpus name: "dossier-slug--file-slug.ext" → "file-slug". */
export function ownName(name: string): string {
  const base = basename(name).replace(/\.[a-z0-9]+$/i, "");
  const cut = base.indexOf("--");
  return cut >= 0 ? base.slice(cut + 2) : base;
}
