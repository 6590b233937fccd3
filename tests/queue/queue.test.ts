/**
 * `vanban queue` and `vanban worker` against a real redis-server and PostgreSQL, started here on
 * free ports in temp dirs. Skipped (with the reason) on a machine without them, unless CI is set.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildQueueCli, runQueueCli, type QueueCli } from "./build-queue-cli.js";
import { trackQueueUse } from "./track-queue-use.js";
import { serversMissing, startPostgres, startRedis, waitFor, type PostgresServer, type RedisServer } from "./servers.js";

const FIXTURE = join(import.meta.dirname, "..", "..", "fixtures", "seed-002-kontum-phatdong-text", "input.txt");
const missing = serversMissing();
if (missing !== null) console.warn(`tests/queue: skipped: ${missing}`);

describe.skipIf(missing !== null)("queue and workers on real Redis and PostgreSQL", () => {
  let cli: QueueCli;
  let redis: RedisServer;
  let postgres: PostgresServer;
  let db: pg.Client;
  let dir: string;
  const { openQueue, worker, close: closeQueueUse } = trackQueueUse(() => ({ cli, redisUrl: redis.url }));

  beforeAll(async () => {
    [cli, redis, postgres] = await Promise.all([buildQueueCli(), startRedis(), startPostgres()]);
    db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    dir = mkdtempSync(join(tmpdir(), "vanban-queue-inputs-"));
    const text = readFileSync(FIXTURE, "utf8");
    copyFileSync(FIXTURE, join(dir, "a.txt"));
    copyFileSync(FIXTURE, join(dir, "same-as-a.txt"));
    writeFileSync(join(dir, "corrupt.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, no xref\n");
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `small-${i}.txt`), `${text}\n\nGhi chú ${i}.\n`);
    // A second or more of parsing (1.6 MB): time to kill or stop a worker in the middle of it.
    writeFileSync(join(dir, "slow.txt"), text.repeat(100));
  });

  afterAll(async () => {
    await closeQueueUse();
    await db?.end();
    await Promise.all([redis?.stop(), postgres?.stop()]);
    cli?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const add = (queue: string, files: string[], extra: string[] = []) => runQueueCli(cli, ["queue", "add", ...files.map((f) => join(dir, f)), "--redis", redis.url, "--queue", queue, ...extra]);
  const finished = async (queue: Queue): Promise<number> => {
    const c = await queue.getJobCounts("completed", "failed");
    return c.completed + c.failed;
  };

  it("the same content added twice is one job and one record; a corrupt file fails once with its code", async () => {
    const queue = openQueue("q-idem");
    const first = await add("q-idem", ["a.txt", "same-as-a.txt", "corrupt.pdf"], ["--backoff", "0.1"]);
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { added: boolean }).added)).toEqual([true, false, true]);
    expect((await add("q-idem", ["a.txt"])).stdout).toContain('"added":false');

    const w = worker(["--pg", postgres.url, "--pg-table", "rec_idem", "--queue", "q-idem", "-j", "2"]);
    await waitFor("both jobs to finish", async () => (await finished(queue)) === 2);
    const counts = await queue.getJobCounts("completed", "failed", "waiting", "delayed");
    expect(counts).toEqual({ completed: 1, failed: 1, waiting: 0, delayed: 0 });

    const rows = (await db.query("SELECT sha256, name, record, error, doc_type, issuer, number, symbol, doc_date::text AS doc_date, vanban_version, parsed_at FROM rec_idem ORDER BY name")).rows;
    expect(rows.map((r) => r.name)).toHaveLength(2);
    const ok = rows.find((r) => r.record !== null)!;
    const bad = rows.find((r) => r.error !== null)!;
    expect(ok.name).toMatch(/a\.txt$/u);
    expect(ok.record.source.name).toBe(ok.name);
    expect([ok.number, ok.symbol, ok.issuer, ok.doc_date]).toEqual([ok.record.header.number, ok.record.header.symbol, ok.record.header.issuer.name, ok.record.header.date]);
    expect(ok.symbol).not.toBeNull();
    expect(ok.vanban_version).toMatch(/^\d+\.\d+\.\d+/u);
    expect(bad.error.code).toBe("corrupt");

    const corrupt = (await queue.getFailed())[0];
    expect(corrupt.attemptsMade).toBe(1); // no retries for an input error (3 were allowed)
    expect(corrupt.failedReason).toMatch(/^corrupt: /u);

    const status = await runQueueCli(cli, ["queue", "status", "--redis", redis.url, "--queue", "q-idem"]);
    expect(JSON.parse(status.stdout)).toMatchObject({ counts: { completed: 1, failed: 1 }, failedByCode: { corrupt: 1 } });

    // Running the failed job again saves the same error: the upsert leaves the row untouched.
    const retried = await runQueueCli(cli, ["queue", "retry-failed", "--redis", redis.url, "--queue", "q-idem"]);
    expect(retried.code).toBe(0);
    await waitFor("the retried job to fail again", async () => {
      const job = await queue.getJob(corrupt.id!);
      return job !== undefined && (job.finishedOn ?? 0) > corrupt.finishedOn! && (await job.getState()) === "failed";
    });
    expect((await queue.getJob(corrupt.id!))!.attemptsMade).toBe(2); // one more attempt, no retries
    const again = (await db.query("SELECT sha256, parsed_at FROM rec_idem ORDER BY name")).rows;
    expect(again).toEqual(rows.map((r) => ({ sha256: r.sha256, parsed_at: r.parsed_at })));

    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
  });

  it("a worker killed with kill -9 in the middle of a job: another finishes it, one record per input", async () => {
    const queue = openQueue("q-kill");
    const a = worker(["--pg", postgres.url, "--pg-table", "rec_kill", "--queue", "q-kill", "-j", "1", "--lock", "1"]);
    await waitFor("worker A to be ready", () => a.log().includes("worker ready"));
    expect((await add("q-kill", ["slow.txt"])).code).toBe(0);
    await waitFor("worker A to take the slow job", async () => (await queue.getJobCounts("active")).active === 1);
    a.child.kill("SIGKILL");
    expect(await a.exited).toBe("SIGKILL");
    expect(await finished(queue)).toBe(0); // killed before it could finish

    expect((await add("q-kill", ["small-0.txt", "small-1.txt", "small-2.txt"])).code).toBe(0);
    const b = worker(["--pg", postgres.url, "--pg-table", "rec_kill", "--queue", "q-kill", "-j", "2", "--lock", "1"]);
    await waitFor("worker B to finish every job", async () => (await finished(queue)) === 4, 30_000);
    const counts = await queue.getJobCounts("completed", "failed", "waiting", "active", "delayed");
    expect(counts).toEqual({ completed: 4, failed: 0, waiting: 0, active: 0, delayed: 0 });
    const slow = (await queue.getCompleted()).find((j) => (j.data as { name: string }).name.endsWith("slow.txt"))!;
    expect(slow.stalledCounter).toBe(1); // recovered from the stall, not run from scratch by luck
    const rows = (await db.query("SELECT name, record IS NOT NULL AS ok FROM rec_kill ORDER BY name")).rows;
    expect(rows.map((r) => [r.name.replace(/^.*\//u, ""), r.ok])).toEqual([
      ["slow.txt", true],
      ["small-0.txt", true],
      ["small-1.txt", true],
      ["small-2.txt", true],
    ]);
    b.child.kill("SIGTERM");
    expect(await b.exited).toBe(0);
  });

  it("Redis restarted during a run: the worker reconnects and finishes; --out writes one file per content", async () => {
    const queue = openQueue("q-restart");
    const out = mkdtempSync(join(tmpdir(), "vanban-queue-out-"));
    const w = worker(["--out", out, "--queue", "q-restart", "-j", "1"]);
    expect((await add("q-restart", ["slow.txt", "small-0.txt", "small-1.txt"])).code).toBe(0);
    await waitFor("the worker to take a job", async () => (await queue.getJobCounts("active")).active === 1);
    await redis.restart();
    expect((await add("q-restart", ["small-2.txt", "small-3.txt", "a.txt"])).code).toBe(0);
    await waitFor("all six jobs to finish after the restart", async () => (await finished(queue)) === 6, 30_000);
    expect(await queue.getJobCounts("completed", "failed")).toEqual({ completed: 6, failed: 0 });
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(6);
    expect(files.every((f) => /^[0-9a-f]{64}\.json$/u.test(f))).toBe(true);
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    rmSync(out, { recursive: true, force: true });
  });

  it("SIGTERM: the job in hand finishes, no new one is taken, the worker exits 0", async () => {
    const queue = openQueue("q-term");
    const out = mkdtempSync(join(tmpdir(), "vanban-queue-out-"));
    const w = worker(["--out", out, "--queue", "q-term", "-j", "1"]);
    expect((await add("q-term", ["slow.txt", "small-0.txt"])).code).toBe(0);
    await waitFor("the worker to take the slow job", async () => (await queue.getJobCounts("active")).active === 1);
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);

    expect(await queue.getJobCounts("completed", "waiting", "active")).toEqual({ completed: 1, waiting: 1, active: 0 });
    expect(w.log()).toContain("SIGTERM: finishing the jobs in hand");
    rmSync(out, { recursive: true, force: true });
  });

  it("SIGTERM past --grace: the job in hand is handed back as a transient failure and retried", async () => {
    const queue = openQueue("q-grace");
    const out = mkdtempSync(join(tmpdir(), "vanban-queue-out-"));
    const w = worker(["--out", out, "--queue", "q-grace", "-j", "1", "--grace", "0.2"]);
    expect((await add("q-grace", ["slow.txt"], ["--backoff", "0.1"])).code).toBe(0);
    await waitFor("the worker to take the slow job", async () => (await queue.getJobCounts("active")).active === 1);
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    const job = (await queue.getJobs(["wait", "delayed"]))[0];
    expect(job.failedReason).toMatch(/^cancelled: /u);
    expect(job.attemptsMade).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    const next = worker(["--out", out, "--queue", "q-grace", "-j", "1"]);
    await waitFor("another worker to finish it", async () => (await queue.getJobCounts("completed")).completed === 1, 30_000);
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);
    rmSync(out, { recursive: true, force: true });
  });

  it("an http(s) URL is fetched by the worker; its content hash is the same key as the file's", async () => {
    const body = readFileSync(join(dir, "small-3.txt"));
    const server = createServer((request, response) => {
      if (request.url?.startsWith("/docs/small-3.txt?")) response.end(body);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const queue = openQueue("q-url");
      const url = `${base}/docs/small-3.txt?X-Signature=secret`;
      const added = await runQueueCli(cli, ["queue", "add", url, "--redis", redis.url, "--queue", "q-url"]);
      expect(added.code).toBe(0);
      expect(JSON.parse(added.stdout)).toEqual({ name: `${base}/docs/small-3.txt`, sha256: createHash("sha256").update(body).digest("hex"), added: true });
      expect((await add("q-url", ["small-3.txt"])).stdout).toContain('"added":false'); // same bytes, same job
      const missing = await runQueueCli(cli, ["queue", "add", `${base}/nothing.pdf`, "--redis", redis.url, "--queue", "q-url"]);
      expect(missing.stderr).toContain("HTTP 404");
      expect(missing.code).toBe(1);

      const out = mkdtempSync(join(tmpdir(), "vanban-queue-out-"));
      const w = worker(["--out", out, "--queue", "q-url", "-j", "1"]);
      await waitFor("the URL job to finish", async () => (await finished(queue)) === 1);
      const [file] = readdirSync(out);
      const record = JSON.parse(readFileSync(join(out, file), "utf8")) as { source: { name: string } };
      expect(record.source.name).toBe(`${base}/docs/small-3.txt`); // no signature in the record
      w.child.kill("SIGTERM");
      expect(await w.exited).toBe(0);
      rmSync(out, { recursive: true, force: true });
    } finally {
      server.close();
    }
  });
});

describe("queue and worker usage errors (no server needed)", () => {
  let cli: QueueCli;
  beforeAll(async () => {
    cli = await buildQueueCli();
  });
  afterAll(() => cli?.cleanup());

  it.each([
    [["worker", "--redis", "redis://127.0.0.1:1"], "exactly one of --out DIR or --pg URL"],
    [["worker", "--redis", "redis://127.0.0.1:1", "--out", "x", "--pg", "postgres://h/db"], "exactly one of --out DIR or --pg URL"],
    [["worker", "--redis", "http://127.0.0.1:1", "--out", "x"], "redis:// or rediss://"],
    [["worker", "--redis", "redis://127.0.0.1:1", "--out", "x", "--timeout", "soon"], "timeoutMs"],
    [["worker", "--redis", "redis://127.0.0.1:1", "--out", "x", "--split-pages", "1.5"], "splitPages"],
    [["worker", "--out", "x"], "--redis URL is required"],
    [["queue", "add", "README.md"], "--redis URL is required"],
    [["queue", "add", "-", "--redis", "redis://127.0.0.1:1"], "stdin"],
    [["queue", "add", "README.md", "--redis", "redis://127.0.0.1:1", "--ocr", "sometimes"], "--ocr"],
    [["queue", "purge", "--redis", "redis://127.0.0.1:1"], 'unknown queue action "purge"'],
  ])("vanban %j exits 2", async (args, message) => {
    const run = await runQueueCli(cli, args);
    // Code, stderr and stdout in one assertion: a failure shows all three (one CI run saw an empty stderr here).
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining(message) });
  });

  it.each([
    [["queue", "status", "--redis", "redis://127.0.0.1:1"], "cannot reach Redis at redis://127.0.0.1:1"],
    [["worker", "--redis", "redis://127.0.0.1:1", "--pg", "postgres://vanban:pw@127.0.0.1:1/x"], "cannot reach PostgreSQL at postgres://vanban:***@127.0.0.1:1/x"],
  ])("vanban %j: an unreachable server is an error (exit 1), not a hang", async (args, message) => {
    const run = await runQueueCli(cli, args, 20_000);
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(1);
  });
});
