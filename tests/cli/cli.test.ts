import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
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

  it("--help documents every exit code; schema --help prints help, not the schema", async () => {
    const help = await runCli(cli, ["--help"]);
    for (const code of ["0", "1", "2", "70", "130"]) expect(help.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "mu"));
    for (const flag of ["--password", "--max-pages", "--max-bytes", "--ocr-lang", "--progress", "--no-progress", "--fields", "--select", "--to"]) expect(help.stdout).toContain(flag);
    const schemaHelp = await runCli(cli, ["schema", "--help"]);
    expect(schemaHelp.code).toBe(0);
    expect(schemaHelp.stdout).toMatch(/^Usage: vanban schema/u);
    expect(schemaHelp.stdout).not.toContain("schemaVersion");
  });

  it("--fields lists the valid fields when one is unknown", async () => {
    const run = await runCli(cli, ["parse", "--fields", "header,colour", "x.txt"]);
    expect(run.stderr).toContain('unknown field "colour"; valid fields: schemaVersion, source, text,');
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
    [["parse", "--fields", "header,colour", "x.txt"]],
    [["parse", "--fields", "header", "--to", "text", "x.txt"]],
    [["parse", "--to", "pdf", "x.txt"]],
    [["parse", "--max-pages", "0", "x.txt"]],
    [["parse", "--max-bytes", "lots", "x.txt"]],
    [["parse", "--ocr-lang", "vie eng", "x.txt"]],
    [["parse", "--quiet", "--progress", "x.txt"]],
    [["parse", "tree/*a*a*a*a*.txt"]],
    [["schema", "--bogus"]],
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
      const heavy = Object.keys(require.cache).filter((k) => /node_modules\\/(piscina|pdfjs-dist|tesseract\\.js|word-extractor)\\//.test(k));
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

describe("vanban parse: output shapes and limits", () => {
  it("--fields (and --select) keep only those fields, plus schemaVersion and source", async () => {
    const run = await runCli(cli, ["parse", "--fields", "citations,header", "tree/a-quyet-dinh.txt"], { cwd: CLI_FIXTURES });
    expect(run.code).toBe(0);
    expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(["schemaVersion", "source", "header", "citations"]);
    const batch = await runCli(cli, ["parse", "-q", "--select", "title", "tree"], { cwd: CLI_FIXTURES });
    for (const line of jsonLines(batch.stdout)) expect(Object.keys(line)).toEqual(["schemaVersion", "source", "title"]);
  });

  it("--to text prints the reading text of the record; --to markdown a Markdown rendering", async () => {
    const json = JSON.parse((await runCli(cli, ["parse", "tree/a-quyet-dinh.txt"], { cwd: CLI_FIXTURES })).stdout) as { text: string; title: string };
    const text = await runCli(cli, ["parse", "--to", "text", "tree/a-quyet-dinh.txt"], { cwd: CLI_FIXTURES });
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(json.text.endsWith("\n") ? json.text : `${json.text}\n`);
    const markdown = await runCli(cli, ["parse", "--to", "markdown", "tree/a-quyet-dinh.txt"], { cwd: CLI_FIXTURES });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(new RegExp(`^# ${json.title}$`, "mu"));
    expect(() => JSON.parse(markdown.stdout)).toThrow();
  });

  it("several inputs with --to text/markdown are framed one by one, failures in their place", async () => {
    const dir = brokenTree("framed");
    const text = await runCli(cli, ["parse", "-q", "--to", "text", "tree/a-quyet-dinh.txt", "tree/b-not-a-pdf.pdf", "tree/sub/c-cong-van.txt"], { cwd: dir });
    expect(text.code).toBe(1);
    const headers = text.stdout.split("\n").filter((l) => l.startsWith("==> "));
    expect(headers).toEqual(["==> tree/a-quyet-dinh.txt <==", "==> tree/b-not-a-pdf.pdf <==", "==> tree/sub/c-cong-van.txt <=="]);
    expect(text.stdout).toMatch(/==> tree\/b-not-a-pdf\.pdf <==\nvanban: corrupt: /u);
    const markdown = await runCli(cli, ["parse", "-q", "--to", "markdown", "tree/a-quyet-dinh.txt", "tree/sub/c-cong-van.txt"], { cwd: dir });
    expect(markdown.stdout.match(/^<!-- vanban: .* -->$/gmu)).toEqual(["<!-- vanban: tree/a-quyet-dinh.txt -->", "<!-- vanban: tree/sub/c-cong-van.txt -->"]);
    expect(markdown.stdout).toContain("\n---\n\n<!-- vanban: tree/sub/c-cong-van.txt -->");
  });

  it("--to markdown --out writes .md files (errors still .error.json)", async () => {
    const dir = brokenTree("md-out");
    const run = await runCli(cli, ["parse", "-q", "--to", "markdown", "tree", "--out", "md"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(readFileSync(join(dir, "md", "a-quyet-dinh.txt.md"), "utf8")).toMatch(/^# /mu);
    expect(existsSync(join(dir, "md", "sub", "c-cong-van.txt.md"))).toBe(true);
    expect(existsSync(join(dir, "md", "b-not-a-pdf.pdf.error.json"))).toBe(true);
  });

  it("--max-bytes refuses a larger input, naming the flag", async () => {
    const run = await runCli(cli, ["parse", "--max-bytes", "100", "tree/a-quyet-dinh.txt"], { cwd: CLI_FIXTURES });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^vanban: too_large: .*\(--max-bytes\)/u);
  });

  it("--password opens an encrypted PDF; without it the message names --password", async () => {
    const pdf = join(ROOT, "fixtures", "encrypted-pdf", "input.pdf");
    const locked = await runCli(cli, ["parse", pdf]);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/^vanban: encrypted: .*--password/u);
    const opened = await runCli(cli, ["parse", "--password", "user-pw", "--max-pages", "1", "--ocr", "never", pdf]);
    expect(opened.code).toBe(0);
    expect((JSON.parse(opened.stdout) as { text: string }).text).toContain("GIẤY MỜI HỌP");
  });

  it("an image cut short is corrupt, not text, and the process lives to say so", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const run = await runCli(cli, ["parse", "-"], { stdin: png });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^vanban: corrupt: .*not a whole PNG image/u);
  });

  it("a glob that matches nothing says so", async () => {
    const run = await runCli(cli, ["parse", "tree/**/*.docx"], { cwd: CLI_FIXTURES });
    expect(run.code).toBe(1);
    const [line] = jsonLines(run.stdout) as Array<{ error: { code: string; message: string } }>;
    expect(line.error.code).toBe("not_found");
    expect(line.error.message).toMatch(/^No file matches tree\/\*\*\/\*\.docx/u);
    expect(run.stderr).toContain("No file matches");
    expect(run.stderr).not.toContain("No such file");
  });

  it("globs follow symbolic links to folders, once, and do not loop", async () => {
    const dir = join(work, "links");
    cpSync(join(CLI_FIXTURES, "tree"), join(dir, "tree"), { recursive: true });
    symlinkSync(join(dir, "tree", "sub"), join(dir, "tree", "linked"), "dir");
    symlinkSync(join(dir, "tree"), join(dir, "tree", "sub", "loop"), "dir");
    const run = await runCli(cli, ["parse", "-q", "tree/**/*.txt"], { cwd: dir });
    expect(run.code).toBe(0);
    expect((jsonLines(run.stdout) as Array<{ source: { name: string } }>).map((l) => l.source.name)).toEqual(["tree/a-quyet-dinh.txt", "tree/linked/c-cong-van.txt"]);
  });

  it("--progress without a terminal prints plain lines only (no bar, no control codes)", async () => {
    const run = await runCli(cli, ["parse", "--progress", "tree"], { cwd: CLI_FIXTURES });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/\u001b|\r/u);
    expect(run.stderr).toMatch(/vanban: 3 ok, 0 failed/u);
  });
});

describe("vanban parse: Ctrl-C", () => {
  it("prints the summary of what was done and exits 130", async () => {
    const seed = readFileSync(join(CLI_FIXTURES, "tree", "a-quyet-dinh.txt"), "utf8");
    const dir = join(work, "sigint");
    cpSync(join(CLI_FIXTURES, "tree"), join(dir, "tree"), { recursive: true });
    writeFileSync(join(dir, "tree", "z-huge.txt"), seed.repeat(Math.ceil(30_000_000 / Buffer.byteLength(seed))));
    const child = spawn(process.execPath, [cli.bin, "parse", "-j", "1", "tree/a-quyet-dinh.txt", "tree/z-huge.txt", "tree/sub/c-cong-van.txt"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    // Interrupt once the first record is out, while the huge file is being parsed.
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes("\n")) resolve();
      });
    });
    child.kill("SIGINT");
    const code = await exited;
    expect(code).toBe(130);
    expect(jsonLines(stdout)).toHaveLength(1);
    expect(stderr).toMatch(/vanban: 1 ok, 0 failed, .*; interrupted, 2 not done/u);
  }, 60_000);
});
