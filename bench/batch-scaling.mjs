#!/usr/bin/env node
/**
 * One-machine scaling of `vanban parse`: `-j 1` against `-j N` on the fixtures, beside the
 * machine's own ceiling measured in the same run (N busy processes against one), so a loaded or
 * throttled machine shows as a low ceiling rather than as a slow vanban. Not part of npm test.
 *
 *   npm run build && node bench/batch-scaling.mjs [--jobs N] [--rounds R] [--copies K] [--only out|jsonl] [--ocr never] [--dir DIR]
 *
 * Prints one JSON object: per mode (`--out DIR`, JSON Lines on stdout) the median wall time at
 * -j 1 and -j N, the speed-up, the ceiling and speed-up / ceiling (the goal: ≥ 0.9);
 * under --out also the workload ceiling: N independent `-j 1` runs of the same inputs at once
 * against one (what splitting the files by hand between N processes gets from this machine);
 * under --out also the longest single document and the speed-up that whole-document
 * scheduling can attain at best (one long scan bounds it: see docs/scale.md, per-page OCR).
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const JOBS = Number(option("jobs", os.availableParallelism()));
const ROUNDS = Number(option("rounds", 3));
const COPIES = Number(option("copies", 1));
const ONLY = option("only", null);
/** `--ocr never` leaves the scans' OCR out (it dominates the fixtures' time at -j 1). */
const OCR = option("ocr", null) === null ? [] : ["--ocr", option("ocr", null)];
const CLI = join(ROOT, "bin", "vanban.js");
if (!existsSync(join(ROOT, "dist", "cli.js"))) {
  process.stderr.write("bench: dist/ is missing: run `npm run build` first\n");
  process.exit(2);
}

/** `--dir DIR`: that folder's files as they are (the corpus: ../shared/corpus/lamdong), in place of the fixtures. */
const DIR = option("dir", null);

/** Every fixture input (PDF with and without text layer, scans, DOCX, DOC, Markdown, text), K copies each. */
function stageInputs() {
  if (DIR !== null) return { dir: DIR, count: readdirSync(DIR).filter((f) => /\.(pdf|docx|doc|md|txt)$/iu.test(f)).length, staged: false };
  const dir = mkdtempSync(join(os.tmpdir(), "vanban-scaling-"));
  const fixtures = join(ROOT, "fixtures");
  let count = 0;
  for (const name of readdirSync(fixtures).sort()) {
    const folder = join(fixtures, name);
    if (!statSync(folder).isDirectory()) continue;
    const entries = readdirSync(folder);
    for (const file of entries.filter((f) => /^input\.(pdf|docx|doc|md|txt)$/u.test(f))) {
      for (let k = 0; k < COPIES; k++) {
        copyFileSync(join(folder, file), join(dir, `${name}-${k}.${file.split(".").pop()}`));
        count++;
      }
    }
  }
  return { dir, count, staged: true };
}

/** CPU time (ms) of this process's ended children and their own ended children (Linux /proc; null elsewhere). */
function childrenCpuMs() {
  if (!existsSync("/proc/self/stat")) return null;
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  // cutime and cstime, fields 16 and 17 of stat(5), in clock ticks (100 a second on Linux).
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

/** Runs a command to its end; resolves with the wall time in ms and the cores it kept busy on average. */
function timed(command, commandArgs, stdout = "ignore") {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const cpuBefore = childrenCpuMs();
    const child = spawn(command, commandArgs, { stdio: ["ignore", stdout, "ignore"] });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const cpuAfter = childrenCpuMs();
      resolve({ ms, code, cores: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / ms });
    });
  });
}

/** A fixed amount of CPU work (a second or two of one core): the same loop in every process. */
const SPIN = "let x=0;for(let i=0;i<5e7;i++){x=(x+i*7)%1000003}if(x<0)console.log(x)";

/** Ceiling: N processes doing one unit of work each, against one process doing one unit. */
async function measureCeiling() {
  const one = await timed(process.execPath, ["-e", SPIN]);
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: JOBS }, () => timed(process.execPath, ["-e", SPIN])));
  const many = Number(process.hrtime.bigint() - started) / 1e6;
  return (JOBS * one.ms) / many;
}

/**
 * Workload ceiling: N independent `vanban parse -j 1` of the same inputs at once, against one
 * alone (`singleMs`). A busy loop measures the cores; this measures the cores on this work,
 * where one -j 1 process already keeps more than one core busy (V8's helper threads) and the
 * processes share caches and memory bandwidth. The batch's own losses are what it misses of this.
 */
async function measureWorkloadCeiling(dir, mode, singleMs) {
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: JOBS }, () => runBatch(dir, 1, mode)));
  return (JOBS * singleMs) / (Number(process.hrtime.bigint() - started) / 1e6);
}

/**
 * Wall time of one batch; under --out also the longest single document, read from the files'
 * completion times (at -j 1 documents finish one after another): no schedule can beat it.
 */
async function runBatch(dir, jobs, mode) {
  const out = mode === "out" ? mkdtempSync(join(os.tmpdir(), "vanban-scaling-out-")) : null;
  const cliArgs = [CLI, "parse", dir, "-j", String(jobs), "--quiet", "--timeout", "600", ...OCR, ...(out ? ["--out", out] : [])];
  const started = Date.now();
  const run = await timed(process.execPath, cliArgs, "ignore");
  let longestMs = null;
  if (out) {
    const done = readdirSync(out).map((f) => statSync(join(out, f)).mtimeMs).sort((a, b) => a - b);
    longestMs = Math.max(...done.map((t, i) => t - (i === 0 ? started : done[i - 1])));
    rmSync(out, { recursive: true, force: true });
  }
  if (run.code !== 0 && run.code !== 1) throw new Error(`vanban parse exited ${run.code}`);
  return { ms: run.ms, longestMs, cores: run.cores };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

const { dir, count, staged } = stageInputs();
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.availableParallelism(),
  jobs: JOBS,
  inputs: count,
  rounds: ROUNDS,
  loadAverageAtStart: os.loadavg().map((l) => round(l)),
  modes: {},
};
try {
  for (const mode of ["out", "jsonl"].filter((m) => ONLY === null || m === ONLY)) {
    const one = [];
    const many = [];
    const ceilings = [];
    // Interleaved, so a change in the machine's load touches every figure alike.
    const longest = [];
    const oneCores = [];
    const manyCores = [];
    const workloadCeilings = [];
    for (let r = 0; r < ROUNDS; r++) {
      const ceilingBefore = await measureCeiling();
      const single = await runBatch(dir, 1, mode);
      one.push(single.ms);
      oneCores.push(single.cores);
      if (single.longestMs !== null) longest.push(single.longestMs);
      const parallel = await runBatch(dir, JOBS, mode);
      many.push(parallel.ms);
      manyCores.push(parallel.cores);
      // The ceiling around each pair (before and after, averaged): the load moves between runs.
      ceilings.push((ceilingBefore + (await measureCeiling())) / 2);
      if (mode === "out") workloadCeilings.push(await measureWorkloadCeiling(dir, mode, single.ms));
      const workload = mode === "out" ? `, workload ceiling ${round(workloadCeilings.at(-1))}×` : "";
      process.stderr.write(`bench: ${mode} round ${r + 1}/${ROUNDS}: -j 1 ${round(one.at(-1) / 1000)} s, -j ${JOBS} ${round(many.at(-1) / 1000)} s, ceiling ${round(ceilings.at(-1))}×${workload}\n`);
    }
    const speedup = median(one) / median(many);
    const ceiling = median(ceilings);
    results.modes[mode] = {
      j1Seconds: round(median(one) / 1000),
      jNSeconds: round(median(many) / 1000),
      speedup: round(speedup),
      ceiling: round(ceiling),
      ofCeiling: round(speedup / ceiling),
      // Per round (speed-up / that round's ceiling), then the median: less sensitive to load swings.
      ofCeilingPerRound: round(median(one.map((t, i) => t / many[i] / ceilings[i]))),
      // Cores kept busy on average (CPU time / wall time, every process of the run): -j 1 is
      // not one core (V8 compiles and marks on helper threads, the parent writes), which bounds
      // the speed-up at about ceiling / j1Cores.
      j1Cores: oneCores.includes(null) ? null : round(median(oneCores)),
      jNCores: manyCores.includes(null) ? null : round(median(manyCores)),
    };
    if (workloadCeilings.length > 0) {
      Object.assign(results.modes[mode], {
        workloadCeiling: round(median(workloadCeilings)),
        ofWorkloadCeiling: round(speedup / median(workloadCeilings)),
        ofWorkloadCeilingPerRound: round(median(one.map((t, i) => t / many[i] / workloadCeilings[i]))),
      });
    }
    if (longest.length > 0) {
      // The best any schedule of whole documents can do: the longest one, or a fair share.
      const bound = median(one) / Math.max(median(longest), median(one) / JOBS);
      Object.assign(results.modes[mode], { longestDocumentSeconds: round(median(longest) / 1000), attainableSpeedup: round(bound) });
    }
  }
  results.loadAverageAtEnd = os.loadavg().map((l) => round(l));
} finally {
  if (staged) rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
