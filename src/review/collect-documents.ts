import { readdir, stat } from "node:fs/promises";
import { basename, extname, join, relative, sep } from "node:path";
import { SUPPORTED_EXTENSIONS } from "../detect-format.js";
import { VanbanError } from "../errors.js";
import { CORRECTIONS_SUFFIX } from "./corrections-file.js";

/** The extensions a folder is searched for (what `vanban parse DIR` reads, scans included). */
const DOCUMENT_EXTENSIONS = new Set(SUPPORTED_EXTENSIONS.map((e) => `.${e}`));

export interface ReviewDocument {
  id: number;
  path: string;
  /** Shown in the page: the path under the folder, or the file's name. */
  name: string;
}

/** A file, or every document below a folder (sorted, hidden folders skipped). */
export async function collectDocuments(input: string): Promise<ReviewDocument[]> {
  let info;
  try {
    info = await stat(input);
  } catch (error) {
    throw new VanbanError("not_found", `${input} does not exist.`, { cause: error });
  }
  if (!info.isDirectory()) return [{ id: 0, path: input, name: basename(input) }];
  const paths = (await walk(input)).sort();
  return paths.map((path, id) => ({ id, path, name: relative(input, path).split(sep).join("/") }));
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile() && DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !entry.name.endsWith(CORRECTIONS_SUFFIX)) out.push(path);
  }
  return out;
}
