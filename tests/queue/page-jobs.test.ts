/**
 * Long scans OCR'd page by page: the library's two steps (`ocrPdfPages`, then `parse` with
 * `pageOcr`) and the queue's flow of page jobs over two workers on a real Redis and PostgreSQL
 * must give the record a single `parse` gives. The scan is the 2-page cv-813 fixture; OCR is
 * slow (10–25 s a page here), so the direct record is read once and shared.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FlowProducer } from "bullmq";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countPdfPages, findOcrPages, ocrPdfPages, parse, type VanBanDocument } from "../../src/index.js";
import { assembleJobId, pageJobId } from "../../src/queue/job-payload.js";
import { buildPageFlow } from "../../src/queue/page-jobs.js";
import { combinePageOcr, splitOcrResult, terminateOcr, type OcrResult } from "../../src/sources/ocr/index.js";
import { buildQueueCli, runQueueCli, type QueueCli, type WorkerProcess } from "./build-queue-cli.js";
import { trackQueueUse } from "./track-queue-use.js";
import { serversMissing, startPostgres, startRedis, waitFor, type PostgresServer, type RedisServer } from "./servers.js";

const SCAN = join(import.meta.dirname, "..", "..", "fixtures", "cv-813-cuchoachat-scanned", "input.pdf");

/** The record of one `parse` with OCR, read once for every test of this file. */
let directRecord: Promise<VanBanDocument> | null = null;
const direct = (): Promise<VanBanDocument> => (directRecord ??= parse(SCAN, { name: "scan.pdf" }));
const named = (record: VanBanDocument): VanBanDocument => ({ ...record, source: { ...record.source, name: "scan.pdf" } });

afterAll(async () => {
  await terminateOcr();
});

describe("OCR results cut into pages and put back together", () => {
  const line = (page: number, text: string) => ({ text, page });
  const result: OcrResult = {
    engine: "tesseract.js 6.0.1 (vie)",
    pages: [
      { page: 2, lines: [line(2, "hai")], confidence: 80, lowConfidenceLines: 2 },
      { page: 3, lines: [line(3, "ba")], confidence: 90, lowConfidenceLines: 0 },
      { page: 5, lines: [], confidence: null, lowConfidenceLines: 3 },
    ],
    warnings: [
      { code: "ocr_failed", message: "Pages 9 are not in the document (5 pages)." },
      { code: "ocr_corrected", message: "two", page: 2 },
      { code: "ocr_failed", message: "five", page: 5 },
      { code: "ocr_low_confidence", message: "5 OCR lines were read with confidence under 60% (pages 2, 5); check them against the page image.", pages: [2, 5] },
    ],
  };

  it("each page keeps its own warnings; the document's stay apart; the low-confidence sum is rebuilt", () => {
    const split = splitOcrResult(result);
    expect(split.pages.map((p) => [p.page, p.warnings.map((w) => w.message)])).toEqual([
      [2, ["two"]],
      [3, []],
      [5, ["five"]],
    ]);
    expect(split.warnings.map((w) => w.message)).toEqual(["Pages 9 are not in the document (5 pages)."]);
    const back = combinePageOcr(JSON.parse(JSON.stringify([...split.pages].reverse())), split.warnings);
    expect(back).toEqual({ ...result, warnings: result.warnings });
  });

  it.each([
    [[3], []],
    [[2], ["2 OCR lines were read with confidence under 60% (page 2); check them against the page image."]],
    [[5, 2, 3], ["5 OCR lines were read with confidence under 60% (pages 2, 5); check them against the page image."]],
  ])("pages %j: low-confidence warning %j", (pages, expected) => {
    const split = splitOcrResult(result).pages.filter((p) => pages.includes(p.page));
    const back = combinePageOcr(split);
    expect(back.pages.map((p) => p.page)).toEqual([...pages].sort());
    expect(back.warnings.filter((w) => w.code === "ocr_low_confidence").map((w) => w.message)).toEqual(expected);
  });

  it("parse refuses a pageOcr that is not page readings", async () => {
    await expect(parse(SCAN, { pageOcr: [{ page: 0 } as never] })).rejects.toMatchObject({ code: "invalid_options" });
  });
});

describe("findOcrPages and countPdfPages: what a worker reads to plan a split, without OCR", () => {
  const fixture = (name: string) => join(import.meta.dirname, "..", "..", "fixtures", name, "input.pdf");
  it.each([
    ["cv-813-cuchoachat-scanned", {}, { pages: 2, ocrPages: [1, 2] }],
    ["cv-813-cuchoachat-scanned", { ocr: "never" }, { pages: 2, ocrPages: [] }],
    ["qd-1629-qd-ubnd-laichau-mixed", {}, { pages: 6, ocrPages: [1, 2] }],
    ["qd-1629-qd-ubnd-laichau-mixed", { ocr: "always" }, { pages: 6, ocrPages: [1, 2, 3, 4, 5, 6] }],
    ["gm-ubnd-laocai-pdf", {}, { pages: 2, ocrPages: [] }],
  ] as const)("%s %j: %j", async (name, options, expected) => {
    expect(await findOcrPages(fixture(name), options)).toEqual(expected);
    expect(await countPdfPages(fixture(name))).toBe(expected.pages);
  });
});

describe("ocrPdfPages + parse({ pageOcr })", () => {
  it("gives the record of a single parse, pages read apart and passed as JSON in any order", { timeout: 180_000 }, async () => {
    const bytes = new Uint8Array(readFileSync(SCAN));
    const [one, two] = [await ocrPdfPages(bytes, [1]), await ocrPdfPages(bytes, [2])];
    expect([...one.warnings, ...two.warnings]).toEqual([]);
    for (const p of [...one.pages, ...two.pages]) expect(JSON.stringify(p).length).toBeLessThan(50_000); // a few KB, kept in Redis
    const pageOcr = JSON.parse(JSON.stringify([...two.pages, ...one.pages]));
    const assembled = await parse(SCAN, { name: "scan.pdf", pageOcr });
    expect(assembled).toEqual(await direct());
    expect(assembled.source.ocr?.pages).toEqual([1, 2]);
  });

  it("refuses what is not a PDF", async () => {
    await expect(ocrPdfPages(new TextEncoder().encode("Số: 12/QĐ-UBND"), [1])).rejects.toMatchObject({ code: "unsupported_format" });
  });
});

const missing = serversMissing();
if (missing !== null) console.warn(`tests/queue: skipped: ${missing}`);

describe.skipIf(missing !== null)("a long scan as page jobs on real Redis and PostgreSQL", () => {
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
    dir = mkdtempSync(join(tmpdir(), "vanban-page-jobs-"));
    copyFileSync(SCAN, join(dir, "scan.pdf"));
  });

  afterAll(async () => {
    await closeQueueUse();
    await db?.end();
    await Promise.all([redis?.stop(), postgres?.stop()]);
    cli?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const pageLines = (w: WorkerProcess): string[] => w.log().split("\n").filter((l) => / page \d+ \(/u.test(l));

  it("two workers OCR one page each; the assembly saves the record of a single parse", { timeout: 240_000 }, async () => {
    const queue = openQueue("q-pages");
    const args = ["--pg", postgres.url, "--pg-table", "rec_pages", "--queue", "q-pages", "-j", "1", "--split-pages", "1"];
    const [a, b] = [worker(args), worker(args)];
    await waitFor("both workers to be ready", () => a.log().includes("worker ready") && b.log().includes("worker ready"));
    const added = await runQueueCli(cli, ["queue", "add", join(dir, "scan.pdf"), "--redis", redis.url, "--queue", "q-pages"]);
    expect(added.code).toBe(0);
    const reference = direct(); // read while the workers read theirs
    await waitFor("the record", async () => (await db.query("SELECT 1 FROM rec_pages WHERE record IS NOT NULL")).rowCount === 1, 200_000, 500);

    const rows = (await db.query("SELECT name, record, error, pages FROM rec_pages")).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0].error).toBeNull();
    expect(rows[0].pages).toBe(2);
    expect(named(rows[0].record as VanBanDocument)).toEqual(await reference);
    // One page each: the document was spread over both workers.
    expect([pageLines(a).length, pageLines(b).length]).toEqual([1, 1]);
    expect([...a.log().matchAll(/split \S+ into 2 page jobs/gu), ...b.log().matchAll(/split \S+ into 2 page jobs/gu)]).toHaveLength(1);
    // Page jobs and the assembly are removed once done (their readings would fill Redis); the parse job stays.
    await waitFor("the assembly to be removed", async () => (await queue.getJob(assembleJobId(rows[0].record.source.sha256))) === undefined);
    expect(await queue.getJobCounts("completed", "failed", "waiting", "active", "waiting-children")).toEqual({ completed: 1, failed: 0, waiting: 0, active: 0, "waiting-children": 0 });
    for (const w of [a, b]) w.child.kill("SIGTERM");
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
  });

  it("a born-digital PDF is parsed in one job, whatever --split-pages says", { timeout: 60_000 }, async () => {
    const queue = openQueue("q-text-pdf");
    const out = mkdtempSync(join(tmpdir(), "vanban-page-jobs-out-"));
    copyFileSync(join(import.meta.dirname, "..", "..", "fixtures", "gm-ubnd-laocai-pdf", "input.pdf"), join(dir, "text.pdf"));
    const w = worker(["--out", out, "--queue", "q-text-pdf", "-j", "1", "--split-pages", "1"]);
    expect((await runQueueCli(cli, ["queue", "add", join(dir, "text.pdf"), "--redis", redis.url, "--queue", "q-text-pdf"])).code).toBe(0);
    await waitFor("the record", async () => (await queue.getJobCounts("completed")).completed === 1, 45_000);
    expect(readdirSync(out).filter((f) => /^[0-9a-f]{64}\.json$/u.test(f))).toHaveLength(1);
    expect(w.log()).not.toContain("split");
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    rmSync(out, { recursive: true, force: true });
  });

  it("a page that keeps failing is retried, then fails the document with ocr_failed and its page", { timeout: 60_000 }, async () => {
    const queue = openQueue("q-page-fail");
    const gone = join(dir, "moved-away.pdf");
    const sha256 = "0".repeat(64);
    const job = { path: gone, name: gone, sha256, options: { format: "auto", ocr: "auto", ocrLanguage: "vie", maxPages: null, maxBytes: 1 << 20 } } as const;
    const flows = new FlowProducer({ connection: { url: redis.url, maxRetriesPerRequest: null } });
    try {
      await flows.add(buildPageFlow("q-page-fail", job, [1, 2], { attempts: 2, backoff: { type: "fixed", delay: 100 } }));
    } finally {
      await flows.close();
    }
    const w = worker(["--pg", postgres.url, "--pg-table", "rec_page_fail", "--queue", "q-page-fail", "-j", "2"]);
    await waitFor("the assembly to fail", async () => (await (await queue.getJob(assembleJobId(sha256)))?.getState()) === "failed", 45_000);
    const assembly = (await queue.getJob(assembleJobId(sha256)))!;
    expect(assembly.failedReason).toMatch(/^ocr_failed: page [12]: not_found: /u);
    expect(assembly.attemptsMade).toBe(1); // no retry of the document: its page was retried
    const page = (await queue.getJob(pageJobId(sha256, Number(/page (\d)/u.exec(assembly.failedReason)![1]))))!;
    expect(page.attemptsMade).toBe(2);
    const rows = (await db.query("SELECT name, record, error FROM rec_page_fail")).rows;
    expect(rows.map((r) => [r.name, r.record, r.error.code])).toEqual([[gone, null, "ocr_failed"]]);
    const status = await runQueueCli(cli, ["queue", "status", "--redis", redis.url, "--queue", "q-page-fail"]);
    expect((JSON.parse(status.stdout) as { failedByCode: Record<string, number> }).failedByCode.ocr_failed).toBe(1);
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
  });
});
