#!/usr/bin/env node
/**
 * Regex audit: finds every regular expression in src/ (literals, `new RegExp` of a template that
 * interpolates only the lexicon's letter classes, and the RegExp objects that the pattern modules
 * export, which are composed at run time) and times each on adversarial
 * strings of 1,000 and 4,000 characters. Linear matching grows ~4×; a pattern is reported when
 * it grows more than 8× and takes over 15 ms (polynomial backtracking), or does not finish in
 * 10 s (exponential). Each pattern runs in its own worker thread so a runaway one is stopped.
 *   node bench/audit-regexes.mjs            (after npm ci; uses typescript and tsx)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import ts from "typescript";
import { tsImport } from "tsx/esm/api";
import { ROOT } from "./lib/measure.mjs";

/** Modules whose exported RegExp objects are built from pieces (String.raw templates). */
const COMPOSED = [
  "src/extract/citations/patterns.ts",
  "src/extract/targets/patterns.ts",
  "src/lexicon/issuer-words.ts",
  "src/lexicon/closing-marks.ts",
  "src/lexicon/person-titles.ts",
  "src/lexicon/document-types.ts",
  "src/lexicon/section-markers.ts",
  "src/lexicon/dates.ts",
  "src/lexicon/document-number.ts",
];

const PIECES = [" ", "\t", "\n", "a", "A", "Ạ", "\u0301", "a\u0301", "1", "1.", "1,", "1/", "1-", "1 ", "- ", "a) ", "I. ", "(1)", "*", "..", ". ", ", ", "/", "-", "_", "%",
  "Quyết định số 1/ 2/ 3- ", "CỘNG HÒA ", "số ", "ngày 1 tháng 2 năm ", "4.014,89 ", "Điều 1 ", "khoản 1 ", "tỷ đồng ", "UBND-", "QĐ-UBND ", "V/v ", "<sup>1", "Nghị định số ", "đạt "];

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const pieces = workerData.pieces;
const slow = [];
for (const piece of pieces) {
  const times = [];
  for (const n of [1000, 4000]) {
    const s = piece.repeat(Math.ceil(n / piece.length)) + "\\u0000!";
    const re = new RegExp(workerData.source, workerData.flags.includes("g") || workerData.flags.includes("y") ? workerData.flags.replace("y", "") + (workerData.flags.includes("g") ? "" : "g") : workerData.flags);
    const t = performance.now();
    if (re.global) {
      let m;
      let count = 0;
      while ((m = re.exec(s)) && count++ < 100000) if (m[0] === "") re.lastIndex++;
    } else {
      re.exec(s);
    }
    times.push(performance.now() - t);
  }
  if (times[1] > 15 && times[1] / Math.max(times[0], 0.05) > 8) slow.push({ piece, ms1000: Math.round(times[0]), ms4000: Math.round(times[1]) });
}
parentPort.postMessage(slow);
`;

function tsFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) tsFiles(path, out);
    else if (path.endsWith(".ts")) out.push(path);
  }
  return out;
}

/** The letter classes of lexicon/letters.ts, by name: `new RegExp` calls that interpolate only these are rebuilt here. */
const CLASSES = Object.fromEntries(
  Object.entries(await tsImport(join(ROOT, "src/lexicon/letters.ts"), import.meta.url)).filter(([, value]) => typeof value === "string"),
);

/**
 * The source of `new RegExp(String.raw`…`, "flags")` or `new RegExp(`…`, "flags")` whose template
 * interpolates nothing but the letter classes; null for any other call (composed elsewhere).
 */
function rebuildRegExp(node) {
  const [pattern, flags] = node.arguments ?? [];
  if (!pattern || (flags && !ts.isStringLiteral(flags))) return null;
  const raw = ts.isTaggedTemplateExpression(pattern) && pattern.tag.getText() === "String.raw";
  const template = raw ? pattern.template : pattern;
  const text = (part) => (raw ? part.rawText : part.text);
  let source;
  if (ts.isNoSubstitutionTemplateLiteral(template)) source = text(template);
  else if (ts.isTemplateExpression(template)) {
    source = text(template.head);
    for (const span of template.templateSpans) {
      const value = CLASSES[span.expression.getText()];
      if (value === undefined) return null;
      source += value + text(span.literal);
    }
  } else return null;
  return { source, flags: flags ? flags.text : "" };
}

/** Regex literals and `new RegExp(...)` calls, with file:line. */
function findRegexes() {
  const found = [];
  for (const file of tsFiles(join(ROOT, "src"))) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const where = (node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const end = text.lastIndexOf("/");
        found.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === "RegExp") {
        const rebuilt = rebuildRegExp(node);
        found.push(rebuilt ? { where: where(node), ...rebuilt } : { where: where(node), dynamic: true });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function timeInWorker(pattern) {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { source: pattern.source, flags: pattern.flags, pieces: PIECES } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve("did not finish in 10 s");
    }, 10_000);
    worker.on("message", (slow) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(slow);
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      resolve(`error: ${error.message}`);
    });
  });
}

const patterns = findRegexes();
const literals = patterns.filter((p) => !p.dynamic);
const dynamic = patterns.filter((p) => p.dynamic);
for (const module of COMPOSED) {
  const exports = await tsImport(join(ROOT, module), import.meta.url);
  for (const [name, value] of Object.entries(exports)) {
    if (value instanceof RegExp) literals.push({ where: `${module}#${name}`, source: value.source, flags: value.flags });
  }
}
let flagged = 0;
for (const pattern of literals) {
  const result = await timeInWorker(pattern);
  if (typeof result === "string" || result.length > 0) {
    flagged++;
    process.stdout.write(`${pattern.where}\t/${pattern.source.length > 140 ? `${pattern.source.slice(0, 140)}…` : pattern.source}/${pattern.flags}\n`);
    process.stdout.write(`  ${typeof result === "string" ? result : result.map((r) => `${JSON.stringify(r.piece)}×n: ${r.ms1000} ms → ${r.ms4000} ms`).join("; ")}\n`);
  }
}
process.stdout.write(`\n${patterns.length} regexes in src/ (${dynamic.length} composed with new RegExp from more than the letter classes; the composed pattern modules' exports tested as compiled), ${literals.length} timed, ${flagged} superlinear.\n`);
