#!/usr/bin/env node
/**
 * Throughput through the queue against direct `vanban parse`, on a redis-server started here on
 * a free port. Not part of npm test; needs redis-server and a build.
 *
 *   npm run build && node bench/batch-queue.mjs [--files 100] [--workers 1,2,4] [--scan-pages 0]
 *
 * 1. Small documents (`--files` distinct texts): `vanban parse --out -j W` against `queue add`
 *    + W workers (`vanban worker -j 1` each) for every W of `--workers`; enqueue cost per file,
 *    worker start to the first record, time per document in the steady state (first record to
 *    last, start-up left out) and the queue's overhead per job (that time minus direct's). The
 *    machine's ceiling for W processes (W busy loops against one) is measured around each W.
 * 2. With `--scan-pages P` (P ≥ 2): one scan of P pages (the 2-page cv-813 fixture repeated,
 *    made with qpdf) read by `vanban parse` (one core, page after page) and through the queue
 *    by 2 workers with `--split-pages 1` (one job per page, then the assembly).
 * Prints one JSON object; the load average at start and end says how busy the machine was.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";

const ROOT = join(import.meta.dirname, "..");
const CLI = join(ROOT, "bin", "vanban.js");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const FILES = Number(option("files", 100));
const WORKERS = String(option("workers", "1,2,4")).split(",").map(Number);
const SCAN_PAGES = Number(option("scan-pages", 0));
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
if (!existsSync(join(ROOT, "dist", "cli.js"))) {
  process.stderr.write("bench: dist/ is missing: run `npm run build` first\n");
  process.exit(2);
}

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const work = mkdtempSync(join(os.tmpdir(), "vanban-queue-bench-"));
const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", work, "--save", "", "--appendonly", "no"], { stdio: "ignore" });
const url = `redis://127.0.0.1:${port}`;

function run(argv, stdio = "ignore") {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...argv], { stdio: ["ignore", stdio, "ignore"] });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, ms: Date.now() - started }));
  });
}

/** A fixed amount of CPU work (a second or two of one core): the same loop in every process. */
const SPIN = "let x=0;for(let i=0;i<5e7;i++){x=(x+i*7)%1000003}if(x<0)console.log(x)";
function spin() {
  return new Promise((resolve) => {
    const started = Date.now();
    spawn(process.execPath, ["-e", SPIN], { stdio: "ignore" }).on("exit", () => resolve(Date.now() - started));
  });
}
/** The machine's ceiling for n processes now: n units of work at once against one alone. */
async function ceiling(n) {
  const one = await spin();
  const started = Date.now();
  await Promise.all(Array.from({ length: n }, spin));
  return (n * one) / (Date.now() - started);
}

/** W workers (-j 1 each) on a queue until `done(counts)`; returns the wall time and the workers' exits. */
async function runWorkers(queueName, count, out, extra, done) {
  const queue = new Queue(queueName, { connection: { url, maxRetriesPerRequest: null } });
  const started = Date.now();
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, [CLI, "worker", "--redis", url, "--queue", queueName, "--out", out, "-j", "1", "--quiet", ...extra], { stdio: "ignore" }),
  );
  const deadline = Date.now() + 1_800_000;
  let first = null;
  while (Date.now() < deadline) {
    const c = await queue.getJobCounts("completed", "failed");
    if (first === null && c.completed > 0) first = Date.now() - started;
    if (await done(c)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = Date.now() - started;
  const finishedAt = (await queue.getCompleted(0, -1)).map((j) => j.finishedOn).sort((a, b) => a - b);
  for (const w of workers) w.kill("SIGTERM");
  await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r() : w.on("exit", r)))));
  await queue.close();
  return { ms, first, finishedAt };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const inputs = join(work, "in");
  const text = readFileSync(join(ROOT, "fixtures", "seed-002-kontum-phatdong-text", "input.txt"), "utf8");
  mkdirSync(inputs);
  // Distinct contents: the queue keys jobs by content hash.
  for (let i = 0; i < FILES; i++) writeFileSync(join(inputs, `doc-${i}.txt`), `${text}\nSố thứ tự ${i}.\n`);

  const results = { date: new Date().toISOString(), node: process.version, cpus: os.availableParallelism(), files: FILES, loadAverageAtStart: os.loadavg().map((l) => round(l, 2)), workers: {} };
  for (const count of WORKERS) {
    const ceilingBefore = await ceiling(count);
    const directOut = join(work, `direct-${count}`);
    const direct = await run(["parse", inputs, "--out", directOut, "-j", String(count), "--quiet"]);
    const queueName = `bench-${count}`;
    const add = await run(["queue", "add", inputs, "--redis", url, "--queue", queueName, "--quiet"]);
    const queued = await runWorkers(queueName, count, join(work, `queue-${count}`), [], (c) => c.completed + c.failed === FILES);
    const ceilingAfter = await ceiling(count);
    const writtenAt = readdirSync(directOut).map((f) => statSync(join(directOut, f)).mtimeMs).sort((a, b) => a - b);
    // Steady state, start-up left out: time between the first and the last record, per document.
    const directPerDoc = (writtenAt.at(-1) - writtenAt[0]) / (writtenAt.length - 1);
    const queuePerDoc = (queued.finishedAt.at(-1) - queued.finishedAt[0]) / (queued.finishedAt.length - 1);
    results.workers[count] = {
      ceiling: round((ceilingBefore + ceilingAfter) / 2, 2),
      directSeconds: round(direct.ms / 1000, 2),
      queueSeconds: round(queued.ms / 1000, 2),
      addSeconds: round(add.ms / 1000, 2),
      addPerJobMs: round(add.ms / FILES),
      workerStartToFirstRecordSeconds: round((queued.first ?? 0) / 1000, 2),
      directMsPerDoc: round(directPerDoc),
      queueMsPerDoc: round(queuePerDoc),
      overheadPerJobMs: round(queuePerDoc - directPerDoc),
    };
    process.stderr.write(`bench: ${count} workers: ${JSON.stringify(results.workers[count])}\n`);
  }
  // Speed-ups against one worker (steady state), and against the ceiling measured with them.
  const base = results.workers[WORKERS[0]];
  for (const count of WORKERS) {
    const r = results.workers[count];
    r.directSpeedup = round(base.directMsPerDoc / r.directMsPerDoc, 2);
    r.queueSpeedup = round(base.queueMsPerDoc / r.queueMsPerDoc, 2);
    r.queueOfCeiling = round(r.queueSpeedup / r.ceiling, 2);
  }

  if (SCAN_PAGES >= 2) {
    const source = join(ROOT, "fixtures", "cv-813-cuchoachat-scanned", "input.pdf");
    const scan = join(work, "scan", `scan-${SCAN_PAGES}.pdf`);
    mkdirSync(join(work, "scan"));
    const pages = Array.from({ length: Math.ceil(SCAN_PAGES / 2) }, () => source);
    const made = spawnSync("qpdf", ["--empty", "--pages", ...pages, "--", scan]);
    if (made.status !== 0) throw new Error(`qpdf failed: ${made.stderr}`);
    const ceilingBefore = await ceiling(2);
    const direct = await run(["parse", scan, "--out", join(work, "scan-direct"), "-j", "1", "--quiet", "--timeout", "1800"]);
    const add = await run(["queue", "add", scan, "--redis", url, "--queue", "bench-scan", "--quiet"]);
    const out = join(work, "scan-queue");
    const queued = await runWorkers("bench-scan", 2, out, ["--split-pages", "1", "--timeout", "600"], () => existsSync(out) && readdirSync(out).some((f) => f.endsWith(".json")));
    const ceilingAfter = await ceiling(2);
    const speedup = direct.ms / (add.ms + queued.ms);
    results.scan = {
      pages: Math.ceil(SCAN_PAGES / 2) * 2,
      directSeconds: round(direct.ms / 1000, 2),
      twoWorkersSeconds: round((add.ms + queued.ms) / 1000, 2),
      speedup: round(speedup, 2),
      ceiling2: round((ceilingBefore + ceilingAfter) / 2, 2),
      ofCeiling: round(speedup / ((ceilingBefore + ceilingAfter) / 2), 2),
      ok: existsSync(out) && readdirSync(out).some((f) => /^[0-9a-f]{64}\.json$/u.test(f)),
    };
    process.stderr.write(`bench: scan: ${JSON.stringify(results.scan)}\n`);
  }
  results.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} finally {
  redis.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
