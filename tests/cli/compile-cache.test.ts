import { fork } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import nodeModule from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParseTask, TaskResult } from "../../src/cli/parse-task.js";
import { buildCli, ROOT, runCli, type BuiltCli } from "./helpers.js";

// Node 22.10 and later; on Node 20 (no compile cache) there is nothing to check. CI runs this
// file on Node 22 and 24 too (.ci/other-node.sh).
const hasCompileCache = typeof (nodeModule as { flushCompileCache?: unknown }).flushCompileCache === "function";

let cli: BuiltCli;
let cache: string;

beforeAll(async () => {
  if (!hasCompileCache) return;
  cli = await buildCli();
  cache = mkdtempSync(join(tmpdir(), "vanban-compile-cache-"));
}, 120_000);

afterAll(() => {
  cli?.cleanup();
  if (cache) rmSync(cache, { recursive: true, force: true });
});

const PDF = join(ROOT, "fixtures/gm-ubnd-laocai-pdf/input.pdf");

/**
 * One PDF through the CLI's child process, as the CLI's pool runs it, killed as soon as it has
 * answered (the pool stops its children with SIGKILL; none exits by itself). Gives Node's
 * compile-cache log.
 */
function parseInChild(): Promise<{ result: TaskResult; log: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(cli.dir, "dist/batch-worker.js"), [], {
      // Node's own folder for it, under the temporary folder: what the child turns on by itself
      // (NODE_COMPILE_CACHE would turn it on for any process).
      env: { ...withoutCompileCacheVariables(process.env), TMPDIR: cache, NODE_DEBUG_NATIVE: "COMPILE_CACHE" },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
    });
    let log = "";
    let result: TaskResult | undefined;
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      log += chunk;
    });
    child.on("message", (message: { type: string; value: unknown }) => {
      if (message.type !== "result") return;
      result = message.value as TaskResult;
      child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", () => (result ? resolve({ result, log }) : reject(new Error(`the child ended without an answer:\n${log.slice(-2000)}`))));
    const task: ParseTask = {
      name: "input.pdf",
      path: PDF,
      bytes: null,
      options: { format: undefined, ocr: "never", ocrLanguage: undefined, password: undefined, maxPages: undefined, maxBytes: undefined },
      to: "json",
      fields: null,
      pretty: false,
    };
    child.send({ id: 1, payload: task });
  });
}

function withoutCompileCacheVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_COMPILE_CACHE: _dir, NODE_DISABLE_COMPILE_CACHE: _off, ...rest } = env;
  return rest;
}

describe.skipIf(!hasCompileCache)("Node's compile cache in the CLI's child process", () => {
  it("is written before a document is answered, so the next child reads it though the first was killed", async () => {
    const first = await parseInChild();
    expect(first.result.ok).toBe(true);
    // pdf.js is imported with the parse path, after the cache is turned on.
    expect(first.log).toContain(join(cache, "node-compile-cache"));
    // Node's debug log (NODE_DEBUG_NATIVE=COMPILE_CACHE): Node 24 names the module's kind, Node 22 does not.
    expect(first.log).toMatch(/writing cache for (?:ESM )?\S*pdf\.worker\.mjs[^\n]*success/);

    const second = await parseInChild();
    expect(second.result).toEqual(first.result);
    expect(second.log).toMatch(/cache for (?:ESM )?\S*pdf\.worker\.mjs was accepted/);
    expect(second.log).toMatch(/cache for (?:ESM )?\S*\/dist\/serve-documents-\w+\.js was accepted/);
  }, 120_000);

  it("is turned on by bin/vanban.js for the CLI's own process", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "vanban-compile-cache-cli-"));
    try {
      const run = await runCli(cli, ["parse", join(ROOT, "fixtures/seed-002-kontum-phatdong-text/input.txt")], {
        env: { ...withoutCompileCacheVariables(process.env), TMPDIR: tmp },
      });
      expect(run.code, run.stderr).toBe(0);
      // A small text is parsed in the CLI's process, which writes its cache as it exits.
      const folders = readdirSync(join(tmp, "node-compile-cache"));
      expect(folders.length).toBeGreaterThan(0);
      expect(folders.flatMap((f) => readdirSync(join(tmp, "node-compile-cache", f))).length).toBeGreaterThan(10);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
