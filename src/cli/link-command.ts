/**
 * `vanban link`: the citation graph of a corpus and the plan-versus-report reconciliation,
 * written as files under --out. Input is a JSON Lines file of records, a folder of record .json
 * files, or a folder of documents (parsed here one at a time; the parallel batch pool is the
 * `parse` command's).
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { isVanbanError, parse } from "../index.js";
import {
  LinkableRecordSchema,
  linkCorpus,
  renderCitationsCsv,
  renderGraphml,
  renderMermaid,
  renderReconciliationCsv,
  type LinkableRecord,
} from "../link/index.js";

export const LINK_HELP = `Usage: vanban link <records.jsonl | folder of records | folder of documents> --out <dir> [options]

Links a corpus: resolves every citation to the corpus document it names, reads the kind of each
relation (căn cứ, thực hiện, sửa đổi, thay thế, bãi bỏ, báo cáo/trả lời, kèm theo) and matches the
targets of plans with the results of the reports on them.

Input:
  records.jsonl         One record per line, as printed by "vanban parse --jsonl" (error lines skipped).
  <dir>                 Every .json record below it (as written by "vanban parse --out"); if it holds
                        none, every document below it (.pdf .docx .doc .md .txt) is parsed first.

Options:
  -o, --out <dir>       Where to write (required): graph.json, graph.graphml, graph.mmd (small
                        graphs), citations.csv, summary.json, reconciliation.json, reconciliation.csv.
  --top <n>             Length of the most-cited lists in the summary (default 10).
  --min-similarity <x>  Least indicator similarity (0–1) for a result to answer a target (default 0.35).
  --mermaid-max <n>     Largest graph drawn as Mermaid (default 60 documents).

Exit codes: 0 done; 1 done, but some inputs could not be read (listed on stderr); 2 usage error.`;

const DOCUMENT_EXTENSIONS = new Set([".pdf", ".docx", ".doc", ".md", ".markdown", ".txt", ".text"]);

interface LinkArgs {
  input: string;
  out: string;
  top: number;
  minSimilarity: number;
  mermaidMax: number;
}

function readArgs(args: string[]): LinkArgs | string {
  let input: string | null = null;
  let out: string | null = null;
  let top = 10;
  let minSimilarity = 0.35;
  let mermaidMax = 60;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | null => (i + 1 < args.length ? args[++i] : null);
    if (a === "-o" || a === "--out") out = value();
    else if (a === "--top") top = Number(value());
    else if (a === "--min-similarity") minSimilarity = Number(value());
    else if (a === "--mermaid-max") mermaidMax = Number(value());
    else if (a.startsWith("-")) return `unknown option ${a}`;
    else if (input === null) input = a;
    else return `link takes one input (got ${input} and ${a})`;
  }
  if (input === null) return "link needs an input: records.jsonl or a folder";
  if (out === null) return "link needs --out <dir>";
  if (!Number.isInteger(top) || top < 1) return "--top takes a positive whole number";
  if (!(minSimilarity >= 0 && minSimilarity <= 1)) return "--min-similarity takes a number between 0 and 1";
  if (!Number.isInteger(mermaidMax) || mermaidMax < 1) return "--mermaid-max takes a positive whole number";
  return { input, out, top, minSimilarity, mermaidMax };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => (d.isDirectory() ? listFiles(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : []));
}

/** A parsed line or file: a record, or null with the reason on stderr. */
function toRecord(value: unknown, where: string, problems: string[]): LinkableRecord | null {
  if (typeof value === "object" && value !== null && "error" in value) {
    problems.push(`${where}: a failed parse, skipped`);
    return null;
  }
  const checked = LinkableRecordSchema.safeParse(value);
  if (!checked.success) {
    problems.push(`${where}: not a vanban record (${checked.error.issues[0]?.message ?? "invalid"}), skipped`);
    return null;
  }
  return value as LinkableRecord;
}

function readJsonl(path: string, problems: string[]): LinkableRecord[] {
  const out: LinkableRecord[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (line.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        // User input, not our code: a broken line is reported and skipped.
        problems.push(`${path}:${i + 1}: ${(error as Error).message}, skipped`);
        return;
      }
      const r = toRecord(value, `${path}:${i + 1}`, problems);
      if (r) out.push(r);
    });
  return out;
}

function readJsonFile(path: string, problems: string[]): LinkableRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    problems.push(`${path}: ${(error as Error).message}, skipped`);
    return [];
  }
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v, i) => toRecord(v, values.length > 1 ? `${path}[${i}]` : path, problems) ?? []);
}

async function parseDocuments(root: string, files: string[], problems: string[]): Promise<LinkableRecord[]> {
  const out: LinkableRecord[] = [];
  for (const file of files) {
    try {
      const record = await parse(file);
      record.source.name = relative(root, file);
      out.push(record);
    } catch (error) {
      // Unreadable documents are typed errors: reported and skipped; anything else is a bug and propagates.
      if (!isVanbanError(error)) throw error;
      problems.push(`${file}: ${error.code}: ${error.message}`);
    }
  }
  return out;
}

async function loadRecords(input: string, problems: string[]): Promise<LinkableRecord[]> {
  const stat = statSync(input);
  if (!stat.isDirectory()) {
    const ext = extname(input).toLowerCase();
    return ext === ".jsonl" || ext === ".ndjson" ? readJsonl(input, problems) : readJsonFile(input, problems);
  }
  const files = listFiles(input);
  const records = files.filter((f) => f.endsWith(".json") && !f.endsWith(".error.json"));
  if (records.length > 0) return records.flatMap((f) => readJsonFile(f, problems));
  const jsonl = files.filter((f) => f.endsWith(".jsonl"));
  if (jsonl.length > 0) return jsonl.flatMap((f) => readJsonl(f, problems));
  return parseDocuments(input, files.filter((f) => DOCUMENT_EXTENSIONS.has(extname(f).toLowerCase())), problems);
}

/** Runs `vanban link`; returns the exit code. */
export async function runLinkCommand(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`${LINK_HELP}\n`);
    return 0;
  }
  const parsed = readArgs(args);
  if (typeof parsed === "string") {
    process.stderr.write(`vanban: usage: ${parsed}\n${LINK_HELP}\n`);
    return 2;
  }
  let isInput = false;
  try {
    isInput = statSync(parsed.input).isFile() || statSync(parsed.input).isDirectory();
  } catch (error) {
    // A missing path is the user's: said plainly, not as a stack.
    process.stderr.write(`vanban: not_found: ${parsed.input}: ${(error as Error).message}\n`);
    return 2;
  }
  if (!isInput) {
    process.stderr.write(`vanban: usage: ${parsed.input} is neither a file nor a folder\n`);
    return 2;
  }
  const problems: string[] = [];
  const records = await loadRecords(parsed.input, problems);
  for (const p of problems) process.stderr.write(`vanban: ${p}\n`);
  if (records.length === 0) {
    process.stderr.write(`vanban: no records found in ${parsed.input}\n`);
    return problems.length > 0 ? 1 : 2;
  }

  const links = linkCorpus(records, { top: parsed.top, minSimilarity: parsed.minSimilarity });
  mkdirSync(parsed.out, { recursive: true });
  const write = (name: string, content: string): void => writeFileSync(join(parsed.out, name), content);
  const { nodes, edges, unresolved, ambiguous, summary, reconciliation } = links;
  write("graph.json", `${JSON.stringify({ nodes, edges, unresolved, ambiguous }, null, 1)}\n`);
  write("graph.graphml", renderGraphml(links));
  const mermaid = renderMermaid(links, parsed.mermaidMax);
  if (mermaid !== null) write("graph.mmd", mermaid);
  write("citations.csv", renderCitationsCsv(links));
  write("summary.json", `${JSON.stringify(summary, null, 1)}\n`);
  write("reconciliation.json", `${JSON.stringify(reconciliation, null, 1)}\n`);
  write("reconciliation.csv", renderReconciliationCsv(reconciliation));

  const rows = reconciliation.targets;
  process.stderr.write(
    `vanban link: ${summary.records} records, ${summary.nodes} documents; ${summary.citations} citations: ` +
      `${summary.resolved} resolved, ${summary.ambiguous} ambiguous, ${summary.unresolved} not in the corpus; ` +
      `${rows.length} targets, ${rows.filter((t) => t.status !== "no_data").length} with a reported result; ` +
      `${summary.citingSuperseded.length} citations of a replaced or repealed document. ` +
      `Written to ${parsed.out}${mermaid === null ? ` (graph too large for Mermaid: > ${parsed.mermaidMax} documents)` : ""}.\n`,
  );
  return problems.length > 0 ? 1 : 0;
}
