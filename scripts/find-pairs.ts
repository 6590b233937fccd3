// Format pairs as oracles (issue 11): finds documents present in more than one file of a folder
// (a .doc/.docx draft and the signed PDF) and compares their records field by field.
// Two files are a pair when their records have the same number, symbol and date (all printed),
// or when their texts are near-identical: Jaccard ≥ --min (0.8) of word 5-gram shingles of the
// first 3000 characters; across dossier folders ≥ --min-across (0.9), because the forms one
// office fills for each association (phiếu trình, quyết định drafts) share 80–86% of their shingles
// with blank numbers and dates, while a draft and its signed file score 0.86–0.98. Pairs whose printed numbers or dates differ are versions or template
// siblings (monthly reports, one letter per association), not one document: listed, not compared.
// Byte-identical copies (same sha256) are counted apart: they cannot disagree.
// Usage: npm run pairs -- DIR [--min 0.8] [--min-across 0.9] [--json out.json] [--timeout S] [--jobs N]
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseIsolated } from "./corpus/isolated-parser.js";
import { listDocuments } from "./corpus/list-documents.js";
import { markdownTable, percent } from "./corpus/markdown.js";
import { BLANK_IN_DRAFTS, PAIR_FIELDS, pairFields } from "./corpus/pair-fields.js";
import { jaccard, shingles } from "./corpus/shingles.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    min: { type: "string", default: "0.8" },
    "min-across": { type: "string", default: "0.9" },
    json: { type: "string" },
    timeout: { type: "string", default: "90" },
    jobs: { type: "string", default: "1" },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error("usage: npm run pairs -- DIR [--min 0.8] [--min-across 0.9] [--json out.json] [--timeout S] [--jobs N]");
  process.exit(2);
}
const minJaccard = Number(values.min);
const minAcross = Number(values["min-across"]);

const files = listDocuments(dir);
const outcomes = await parseIsolated(
  files.map((f) => f.path),
  {
    options: () => ({ ocr: "never" }),
    timeoutMs: 1000 * Number(values.timeout),
    jobs: Number(values.jobs),
    digest: (r) => ({ fields: pairFields(r), shingles: shingles(r.text), sha256: r.source.sha256, format: r.source.format }),
    onOutcome: (o, done, total) => {
      if (done % 50 === 0 || done === total) process.stderr.write(`pairs: ${done}/${total} files parsed\n`);
      if (!o.ok) process.stderr.write(`pairs: ${o.path}: ${o.error.code}: ${o.error.message.slice(0, 200)}\n`);
    },
  },
);
const docs = outcomes.flatMap((o, i) => (o.ok ? [{ ...o.record, file: files[i] }] : []));

interface Pair {
  a: (typeof docs)[number];
  b: (typeof docs)[number];
  how: string;
  similarity: number;
}
const pairs: Pair[] = [];
let identicalCopies = 0;
for (let i = 0; i < docs.length; i++) {
  for (let j = i + 1; j < docs.length; j++) {
    const [a, b] = [docs[i], docs[j]];
    const sameNumber =
      a.fields.number !== null && a.fields.symbol !== null && a.fields.date !== null &&
      a.fields.number === b.fields.number && a.fields.symbol === b.fields.symbol && a.fields.date === b.fields.date;
    const similarity = jaccard(a.shingles, b.shingles);
    const threshold = a.file.dossier === b.file.dossier ? minJaccard : minAcross;
    if (!sameNumber && similarity < threshold) continue;
    if (a.sha256 === b.sha256) {
      identicalCopies++;
      continue;
    }
    const where = a.file.dossier === b.file.dossier ? "same dossier" : "across dossiers";
    pairs.push({ a, b, similarity, how: `${sameNumber ? (similarity >= threshold ? "number+date, text" : "number+date") : "text"}, ${where}` });
  }
}
const conflicts = (p: Pair): Array<"number" | "date"> =>
  (["number", "date"] as const).filter((k) => p.a.fields[k] !== null && p.b.fields[k] !== null && p.a.fields[k] !== p.b.fields[k]);
const same = pairs.filter((p) => conflicts(p).length === 0);
const siblings = pairs.filter((p) => conflicts(p).length > 0);

const agreement = PAIR_FIELDS.map((field) => {
  let agree = 0;
  let blank = 0;
  const differ: Array<{ a: string; b: string; va: string | null; vb: string | null }> = [];
  for (const p of same) {
    const [va, vb] = [p.a.fields[field], p.b.fields[field]];
    if (va === vb) agree++;
    else if (BLANK_IN_DRAFTS.has(field) && (va === null || vb === null)) blank++;
    else differ.push({ a: p.a.file.name, b: p.b.file.name, va, vb });
  }
  return { field, agree, blank, differ };
});

const out: string[] = [];
out.push(
  `Pairs in ${dir}: ${docs.length} of ${files.length} files parsed; ${pairs.length} pairs found (${same.length} of one document, ` +
    `${siblings.length} versions/template siblings with different printed numbers or dates); ` +
    `${identicalCopies} byte-identical copies left out.`,
  "",
  markdownTable(
    ["field", "agree", "differ", "blank in one (draft)", "agreement"],
    agreement.map((f) => [f.field, f.agree, f.differ.length, BLANK_IN_DRAFTS.has(f.field) ? f.blank : "–", percent(f.agree, f.agree + f.differ.length)]),
  ),
  "",
  "Agreement = agree / (agree + differ). Pairs of one document:",
  "",
  markdownTable(
    ["file A", "file B", "found by", "text Jaccard"],
    same.map((p) => [`${p.a.file.name} (${p.a.format})`, `${p.b.file.name} (${p.b.format})`, p.how, p.similarity.toFixed(2)]),
  ),
  "",
  "Disagreements (A value ⟷ B value):",
);
for (const f of agreement) {
  for (const d of f.differ) out.push(`- ${f.field}: ${d.a}: ${JSON.stringify(d.va)} ⟷ ${d.b}: ${JSON.stringify(d.vb)}`);
}
out.push(
  "",
  "Versions / template siblings (not compared):",
  ...siblings.map((p) => `- ${p.a.file.name} ⟷ ${p.b.file.name} (${conflicts(p).map((k) => `${k} ${p.a.fields[k]} ≠ ${p.b.fields[k]}`).join(", ")}; Jaccard ${p.similarity.toFixed(2)})`),
);
console.log(out.join("\n"));

if (values.json) {
  const slim = (p: Pair) => ({ a: p.a.file.name, b: p.b.file.name, how: p.how, similarity: Number(p.similarity.toFixed(3)), a_fields: p.a.fields, b_fields: p.b.fields });
  writeFileSync(
    values.json,
    JSON.stringify({ dir, date: new Date().toISOString(), minJaccard, minAcross, identicalCopies, pairs: same.map(slim), siblings: siblings.map(slim), agreement }, null, 2),
  );
}
