import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseParseArgs } from "../../src/cli/args.js";
import { IN_PROCESS_MAX_BYTES, mayParseInProcess } from "../../src/cli/may-parse-in-process.js";

let dir: string;
const TEXT = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nBÁO CÁO\nKết quả thực hiện nhiệm vụ năm 2025\n";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "vanban-in-process-"));
  writeFileSync(join(dir, "small.txt"), TEXT);
  writeFileSync(join(dir, "small.md"), `# ${TEXT}`);
  writeFileSync(join(dir, "pdf-named.txt"), "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
  writeFileSync(join(dir, "junk-then-pdf.txt"), `${"x".repeat(300)}%PDF-1.4\n`);
  writeFileSync(join(dir, "zip.txt"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  writeFileSync(join(dir, "big.txt"), "a".repeat(IN_PROCESS_MAX_BYTES + 1));
  writeFileSync(join(dir, "limit.txt"), "a".repeat(IN_PROCESS_MAX_BYTES));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function command(...flags: string[]) {
  const parsed = parseParseArgs([...flags, "x"]);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.command;
}

describe("which single input skips the child process", () => {
  it.each([
    ["a small text", [], "small.txt", true],
    ["a small Markdown file", [], "small.md", true],
    ["a text of exactly the limit", [], "limit.txt", true],
    ["--format text on any bytes", ["--format", "text"], "pdf-named.txt", true],
    ["--format markdown", ["--format", "markdown"], "small.txt", true],
    ["PDF bytes behind a .txt name", [], "pdf-named.txt", false],
    ["a PDF header after some junk", [], "junk-then-pdf.txt", false],
    ["ZIP bytes (a DOCX reader's input)", [], "zip.txt", false],
    ["over the size limit", [], "big.txt", false],
    ["--timeout given: the limit needs the child", ["--timeout", "30"], "small.txt", false],
    ["--max-memory given: the limit needs the child", ["--max-memory", "512M"], "small.txt", false],
    ["--format pdf", ["--format", "pdf"], "small.txt", false],
    ["--format docx", ["--format", "docx"], "small.txt", false],
    ["a missing file (the child reports not_found)", [], "missing.txt", false],
    ["a folder", [], ".", false],
  ])("%s", async (_what, flags, file, expected) => {
    expect(await mayParseInProcess(command(...flags), join(dir, file), null)).toBe(expected);
  });

  it("stdin: decided on the bytes read", async () => {
    expect(await mayParseInProcess(command(), null, new TextEncoder().encode(TEXT))).toBe(true);
    expect(await mayParseInProcess(command(), null, new TextEncoder().encode("%PDF-1.7\n"))).toBe(false);
    expect(await mayParseInProcess(command(), null, new Uint8Array(IN_PROCESS_MAX_BYTES + 1).fill(0x61))).toBe(false);
  });
});
