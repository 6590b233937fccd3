/**
 * Child process: what a script pays that imports vanban as a library and parses one document —
 * `import "vanban"` (dist/index.js), then parse() of FILE and the record's JSON; with
 * `--import-only`, the import alone. Imports nothing else (bench/lib/measure.mjs would load
 * child_process into the measured process).
 *   node bench/lib/library-start.mjs FILE [--import-only]
 * VANBAN_DIST names another build's folder (bench/ab.mjs), dist/ by default.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [file, only] = process.argv.slice(2);
const dist = process.env.VANBAN_DIST ? pathToFileURL(`${process.env.VANBAN_DIST}/`) : new URL("../../dist/", import.meta.url);
const { parse } = await import(new URL("index.js", dist).href);
if (only !== "--import-only") JSON.stringify(await parse(readFileSync(file), { name: file }));
