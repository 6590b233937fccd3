import { existsSync, type Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { SUPPORTED_EXTENSIONS } from "../detect-format.js";
import { expandBraces, hasGlobMagic, matchPath, splitGlob } from "./glob-match.js";

/** One document to parse. */
export interface InputItem {
  /** Shown in records (`source.name`) and messages: the path as the user would write it; "-" for stdin. */
  name: string;
  /** The file to read; null for stdin. */
  path: string | null;
  /** Output path under `--out`, relative, without the added ".json" (mirrors the input tree). */
  outRel: string;
}

export interface CollectedInputs {
  items: InputItem[];
  /** True when the arguments ask for a batch (a directory, a glob, or several inputs): JSON Lines out. */
  batch: boolean;
  /** Things worth telling on stderr (an empty directory, an unreadable folder). */
  notes: string[];
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
    if (!info && hasGlobMagic(arg) && !existsSync(arg)) {
      batch = true;
      const matches = await expandGlob(arg, notes);
      // A pattern that matches nothing is a failed input, as a missing file would be.
      if (matches.length === 0) groups.push([{ name: arg, path: arg, outRel: arg.replace(/[*?{}]/gu, "_"), absolute: null }]);
      else groups.push(matches.map((m) => ({ ...m, absolute: resolve(m.path!) })));
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
  return { items, batch, notes };
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

/** Files matching a glob (braces expanded), restricted to supported extensions, sorted. */
async function expandGlob(pattern: string, notes: string[]): Promise<InputItem[]> {
  const found = new Map<string, InputItem>();
  for (const expanded of expandBraces(pattern)) {
    const { base, segments } = splitGlob(expanded);
    if (segments.length === 0) continue;
    const info = await stat(base).catch(() => null);
    if (!info?.isDirectory()) continue;
    const recursive = segments.includes("**");
    const files = await walkForGlob(base, recursive ? Infinity : segments.length, segments, notes);
    for (const rel of files) {
      const path = join(base, ...rel);
      if (!found.has(path)) found.set(path, { name: path, path, outRel: rel.join("/") });
    }
  }
  return [...found.values()].sort((a, b) => compareSegments(a.outRel.split("/"), b.outRel.split("/")));
}

async function walkForGlob(base: string, maxDepth: number, pattern: string[], notes: string[]): Promise<string[][]> {
  const out: string[][] = [];
  const visited = new Set<string>();
  // Hidden names match only a pattern segment that spells the dot, as in shells.
  const showHidden = pattern.some((s) => s.startsWith("."));
  const walk = async (segments: string[]): Promise<void> => {
    const folder = join(base, ...segments);
    const entries = await readFolderOnce(folder, visited, notes);
    if (!entries) return;
    for (const entry of entries) {
      if (entry.name.startsWith(".") && !showHidden) continue;
      const { isDir, isFile } = await kindOf(folder, entry);
      const rel = [...segments, entry.name];
      if (isDir && rel.length < maxDepth) await walk(rel);
      else if (isFile && SUPPORTED.has(extname(entry.name).toLowerCase()) && matchPath(pattern, rel)) out.push(rel);
    }
  };
  await walk([]);
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
