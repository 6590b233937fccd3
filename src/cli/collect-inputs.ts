import { existsSync, type Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { SUPPORTED_EXTENSIONS } from "../detect-format.js";
// glob-match (picomatch) loads only when an argument names no file: ~25 ms of a cold start.
type GlobMatch = typeof import("./glob-match.js");

/** One document to parse. */
export interface InputItem {
  /** Shown in records (`source.name`) and messages: the path as the user would write it; "-" for stdin. */
  name: string;
  /** The file to read; null for stdin. */
  path: string | null;
  /** Output path under `--out`, relative, without the added ".json" (mirrors the input tree). */
  outRel: string;
  /** Set for a glob that matched nothing: the not_found message reported in its place. */
  missing?: string;
}

export interface CollectedInputs {
  items: InputItem[];
  /** True when the arguments ask for a batch (a directory, a glob, or several inputs): JSON Lines out. */
  batch: boolean;
  /** Things worth telling on stderr (an empty directory, an unreadable folder). */
  notes: string[];
  /** A pattern that cannot be used (a usage error), or null. */
  badGlob: string | null;
}

const SUPPORTED = new Set(SUPPORTED_EXTENSIONS.map((e) => `.${e}`));

/** Expands the `parse` arguments into a stable, de-duplicated list of inputs, in argument order. */
export async function collectInputs(args: readonly string[]): Promise<CollectedInputs> {
  const notes: string[] = [];
  const groups: Array<Array<InputItem & { absolute: string | null }>> = [];
  const loose: Array<InputItem & { absolute: string | null }> = [];
  let batch = args.length > 1;
  for (const arg of args) {
    if (arg === "-") {
      const item = { name: "-", path: null, outRel: "stdin", absolute: null };
      groups.push([item]);
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      batch = true;
      const files = await walkDirectory(arg, notes);
      if (files.length === 0) notes.push(`${arg}: no ${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(" ")} files found`);
      groups.push(files.map((rel) => ({ name: join(arg, ...rel), path: join(arg, ...rel), outRel: rel.join("/"), absolute: resolve(arg, ...rel) })));
      continue;
    }
    const globs: GlobMatch | null = info ? null : await import("./glob-match.js");
    if (globs !== null && globs.hasGlobMagic(arg) && !existsSync(arg)) {
      batch = true;
      const problem = globs.checkGlob(arg);
      if (problem !== null) return { items: [], batch, notes, badGlob: problem };
      const matches = await expandGlob(arg, globs);
      // A pattern that matches nothing is a failed input, as a missing file would be.
      if (matches.length === 0) {
        const missing = `No file matches ${arg} (a glob; only ${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(" ")} files are taken).`;
        groups.push([{ name: arg, path: null, outRel: arg.replace(/[*?{}[\]]/gu, "_"), absolute: null, missing }]);
      } else {
        groups.push(matches);
      }
      continue;
    }
    // A file, or a path that does not exist: parsing it reports not_found in its place.
    const item = { name: arg, path: arg, outRel: "", absolute: resolve(arg) };
    loose.push(item);
    groups.push([item]);
  }
  assignLooseOutputs(loose);
  const seen = new Set<string>();
  const items: InputItem[] = [];
  for (const group of groups) {
    for (const { absolute, ...item } of group) {
      if (absolute !== null) {
        if (seen.has(absolute)) continue;
        seen.add(absolute);
      }
      items.push(item);
    }
  }
  return { items, batch, notes, badGlob: null };
}

/**
 * Files named one by one (or expanded by the shell) mirror the tree below their common
 * folder, so `a/x.pdf a/b/y.pdf` and `'a/**\/*.pdf'` and `a/` all write x.pdf.json, b/y.pdf.json.
 */
function assignLooseOutputs(loose: Array<InputItem & { absolute: string | null }>): void {
  if (loose.length === 0) return;
  let common = dirname(loose[0].absolute!);
  for (const item of loose) {
    while (!isInside(item.absolute!, common)) common = dirname(common);
  }
  for (const item of loose) item.outRel = relative(common, item.absolute!).split(sep).join("/");
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/u.test(rel);
}

/** Supported files under a folder, as relative segment lists, sorted segment by segment (stable across machines). */
async function walkDirectory(root: string, notes: string[]): Promise<string[][]> {
  const out: string[][] = [];
  const visited = new Set<string>();
  const walk = async (segments: string[]): Promise<void> => {
    const folder = join(root, ...segments);
    const entries = await readFolderOnce(folder, visited, notes);
    if (!entries) return;
    entries.sort((a, b) => compareNames(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const { isDir, isFile } = await kindOf(folder, entry);
      if (isDir) await walk([...segments, entry.name]);
      else if (isFile && SUPPORTED.has(extname(entry.name).toLowerCase())) out.push([...segments, entry.name]);
    }
  };
  await walk([]);
  return out;
}

/**
 * Files matching a glob (tinyglobby walks below its literal base, following symbolic links),
 * restricted to supported extensions, sorted segment by segment. A file reached twice (through
 * a linked folder) is kept once, at its first path in that order.
 */
async function expandGlob(pattern: string, globs: GlobMatch): Promise<Array<InputItem & { absolute: string }>> {
  const { base, glob } = globs.splitGlob(pattern);
  const info = await stat(base).catch(() => null);
  if (!info?.isDirectory()) return [];
  const { glob: walk } = await import("tinyglobby");
  const found = await walk(glob, { cwd: base, onlyFiles: true, followSymbolicLinks: true, expandDirectories: false });
  const rels = found
    .filter((rel) => SUPPORTED.has(extname(rel).toLowerCase()))
    .map((rel) => rel.split("/"))
    .sort(compareSegments);
  const out: Array<InputItem & { absolute: string }> = [];
  const seen = new Set<string>();
  for (const rel of rels) {
    const path = join(base, ...rel);
    const real = await realpath(path).catch(() => resolve(path));
    if (seen.has(real)) continue;
    seen.add(real);
    out.push({ name: path, path, outRel: rel.join("/"), absolute: resolve(path) });
  }
  return out;
}

/** Plain code-unit order: the same on every machine and locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareSegments(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareNames(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * The entries of a folder, or null when it was seen already (symlinked folders are followed
 * once: a link back up the tree must not loop) or cannot be read (said in `notes`).
 */
async function readFolderOnce(folder: string, visited: Set<string>, notes: string[]): Promise<Dirent[] | null> {
  const real = await realpath(folder).catch(() => folder);
  if (visited.has(real)) return null;
  visited.add(real);
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    notes.push(`${folder}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return null;
  }
}

/** Folder or file, following a symbolic link to what it points at (a broken link is neither). */
async function kindOf(folder: string, entry: Dirent): Promise<{ isDir: boolean; isFile: boolean }> {
  if (!entry.isSymbolicLink()) return { isDir: entry.isDirectory(), isFile: entry.isFile() };
  const target = await stat(join(folder, entry.name)).catch(() => null);
  return { isDir: target?.isDirectory() ?? false, isFile: target?.isFile() ?? false };
}
