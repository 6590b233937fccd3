#!/usr/bin/env node
/**
 * Two builds, the same work, alternating processes: is B faster than A, beyond this machine's noise?
 *   node bench/ab.mjs A_DIST B_DIST [--pairs N] [--rounds R] [--node PATH] WORKLOAD ARGS...
 *   WORKLOAD: pdf FILE... | pdfs DIR COUNT | text MB   (bench/lib/ab-run.mjs)
 *             start FILE [--import-only]             (bench/lib/library-start.mjs: a fresh process
 *                                                      per round, wall time only)
 *             cli FILE                               (`vanban parse FILE` through bin/vanban.js with
 *                                                      that build: a fresh process per round, wall
 *                                                      time only; a build saved as DIR/dist beside
 *                                                      DIR/bin runs its own bin/vanban.js)
 *   --node PATH: run every child with another Node binary (the bench's own is the default).
 *
 * Each pair runs A and B in fresh processes one after the other, in alternating order (A B, B A …),
 * so that a slower spell of the machine falls on both. A process counts its best round after the
 * first (the first compiles the code paths). B ÷ A is taken pair by pair, wall and CPU time, and the
 * median of the pairs is the figure; their range shows the noise. Two builds of the same commit give
 * the noise floor (docs/performance.md: identical code has differed by up to a fifth here). The
 * records of the first round are hashed in each process: a change meant to be "speed only" must
 * give the same records.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { lastJson, median, round, ROOT, runNode } from "./lib/measure.mjs";

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  argv.splice(i, 2);
  return value;
};
const pairs = flag("--pairs", 6);
const rounds = flag("--rounds", 3);
const nodeAt = argv.indexOf("--node");
const node = nodeAt < 0 ? process.execPath : argv.splice(nodeAt, 2)[1];
const [a, b, ...work] = argv;
if (!a || !b || work.length === 0) {
  process.stderr.write("usage: node bench/ab.mjs A_DIST B_DIST [--pairs N] [--rounds R] [--node PATH] pdf FILE... | pdfs DIR COUNT | text MB | start FILE [--import-only] | cli FILE\n");
  process.exit(2);
}
/** A process start is timed from outside: no CPU time of its own, no records. */
const starts = work[0] === "start" || work[0] === "cli";

async function runBuild(dist) {
  if (starts) return startBuild(dist);
  const run = await runNode(["bench/lib/ab-run.mjs", resolve(dist), String(rounds), ...work], { timeoutMs: 600_000, node });
  const result = lastJson(run.stdout);
  if (run.code !== 0 || !result) throw new Error(`${dist}: exit ${run.code}\n${run.stderr}`);
  const warm = rounds > 1 ? 1 : 0;
  return { wall: Math.min(...result.wallMs.slice(warm)), cpu: Math.min(...result.cpuMs.slice(warm)), records: result.records };
}

/**
 * A fresh process `rounds` times, the fastest: a script importing the build (and parsing FILE), or
 * the CLI parsing FILE.
 */
async function startBuild(dist) {
  const args = work[0] === "cli" ? [join(cliPackage(dist), "bin/vanban.js"), "parse", work[1]] : ["bench/lib/library-start.mjs", ...work.slice(1)];
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const run = await runNode(args, { stdout: "ignore", env: { VANBAN_DIST: resolve(dist) }, node });
    if (run.code !== 0) throw new Error(`${dist}: exit ${run.code}\n${run.stderr}`);
    times.push(run.ms);
  }
  return { wall: Math.min(...times), cpu: Number.NaN, records: null };
}

const packages = new Map();
/**
 * The CLI's own bin/vanban.js beside a link to the build, as the package lays them out (the bin
 * imports ../dist/cli.js). Node follows the link to the build's real folder, which sits in this
 * repository so that its dependencies resolve.
 */
function cliPackage(dist) {
  if (!packages.has(dist)) {
    const dir = mkdtempSync(join(tmpdir(), "vanban-ab-"));
    mkdirSync(join(dir, "bin"));
    // A build saved with its own bin (DIR/dist beside DIR/bin) runs that bin: the bin is part of what is compared.
    const ownBin = join(resolve(dist), "..", "bin/vanban.js");
    copyFileSync(existsSync(ownBin) ? ownBin : join(ROOT, "bin/vanban.js"), join(dir, "bin/vanban.js"));
    copyFileSync(join(ROOT, "package.json"), join(dir, "package.json"));
    symlinkSync(resolve(dist), join(dir, "dist"), "dir");
    packages.set(dist, dir);
  }
  return packages.get(dist);
}
process.on("exit", () => {
  for (const dir of packages.values()) rmSync(dir, { recursive: true, force: true });
});

const rows = [];
for (let i = 0; i < pairs; i++) {
  const first = i % 2 === 0 ? a : b;
  const one = await runBuild(first);
  const two = await runBuild(first === a ? b : a);
  const [ra, rb] = first === a ? [one, two] : [two, one];
  const row = { a: ra, b: rb, wall: rb.wall / ra.wall, cpu: rb.cpu / ra.cpu };
  rows.push(row);
  const cpu = (r) => (Number.isNaN(r.cpu) ? "" : ` (CPU ${Math.round(r.cpu)})`);
  process.stdout.write(`pair ${i + 1}: A ${Math.round(ra.wall)} ms${cpu(ra)}, B ${Math.round(rb.wall)} ms${cpu(rb)}: B/A wall ${round(row.wall, 3)}${Number.isNaN(row.cpu) ? "" : `, CPU ${round(row.cpu, 3)}`}\n`);
}
const span = (key) => `${round(Math.min(...rows.map((r) => r[key])), 3)}–${round(Math.max(...rows.map((r) => r[key])), 3)}`;
const same = starts || rows.every((r) => r.a.records === r.b.records && r.a.records === rows[0].a.records);
const cpuPart = starts ? "" : `, CPU ${round(median(rows.map((r) => r.cpu)), 3)} (${span("cpu")})`;
process.stdout.write(`B/A, median of ${pairs} pairs: wall ${round(median(rows.map((r) => r.wall)), 3)} (${span("wall")})${cpuPart}; records ${starts ? "not compared (a process start)" : same ? "identical" : "DIFFER"}\n`);
process.exitCode = same ? 0 : 1;
