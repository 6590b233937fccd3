/**
 * Writes dist/pdfjs-<version>/pdf.worker.mjs (or DIR/pdfjs-<version>/…): the installed pdf.js's
 * worker (legacy build) with src/sources/pdf/worker-patches.ts applied. Run by `npm run build`
 * after tsup; the tests' own builds name their folder.
 *   npx tsx scripts/build-pdfjs-worker.ts [DIR]
 * Fails when a patch no longer applies (a pdfjs-dist upgrade): the patch is then to be rewritten
 * or dropped, not silently lost. The file name keeps "pdf.worker.mjs": the reader recognises
 * pdf.js's frames in stacks by it (contain-rejections.ts, sync-inflate.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { patchWorkerSource, WORKER_PATCHES } from "../src/sources/pdf/worker-patches.js";

const ROOT = join(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve("pdfjs-dist/package.json"));
const { version } = JSON.parse(readFileSync(join(pdfjsRoot, "package.json"), "utf8")) as { version: string };
const stock = readFileSync(join(pdfjsRoot, "legacy/build/pdf.worker.mjs"), "utf8");

const names = WORKER_PATCHES.map((p) => p.name);
const { source, missing } = patchWorkerSource(stock);
if (missing.length > 0) {
  process.stderr.write(`build-pdfjs-worker: pdfjs-dist ${version}: these patches no longer apply: ${missing.join(", ")} (src/sources/pdf/worker-patches.ts)\n`);
  process.exit(1);
}
// Apache-2.0 §4(b): a modified file says so. The source map beside the stock file does not fit this one.
const notice = `/* pdf.js ${version} (pdfjs-dist/legacy/build/pdf.worker.mjs), modified by vanban: ${names.join("; ")}. See src/sources/pdf/worker-patches.ts. */\n`;
const out = join(process.argv[2] ?? join(ROOT, "dist"), `pdfjs-${version}`, "pdf.worker.mjs");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, notice + source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/u, "\n"));
process.stdout.write(`build-pdfjs-worker: ${relative(process.cwd(), out)} (${names.join(", ")})\n`);
