/**
 * Child process: one pathological input through parseText (dist/index.js), timed.
 *   node bench/lib/hostile-growth.mjs near-citations KB | long-word KB | long-capitals KB | deep-markdown blockquote|list|emphasis DEPTH
 */
import { join } from "node:path";
import { tsImport } from "tsx/esm/api";
import { ROOT } from "./measure.mjs";

const [what, a, b] = process.argv.slice(2);
const make = await tsImport(join(ROOT, "tests/hostile/make-fixtures.ts"), import.meta.url);
const { parseText } = await import(join(ROOT, "dist/index.js"));
let text;
let format;
if (what === "near-citations") {
  text = make.makeNearCitationLine(Number(a) * 1024);
  format = "text";
} else if (what === "long-word") {
  text = make.makeLongWord(Number(a) * 1024);
  format = "text";
} else if (what === "long-capitals") {
  text = make.makeLongCapitals(Number(a) * 1024);
  format = "text";
} else {
  text = make.makeDeepMarkdown(a, Number(b));
  format = "markdown";
}
const started = performance.now();
const record = parseText(text, { format });
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ what, a, b, bytes: Buffer.byteLength(text), ms, warnings: [...new Set(record.warnings.map((w) => w.code))] })}\n`);
