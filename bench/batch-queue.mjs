#!/usr/bin/env node
/**
 * Queue overhead per job: the same small documents parsed by `vanban parse --out` and through
 * `vanban queue add` + `vanban worker --out` (one worker, -j 1 and -j N), on a redis-server
 * started here on a free port. Not part of npm test; needs redis-server and a build.
 *
 *   npm run build && node bench/batch-queue.mjs [--files 100] [--jobs N]
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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
const JOBS = Number(option("jobs", os.availableParallelism()));
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

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

try {
  const inputs = join(work, "in");
  const text = readFileSync(join(ROOT, "fixtures", "seed-002-kontum-phatdong-text", "input.txt"), "utf8");
  mkdirSync(inputs);
  // Distinct contents: the queue keys jobs by content hash.
  for (let i = 0; i < FILES; i++) writeFileSync(join(inputs, `doc-${i}.txt`), `${text}\nSố thứ tự ${i}.\n`);

  const results = { date: new Date().toISOString(), cpus: os.availableParallelism(), files: FILES, loadAverageAtStart: os.loadavg().map((l) => round(l, 2)), runs: {} };
  for (const jobs of [1, JOBS]) {
    const direct = await run(["parse", inputs, "--out", join(work, `direct-${jobs}`), "-j", String(jobs), "--quiet"]);
    const queueName = `bench-${jobs}`;
    const add = await run(["queue", "add", inputs, "--redis", url, "--queue", queueName, "--quiet"]);
    const queue = new Queue(queueName, { connection: { url, maxRetriesPerRequest: null } });
    const started = Date.now();
    const worker = spawn(process.execPath, [CLI, "worker", "--redis", url, "--queue", queueName, "--out", join(work, `queue-${jobs}`), "-j", String(jobs), "--quiet"], { stdio: "ignore" });
    const deadline = Date.now() + 600_000;
    let first = null;
    while (Date.now() < deadline) {
      const c = await queue.getJobCounts("completed", "failed");
      if (first === null && c.completed > 0) first = Date.now() - started;
      if (c.completed + c.failed === FILES) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const queued = Date.now() - started;
    const finishedAt = (await queue.getCompleted(0, FILES)).map((j) => j.finishedOn).sort((a, b) => a - b);
    worker.kill("SIGTERM");
    await new Promise((r) => worker.on("exit", r));
    await queue.close();
    const writtenAt = readdirSync(join(work, `direct-${jobs}`)).map((f) => statSync(join(work, `direct-${jobs}`, f)).mtimeMs).sort((a, b) => a - b);
    // Steady state, start-up left out: time between the first and the last record, per document.
    const directPerDoc = (writtenAt.at(-1) - writtenAt[0]) / (writtenAt.length - 1);
    const queuePerDoc = (finishedAt.at(-1) - finishedAt[0]) / (finishedAt.length - 1);
    results.runs[`j${jobs}`] = {
      directSeconds: round(direct.ms / 1000, 2),
      addSeconds: round(add.ms / 1000, 2),
      workerSeconds: round(queued / 1000, 2),
      workerStartToFirstRecordSeconds: round((first ?? 0) / 1000, 2),
      directMsPerDoc: round(directPerDoc),
      queueMsPerDoc: round(queuePerDoc),
      overheadPerJobMs: round(queuePerDoc - directPerDoc),
      addPerJobMs: round(add.ms / FILES),
    };
    process.stderr.write(`bench: -j ${jobs}: ${JSON.stringify(results.runs[`j${jobs}`])}\n`);
  }
  results.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} finally {
  redis.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
