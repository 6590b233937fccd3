/**
 * Child process: parseText (dist/index.js) on a seed repeated to about N MB.
 *   node bench/lib/text-throughput.mjs text|markdown MB
 * Prints {bytes, ms, mbPerSecond, secondMbPerSecond, ...} as JSON. For Markdown, the floor of the same run: remark
 * alone (unified + remark-parse, and with remark-gfm as the reader uses it) on the same text. For
 * text, the time JSON.parse takes to build the same record from its JSON (recordFromJsonMs), and
 * V8's deserializer from its structured-clone bytes (recordFromV8Ms).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { cpuMs, ROOT } from "./measure.mjs";

const [kind, mbArg] = process.argv.slice(2);
const seedPath = kind === "markdown" ? join(ROOT, "fixtures/seed-000-kontum-bc-markdown/input.md") : join(ROOT, "fixtures/seed-003-kontum-bc-endnotes-text/input.txt");
const seed = readFileSync(seedPath, "utf8");
const target = Number(mbArg) * 1024 * 1024;
const copies = Math.max(1, Math.round(target / Buffer.byteLength(seed)));
const text = Array.from({ length: copies }, () => seed).join(kind === "markdown" ? "\n\n" : "\n\f\n");
const bytes = Buffer.byteLength(text);
const { parseText } = await import(join(ROOT, "dist/index.js"));
// Warm the code paths on one copy first: the figure is the steady state, not JIT start-up.
parseText(seed, { format: kind });
let cpu = cpuMs();
const started = performance.now();
const record = parseText(text, { format: kind });
const ms = performance.now() - started;
const parseCpuMs = cpuMs() - cpu;
// The same text once more: the rate of a process that has already parsed large input (a batch
// worker), reported beside the first parse, which also pays for compiling the code paths that
// only large input reaches.
const again = performance.now();
parseText(text, { format: kind });
const secondMs = performance.now() - again;
const result = { kind, copies, bytes, ms, cpuMs: parseCpuMs, mbPerSecond: bytes / 1048576 / (ms / 1000), secondMs, secondMbPerSecond: bytes / 1048576 / (secondMs / 1000), sections: record.sections.length, citations: record.citations.length, maxRssMb: process.resourceUsage().maxRSS / 1024 };
if (kind === "text") {
  // A floor for the record itself: JSON.parse of its JSON builds the same strings and objects
  // (the text, every span and item), with no reading at all. Timed after both parses, so the
  // heap is as warm as for the second one; `secondMs / recordFromJsonMs` is what the pipeline
  // costs beyond building what it returns.
  const json = JSON.stringify(record);
  let t = performance.now();
  JSON.parse(json);
  result.recordFromJsonMs = performance.now() - t;
  result.recordJsonBytes = Buffer.byteLength(json);
  // A lower floor: V8's deserializer reads tags and lengths, no text syntax (quotes, escapes,
  // numbers in decimal): the cheapest way V8 has to build the same objects and strings.
  const bytes = serialize(record);
  t = performance.now();
  deserialize(bytes);
  result.recordFromV8Ms = performance.now() - t;
}
if (kind === "markdown") {
  const { unified } = await import("unified");
  const remarkParse = (await import("remark-parse")).default;
  const remarkGfm = (await import("remark-gfm")).default;
  const alone = unified().use(remarkParse);
  const withGfm = unified().use(remarkParse).use(remarkGfm);
  alone.parse(seed);
  withGfm.parse(seed);
  cpu = cpuMs();
  let t = performance.now();
  alone.parse(text);
  result.remarkParseMs = performance.now() - t;
  result.remarkParseCpuMs = cpuMs() - cpu;
  cpu = cpuMs();
  t = performance.now();
  withGfm.parse(text);
  result.remarkGfmMs = performance.now() - t;
  result.remarkGfmCpuMs = cpuMs() - cpu;
}
process.stdout.write(`${JSON.stringify(result)}\n`);
