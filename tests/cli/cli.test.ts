import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, CLI_FIXTURES, jsonLines, ROOT, runCli, type BuiltCli } from "./helpers.js";

let cli: BuiltCli;
let work: string;

beforeAll(async () => {
  cli = await buildCli();
  work = mkdtempSync(join(tmpdir(), "vanban-cli-work-"));
});

afterAll(() => {
  cli?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

const TREE_ORDER = ["tree/a-quyet-dinh.txt", "tree/sub/b-bao-cao.md", "tree/sub/c-cong-van.txt"];

/** A copy of tests/cli/fixtures/tree plus broken inputs, in its own temp folder. */
function brokenTree(name: string): string {
  const dir = join(work, name);
  cpSync(join(CLI_FIXTURES, "tree"), join(dir, "tree"), { recursive: true });
  writeFileSync(join(dir, "tree", "b-not-a-pdf.pdf"), "This is plain text, not a PDF.\n");
  writeFileSync(join(dir, "tree", "sub", "a-empty.txt"), "");
  return dir;
}

describe("vanban: help, version, schema, usage errors", () => {
  it("--help prints usage and exits 0; no arguments exits 2", async () => {
    const help = await runCli(cli, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("vanban parse");
    expect(help.stdout).toContain("--concurrency");
    const parseHelp = await runCli(cli, ["parse", "--help"]);
    expect(parseHelp.code).toBe(0);
    expect(parseHelp.stdout).toContain("--out");
    const none = await runCli(cli, []);
    expect(none.code).toBe(2);
  });

  it("--version prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const run = await runCli(cli, ["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it("schema prints a valid JSON Schema", async () => {
    const run = await runCli(cli, ["schema"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(typeof schema).toBe("object");
    expect(JSON.stringify(schema)).toContain("schemaVersion");
  });

  it.each([
    [["bogus"]],
    [["parse"]],
    [["parse", "--nope", "x.txt"]],
    [["parse", "--format", "odt", "x.txt"]],
    [["parse", "--ocr", "sometimes", "x.txt"]],
    [["parse", "--concurrency", "0", "x.txt"]],
    [["parse", "--timeout", "-1", "x.txt"]],
    [["parse", "--resume", "x.txt"]],
    [["parse", "-", "-"]],
  ])("usage error %j exits 2 with nothing on stdout", async (args) => {
    const run = await runCli(cli, args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^vanban: usage: /u);
  });
});

describe("vanban parse: one input", () => {
  it("one file → one JSON object", async () => {
    const run = await runCli(cli, ["parse", "tree/a-quyet-dinh.txt"], { cwd: CLI_FIXTURES });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(1);
    const record = lines[0] as { schemaVersion: number; source: { name: string; format: string } };
    expect(record.schemaVersion).toBe(1);
    expect(record.source).toMatchObject({ name: "tree/a-quyet-dinh.txt", format: "text" });
  });

  it("--pretty indents the single record", async () => {
    const run = await runCli(cli, ["parse", "--pretty", "tree/sub/b-bao-cao.md"], { cwd: CLI_FIXTURES });
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").length).toBeGreaterThan(10);
    expect((JSON.parse(run.stdout) as { source: { format: string } }).source.format).toBe("markdown");
  });

  it("--jsonl makes one input one JSON line", async () => {
    const run = await runCli(cli, ["parse", "--jsonl", "-q", "tree/a-quyet-dinh.txt"], { cwd: CLI_FIXTURES });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(jsonLines(run.stdout)).toHaveLength(1);
  });

  it("- reads the document from stdin", async () => {
    const bytes = readFileSync(join(CLI_FIXTURES, "tree", "a-quyet-dinh.txt"));
    const run = await runCli(cli, ["parse", "-"], { stdin: bytes });
    expect(run.code).toBe(0);
    const [record] = jsonLines(run.stdout) as Array<{ source: { name: string; bytes: number } }>;
    expect(record.source.name).toBe("-");
    expect(record.source.bytes).toBe(bytes.length);
  });

  it("an unreadable single file: error on stderr, nothing on stdout, exit 1", async () => {
    const dir = brokenTree("single");
    const run = await runCli(cli, ["parse", "tree/b-not-a-pdf.pdf"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^vanban: corrupt: /u);
    const missing = await runCli(cli, ["parse", "no-such-file.txt"], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^vanban: not_found: /u);
  });
});

describe("cold start", () => {
  it("one small document loads neither the worker pool, the progress bar nor PDF.js", async () => {
    const script = `
      import { createRequire } from "node:module";
      const { main } = await import(${JSON.stringify(join(cli.dir, "dist", "cli.js"))});
      const code = await main(["parse", "tree/a-quyet-dinh.txt"]);
      const require = createRequire(import.meta.url);
      const heavy = Object.keys(require.cache).filter((k) => /node_modules\\/(piscina|cli-progress|pdfjs-dist|tesseract\\.js|mammoth|word-extractor)\\//.test(k));
      process.stderr.write(JSON.stringify({ code, heavy }));
    `;
    const { spawnSync } = await import("node:child_process");
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: CLI_FIXTURES, encoding: "utf8" });
    expect(jsonLines(run.stdout)).toHaveLength(1);
    expect(JSON.parse(run.stderr)).toEqual({ code: 0, heavy: [] });
  });
});

describe("vanban parse: batches", () => {
  it("a directory → JSON Lines, one per supported file, sorted, hidden files and other extensions skipped", async () => {
    const run = await runCli(cli, ["parse", "tree"], { cwd: CLI_FIXTURES });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout) as Array<{ source: { name: string } }>;
    expect(lines.map((l) => l.source.name)).toEqual(TREE_ORDER);
    expect(run.stderr).toMatch(/vanban: 3 ok, 0 failed/u);
  });

  it("the same output with one worker and with two (input order kept)", async () => {
    const one = await runCli(cli, ["parse", "-q", "-j", "1", "tree"], { cwd: CLI_FIXTURES });
    const two = await runCli(cli, ["parse", "-q", "--concurrency", "2", "tree"], { cwd: CLI_FIXTURES });
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stderr).toBe("");
  });

  it("several files and a quoted glob", async () => {
    const files = await runCli(cli, ["parse", "-q", "tree/sub/c-cong-van.txt", "tree/a-quyet-dinh.txt"], { cwd: CLI_FIXTURES });
    expect((jsonLines(files.stdout) as Array<{ source: { name: string } }>).map((l) => l.source.name)).toEqual(["tree/sub/c-cong-van.txt", "tree/a-quyet-dinh.txt"]);
    const glob = await runCli(cli, ["parse", "-q", "tree/**/*.txt"], { cwd: CLI_FIXTURES });
    expect(glob.code).toBe(0);
    expect((jsonLines(glob.stdout) as Array<{ source: { name: string } }>).map((l) => l.source.name)).toEqual(["tree/a-quyet-dinh.txt", "tree/sub/c-cong-van.txt"]);
    const braces = await runCli(cli, ["parse", "-q", "tree/*/*.{md,txt}"], { cwd: CLI_FIXTURES });
    expect((jsonLines(braces.stdout) as Array<{ source: { name: string } }>).map((l) => l.source.name)).toEqual(["tree/sub/b-bao-cao.md", "tree/sub/c-cong-van.txt"]);
  });

  it("a failed input yields an error line in its place, the rest go on, exit 1", async () => {
    const dir = brokenTree("failing");
    const run = await runCli(cli, ["parse", "tree", "missing.txt"], { cwd: dir });
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout) as Array<{ source: { name: string }; error?: { code: string; message: string } }>;
    expect(lines.map((l) => l.source.name)).toEqual([
      "tree/a-quyet-dinh.txt",
      "tree/b-not-a-pdf.pdf",
      "tree/sub/a-empty.txt",
      "tree/sub/b-bao-cao.md",
      "tree/sub/c-cong-van.txt",
      "missing.txt",
    ]);
    expect(lines.map((l) => l.error?.code ?? "ok")).toEqual(["ok", "corrupt", "empty_input", "ok", "ok", "not_found"]);
    expect(Object.keys(lines[1])).toEqual(["source", "error"]);
    expect(lines[1].error!.message).not.toBe("");
    expect(run.stderr).toContain("vanban: tree/b-not-a-pdf.pdf: corrupt:");
    expect(run.stderr).toMatch(/3 ok, 3 failed \((?:corrupt 1, empty_input 1, not_found 1)\)/u);
  });

  it("--fail-fast stops at the first failure", async () => {
    const dir = brokenTree("fail-fast");
    const run = await runCli(cli, ["parse", "--fail-fast", "-q", "-j", "2", "tree"], { cwd: dir });
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout) as Array<{ error?: { code: string } }>;
    expect(lines).toHaveLength(2);
    expect(lines[0].error).toBeUndefined();
    expect(lines[1].error?.code).toBe("corrupt");
    expect(run.stderr).toBe("");
  });

  it("--quiet leaves stderr empty even with failures", async () => {
    const dir = brokenTree("quiet");
    const run = await runCli(cli, ["parse", "--quiet", "tree"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(jsonLines(run.stdout)).toHaveLength(5);
  });

  it("stdin among other inputs", async () => {
    const bytes = readFileSync(join(CLI_FIXTURES, "tree", "sub", "c-cong-van.txt"));
    const run = await runCli(cli, ["parse", "-q", "tree/a-quyet-dinh.txt", "-"], { cwd: CLI_FIXTURES, stdin: bytes });
    expect(run.code).toBe(0);
    expect((jsonLines(run.stdout) as Array<{ source: { name: string } }>).map((l) => l.source.name)).toEqual(["tree/a-quyet-dinh.txt", "-"]);
  });
});

describe("vanban parse --out", () => {
  it("mirrors the input tree, writes errors beside, and --resume skips what is up to date", async () => {
    const dir = brokenTree("out");
    const out = join(dir, "json");
    const first = await runCli(cli, ["parse", "tree", "--out", "json", "--pretty"], { cwd: dir });
    expect(first.code).toBe(1);
    expect(first.stdout).toBe("");
    for (const rel of ["a-quyet-dinh.txt.json", "sub/b-bao-cao.md.json", "sub/c-cong-van.txt.json"]) {
      const record = JSON.parse(readFileSync(join(out, rel), "utf8")) as { schemaVersion: number };
      expect(record.schemaVersion, rel).toBe(1);
    }
    expect(readFileSync(join(out, "a-quyet-dinh.txt.json"), "utf8")).toContain('\n  "schemaVersion"');
    const error = JSON.parse(readFileSync(join(out, "b-not-a-pdf.pdf.error.json"), "utf8")) as { error: { code: string } };
    expect(error.error.code).toBe("corrupt");
    expect(existsSync(join(out, "b-not-a-pdf.pdf.json"))).toBe(false);

    // Fix one broken input, age the records, then touch one good input: --resume redoes only those two.
    writeFileSync(join(dir, "tree", "sub", "a-empty.txt"), readFileSync(join(CLI_FIXTURES, "tree", "a-quyet-dinh.txt")));
    const old = new Date(Date.now() - 3600_000);
    const older = new Date(Date.now() - 7200_000);
    for (const rel of ["a-quyet-dinh.txt", "sub/b-bao-cao.md", "sub/c-cong-van.txt", "b-not-a-pdf.pdf"]) utimesSync(join(dir, "tree", rel), older, older);
    for (const rel of ["a-quyet-dinh.txt.json", "sub/b-bao-cao.md.json", "sub/c-cong-van.txt.json"]) utimesSync(join(out, rel), old, old);
    utimesSync(join(dir, "tree", "sub", "b-bao-cao.md"), new Date(), new Date());
    const keptMtime = statSync(join(out, "a-quyet-dinh.txt.json")).mtimeMs;

    const second = await runCli(cli, ["parse", "tree", "--out", "json", "--resume"], { cwd: dir });
    expect(second.code).toBe(1); // b-not-a-pdf.pdf still fails: failures are retried, not skipped
    expect(second.stderr).toMatch(/2 ok, 1 failed \(corrupt 1\), 2 skipped/u);
    expect(statSync(join(out, "a-quyet-dinh.txt.json")).mtimeMs).toBe(keptMtime);
    expect(existsSync(join(out, "sub", "a-empty.txt.json"))).toBe(true);
    expect(existsSync(join(out, "sub", "a-empty.txt.error.json"))).toBe(false);
  });

  it("files named one by one mirror the tree below their common folder; clashes are usage errors", async () => {
    const dir = brokenTree("loose");
    const run = await runCli(cli, ["parse", "-q", "tree/a-quyet-dinh.txt", "tree/sub/c-cong-van.txt", "-o", "out"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "out", "a-quyet-dinh.txt.json"))).toBe(true);
    expect(existsSync(join(dir, "out", "sub", "c-cong-van.txt.json"))).toBe(true);
    cpSync(join(dir, "tree", "sub"), join(dir, "other"), { recursive: true });
    const clash = await runCli(cli, ["parse", "tree/sub", "other", "-o", "out2"], { cwd: dir });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain("would both write");
  });
});

describe("vanban parse --timeout", () => {
  it("a document over the limit yields a timeout line; the next document still parses", async () => {
    // ~8 MB of text takes seconds to parse; 0.05 s is far below that on any machine.
    const seed = readFileSync(join(CLI_FIXTURES, "tree", "a-quyet-dinh.txt"), "utf8");
    const dir = join(work, "timeout");
    cpSync(join(CLI_FIXTURES, "tree"), join(dir, "tree"), { recursive: true });
    writeFileSync(join(dir, "tree", "0-huge.txt"), seed.repeat(Math.ceil(8_000_000 / Buffer.byteLength(seed))));
    const run = await runCli(cli, ["parse", "-q", "--timeout", "0.05", "-j", "1", "tree/0-huge.txt", "tree/a-quyet-dinh.txt"], { cwd: dir });
    const lines = jsonLines(run.stdout) as Array<{ error?: { code: string } }>;
    expect(lines[0].error?.code).toBe("timeout");
    // The second document ran on a fresh worker; with a 0.05 s limit it may time out too on a slow machine.
    expect(lines).toHaveLength(2);
    expect(run.code).toBe(1);
  });
});
