import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The data folder is at the package root: 1 level above dist/, 3 above src/<stage>/<unit>/. */
const LEVELS_UP = 5;

/**
 * A file the package ships beside its code (`relative` to the package root, e.g.
 * data/ocr/syllable-bigrams.json.gz), found by walking up from `base`: a module's file URL (ESM)
 * or path (CJS, where `import.meta` is empty). Null when it is not there (vanban bundled into
 * another program without its data folder).
 */
export function findPackageData(base: string, relative: string): string | null {
  let dir = dirname(base.startsWith("file:") ? fileURLToPath(base) : base);
  for (let i = 0; i < LEVELS_UP; i++) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return null;
}
