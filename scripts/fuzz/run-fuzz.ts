/**
 * `npm run fuzz -- --seed S --count N [--families a,b] [--timeout s] [--max-memory 1G] [--no-measure] [--keep]`
 * Damages the fixtures (scripts/fuzz/mutations.ts), runs the CLI batch over them, checks the
 * contract, then (unless --no-measure) parses each input alone under /usr/bin/time for the
 * worst time and memory per family. Exit 1 when the contract is broken. Uses dist/ (npm run
 * fuzz builds first).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { checkBatch, makeInputs, ROOT } from "./campaign.js";
import { FAMILY_NAMES } from "./mutations.js";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    count: { type: "string", default: "100" },
    families: { type: "string" },
    timeout: { type: "string", default: "60" },
    "max-memory": { type: "string", default: "1G" },
    measure: { type: "boolean", default: true },
    keep: { type: "boolean", default: false },
  },
  allowNegative: true,
});
const BIN = join(ROOT, "bin", "vanban.js");
const families = values.families?.split(",") ?? FAMILY_NAMES;
const dir = mkdtempSync(join(tmpdir(), "vanban-fuzz-"));
const inputs = makeInputs(Number(values.seed), Number(values.count), dir, families);
const limits = ["--timeout", values.timeout!, "--max-memory", values["max-memory"]!];
console.log(`fuzz: seed ${values.seed}, ${inputs.length} inputs in ${dir}`);

const started = Date.now();
const batch = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
  const child = spawn(process.execPath, [BIN, "parse", dir, "--jsonl", ...limits], { stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  let err = "";
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
  child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: err }));
});
const names = inputs.map((i) => basename(i.file)).sort();
const report = checkBatch(batch.stdout, batch.code, names);
console.log(`batch: exit ${batch.code}, ${((Date.now() - started) / 1000).toFixed(1)} s; ${batch.stderr.trim().split("\n").at(-1)}`);
console.log(`codes: ${[...report.codes].map(([c, n]) => `${c} ${n}`).join(", ")}`);

if (values.measure) {
  const time = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  const worst = new Map<string, { seconds: number; mb: number; n: number; slowest: string; largest: string }>();
  for (const input of inputs) {
    const t0 = Date.now();
    const args = time ? ["-f", "%e %M", process.execPath, BIN, "parse", input.file, "--jsonl", ...limits] : [BIN, "parse", input.file, "--jsonl", ...limits];
    const run = spawnSync(time ?? process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 30 });
    const seconds = (Date.now() - t0) / 1000;
    const mb = time ? Number(run.stderr.trim().split("\n").at(-1)?.split(" ")[1] ?? 0) / 1024 : 0;
    const w = worst.get(input.family) ?? { seconds: 0, mb: 0, n: 0, slowest: "", largest: "" };
    w.n++;
    if (seconds > w.seconds) Object.assign(w, { seconds, slowest: basename(input.file) });
    if (mb > w.mb) Object.assign(w, { mb, largest: basename(input.file) });
    worst.set(input.family, w);
  }
  console.log("family               inputs  worst s  (input)                                   worst MB (largest process)");
  for (const [family, w] of [...worst].sort()) {
    console.log(`${family.padEnd(20)} ${String(w.n).padStart(6)}  ${w.seconds.toFixed(1).padStart(7)}  ${w.slowest.slice(0, 40).padEnd(40)}  ${w.mb.toFixed(0).padStart(7)}`);
  }
}
for (const problem of report.problems) console.log(`PROBLEM ${problem}`);
console.log(report.problems.length === 0 ? "contract: kept" : `contract: ${report.problems.length} problems`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
process.exitCode = report.problems.length === 0 ? 0 : 1;
