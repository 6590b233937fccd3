// The corpus survey of issue 11: parses every file of a folder and counts, per element of the
// record, how often it is found and how often it looks wrong (rules in corpus/survey-checks.ts),
// with warning codes by frequency, errors by code and example files per anomaly.
// Usage: npm run survey -- DIR [--ocr] [--json out.json] [--examples N] [--timeout S] [--jobs N] [--max-pages N]
// Not part of the package and not run by `npm test`: it takes minutes on the whole corpus.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseIsolated } from "./corpus/isolated-parser.js";
import { listDocuments } from "./corpus/list-documents.js";
import { markdownTable, percent } from "./corpus/markdown.js";
import { CHECKS } from "./corpus/survey-checks.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ocr: { type: "boolean", default: false },
    json: { type: "string" },
    examples: { type: "string", default: "3" },
    // Generous without OCR (the slowest text file takes seconds); OCR of a long scan takes minutes.
    timeout: { type: "string" },
    jobs: { type: "string", default: "1" },
    "max-pages": { type: "string" },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error("usage: npm run survey -- DIR [--ocr] [--json out.json] [--examples N] [--timeout S] [--jobs N] [--max-pages N]");
  process.exit(2);
}
const exampleCount = Number(values.examples);
const timeoutMs = 1000 * Number(values.timeout ?? (values.ocr ? 600 : 90));
const maxPages = values["max-pages"] ? Number(values["max-pages"]) : null;

/** What the survey keeps of one record: element findings, anomaly codes, warning codes. */
interface FileDigest {
  found: string[];
  anomalies: string[];
  warnings: string[];
  format: string;
  citations: number;
  citationsWithoutSymbol: number;
}

const files = listDocuments(dir);
const started = performance.now();
const outcomes = await parseIsolated(
  files.map((f) => f.path),
  {
    options: () => ({ ocr: values.ocr ? "auto" : "never", ...(maxPages ? { maxPages } : {}) }),
    timeoutMs,
    jobs: Number(values.jobs),
    digest: (r, path): FileDigest => {
      const name = files.find((f) => f.path === path)!.name;
      return {
        found: CHECKS.filter((c) => c.found(r, name)).map((c) => c.element),
        anomalies: CHECKS.flatMap((c) => c.anomalies.filter((a) => a.test(r, name)).map((a) => a.code)),
        warnings: r.warnings.map((w) => w.code),
        format: r.source.format,
        citations: r.citations.filter((c) => !c.self).length,
        citationsWithoutSymbol: r.citations.filter((c) => !c.self && c.symbol === null && c.title === null).length,
      };
    },
    onOutcome: (o, done, total) => {
      if (done % 25 === 0 || done === total) process.stderr.write(`survey: ${done}/${total} files\n`);
      if (!o.ok) process.stderr.write(`survey: ${o.path}: ${o.error.code}: ${o.error.message.slice(0, 200)}\n`);
    },
  },
);
const seconds = (performance.now() - started) / 1000;

// ---- aggregate ----
const parsed = outcomes.flatMap((o, i) => (o.ok ? [{ name: files[i].name, d: o.record, ms: o.ms }] : []));
const failed = outcomes.flatMap((o, i) => (o.ok ? [] : [{ name: files[i].name, ...o.error, ms: o.ms }]));
const examples = (names: string[]): string[] => names.slice(0, exampleCount);

const elements = CHECKS.map((check) => {
  const found = parsed.filter((p) => p.d.found.includes(check.element)).map((p) => p.name);
  const codes = new Set(check.anomalies.map((a) => a.code));
  const wrong = parsed.filter((p) => p.d.anomalies.some((c) => codes.has(c))).map((p) => p.name);
  return { element: check.element, found: found.length, wrong: wrong.length, examples: examples(wrong) };
});
const anomalies = CHECKS.flatMap((check) =>
  check.anomalies.map((a) => {
    const names = parsed.filter((p) => p.d.anomalies.includes(a.code)).map((p) => p.name);
    return { code: a.code, rule: a.rule, files: names.length, examples: examples(names) };
  }),
);
const warnings = new Map<string, { files: Set<string>; count: number }>();
for (const p of parsed) {
  for (const code of p.d.warnings) {
    const w = warnings.get(code) ?? { files: new Set<string>(), count: 0 };
    w.files.add(p.name);
    w.count++;
    warnings.set(code, w);
  }
}
const warningRows = [...warnings.entries()]
  .map(([code, w]) => ({ code, files: w.files.size, count: w.count, examples: examples([...w.files]) }))
  .sort((a, b) => b.files - a.files || a.code.localeCompare(b.code));
const errorsByCode = new Map<string, string[]>();
for (const f of failed) errorsByCode.set(f.code, [...(errorsByCode.get(f.code) ?? []), f.name]);
const slowest = [...parsed].sort((a, b) => b.ms - a.ms).slice(0, 5);
const formats = new Map<string, number>();
for (const p of parsed) formats.set(p.d.format, (formats.get(p.d.format) ?? 0) + 1);
const citations = parsed.reduce((n, p) => n + p.d.citations, 0);
const citationsWithoutSymbol = parsed.reduce((n, p) => n + p.d.citationsWithoutSymbol, 0);

// ---- print ----
const n = parsed.length;
const out: string[] = [];
out.push(
  `Survey of ${dir}: ${files.length} files, ${n} parsed, ${failed.length} errors; OCR ${values.ocr ? "on" : "off"}; ` +
    `${seconds.toFixed(0)} s (${Number(values.jobs)} job(s), time guard ${timeoutMs / 1000} s per file).`,
  `Formats read: ${[...formats.entries()].map(([f, c]) => `${f} ${c}`).join(", ")}.`,
  "",
  markdownTable(
    ["element", "found", "looks wrong", "examples"],
    elements.map((e) => [e.element, `${e.found} (${percent(e.found, n)})`, `${e.wrong} (${percent(e.wrong, n)})`, e.examples.join(", ")]),
  ),
  "",
  `"looks wrong" counts parsed files with at least one anomaly of that element (below), as a share of all parsed files. ` +
    `Citations: ${citations} (not self), ${citationsWithoutSymbol} with neither symbol nor title.`,
  "",
  markdownTable(
    ["anomaly", "files", "rule", "examples"],
    anomalies.map((a) => [a.code, a.files, a.rule, a.examples.join(", ")]),
  ),
  "",
  markdownTable(
    ["warning code", "files", "times", "examples"],
    warningRows.map((w) => [w.code, w.files, w.count, w.examples.join(", ")]),
  ),
  "",
  failed.length === 0
    ? "Errors: none."
    : markdownTable(
        ["error code", "files", "examples"],
        [...errorsByCode.entries()].map(([code, names]) => [code, names.length, examples(names).join(", ")]),
      ),
  "",
  `Slowest: ${slowest.map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)} s`).join("; ")}.`,
);
console.log(out.join("\n"));

if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        dir,
        date: new Date().toISOString(),
        ocr: values.ocr,
        seconds: Math.round(seconds),
        files: files.length,
        parsed: n,
        elements,
        anomalies,
        warnings: warningRows,
        errors: failed,
        perFile: parsed.map((p) => ({ name: p.name, ms: p.ms, ...p.d })),
      },
      null,
      2,
    ),
  );
}
