import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * The model folder the system's Tesseract reads (native-tesseract.ts). Distributions ship small
 * "fast" models (Debian's vie: 531 KB), which read the annotated scans markedly worse (52 fields
 * of 64 against 58, docs/ocr.md); tesseract.js's model packages hold the standard ones. So when
 * `TESSDATA_PREFIX` does not name a folder and the npm packages are installed, their models are
 * unzipped once into a folder of the temp directory named by their content, and Tesseract reads
 * those. Written to a temporary name and renamed, so processes and threads starting together
 * never read a half-written model.
 */

/** Paths of the gzipped models (`<code>.traineddata.gz`), in the order of the language codes. */
export function prepareModelFolder(gzipped: readonly string[], codes: readonly string[]): string {
  const hash = createHash("sha256");
  const data = gzipped.map((file) => readFileSync(file));
  for (const bytes of data) hash.update(bytes);
  const dir = join(tmpdir(), `vanban-tessdata-${hash.digest("hex").slice(0, 16)}`);
  mkdirSync(dir, { recursive: true });
  codes.forEach((code, i) => {
    const target = join(dir, `${code}.traineddata`);
    if (existsSync(target)) return;
    // Unique per writer: worker threads of one process share its pid.
    const temp = `${target}.${randomUUID()}.tmp`;
    writeFileSync(temp, gunzipSync(data[i]));
    renameSync(temp, target);
  });
  return dir;
}
