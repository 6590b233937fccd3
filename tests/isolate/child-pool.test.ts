import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { childV8Flags } from "../../src/isolate/child-v8-flags.js";
import { createChildPool, type ChildPool } from "../../src/isolate/index.js";

const script = { file: join(import.meta.dirname, "misbehaving-child.ts"), execArgv: ["--import", "tsx"] };
let pool: ChildPool<string, string> | null = null;

afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe("the child pool's V8 flags", () => {
  it("every child keeps V8's large-heap growth under its heap limit", async () => {
    pool = createChildPool<string, string>({ script, size: 1, memoryMb: 256, timeoutMs: 60_000 });
    const flags = await pool.run("flags");
    expect(flags).toMatchObject({ ok: true, value: expect.stringContaining("--heap-growing-percent=300") });
    expect(flags).toMatchObject({ ok: true, value: expect.stringContaining("--max-old-space-size=256") });
  }, 60_000);

  it("children run single-threaded only when the pool fills every core", async () => {
    pool = createChildPool<string, string>({ script, size: availableParallelism(), memoryMb: 256, timeoutMs: 60_000 });
    expect(await pool.run("flags")).toMatchObject({ ok: true, value: expect.stringContaining("--single-threaded") });
    await pool.close();
    if (availableParallelism() === 1) return;
    pool = createChildPool<string, string>({ script, size: 1, memoryMb: 256, timeoutMs: 60_000 });
    expect(await pool.run("flags")).toMatchObject({ ok: true, value: expect.not.stringContaining("--single-threaded") });
  }, 60_000);
});

describe("the child V8 flags of each Node", () => {
  it.each([
    ["11.3.244.8-node.38", false, ["--no-regexp-tier-up", "--heap-growing-percent=300", "--interrupt-budget=262144"]],
    ["11.3.244.8-node.38", true, ["--no-regexp-tier-up", "--heap-growing-percent=300", "--interrupt-budget=262144", "--single-threaded"]],
    // Node 22 and 24: V8 12 and 13 have no --interrupt-budget, and Node exits on it (code 9).
    ["12.4.254.21-node.57", false, ["--no-regexp-tier-up", "--heap-growing-percent=300"]],
    ["13.6.233.17-node.63", true, ["--no-regexp-tier-up", "--heap-growing-percent=300", "--single-threaded"]],
  ])("V8 %s, saturated %s", (version, saturated, expected) => {
    expect(childV8Flags(version, saturated)).toEqual(expected);
  });

  it("this Node starts with its flags", () => {
    const run = spawnSync(process.execPath, [...childV8Flags(process.versions.v8, true), "-e", "0"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("a flag this Node refuses costs the speed-up, not the documents: every child then starts without the tuning flags", async () => {
    pool = createChildPool<string, string>({ script, size: 2, memoryMb: 256, timeoutMs: 60_000, tuningFlags: ["--heap-growing-percent=300", "--no-such-v8-flag"] });
    const [one, two] = await Promise.all([pool.run("flags"), pool.run("hello")]);
    expect(one).toMatchObject({ ok: true, value: expect.not.stringContaining("--no-such-v8-flag") });
    expect(one).toMatchObject({ ok: true, value: expect.not.stringContaining("--heap-growing-percent") });
    expect(two).toMatchObject({ ok: true, value: expect.stringContaining("done: hello") });
    expect(await pool.run("abort")).toMatchObject({ ok: false, code: "crashed" });
  }, 60_000);
});

describe("the child pool: a document that kills its process costs only itself", () => {
  it("a heap exhausted past --max-memory is out_of_memory; the next task gets a fresh process", async () => {
    pool = createChildPool<string, string>({ script, size: 1, memoryMb: 96, timeoutMs: 60_000 });
    const first = await pool.run("hello");
    expect(first).toMatchObject({ ok: true });
    const pid = Number(String((first as { value: string }).value).split(" in ")[1]);
    expect(await pool.run("exhaust-heap")).toMatchObject({ ok: false, code: "out_of_memory" });
    const after = await pool.run("hello");
    expect(after).toMatchObject({ ok: true });
    expect(Number(String((after as { value: string }).value).split(" in ")[1])).not.toBe(pid);
  }, 60_000);

  it("a V8 abort is crashed, and the pool goes on", async () => {
    pool = createChildPool<string, string>({ script, size: 1, memoryMb: 256, timeoutMs: 60_000 });
    expect(await pool.run("abort")).toMatchObject({ ok: false, code: "crashed" });
    expect(await pool.run("still alive")).toMatchObject({ ok: true, value: expect.stringContaining("still alive") });
  }, 60_000);

  it("the time limit is CPU time: a spinning document is stopped, a sleeping one is not (until the wall backstop)", async () => {
    pool = createChildPool<string, string>({ script, size: 2, memoryMb: 256, timeoutMs: 1_000 });
    const started = Date.now();
    const [spin, sleep] = await Promise.all([pool.run("spin"), pool.run("sleep")]);
    expect(spin).toMatchObject({ ok: false, code: "timeout", message: expect.stringContaining("CPU time") });
    // The sleeper used no CPU: only the wall-clock backstop (3 × the limit) stopped it.
    expect(sleep).toMatchObject({ ok: false, code: "timeout", message: expect.stringContaining("wall time") });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  }, 60_000);

  it("close() ends running documents as cancelled", async () => {
    pool = createChildPool<string, string>({ script, size: 1, memoryMb: 256, timeoutMs: 60_000 });
    const running = pool.run("sleep");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await pool.close();
    expect(await running).toMatchObject({ ok: false, code: "cancelled" });
  }, 30_000);
});
