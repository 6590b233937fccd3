import { spawn } from "node:child_process";
import { parseArgs } from "node:util";

export const REVIEW_HELP = `Usage: vanban review <file|dir> [--port N] [--open]

Serves a review page on http://127.0.0.1 (nothing leaves the machine): each document's pages (PDF
and scans: PNG, JPEG, TIFF; DOCX, .doc, Markdown and text as their text) with what was read drawn
on them, the record as a tree, warnings marked, and corrections saved beside
each document as <name>.corrections.json (a JSON Patch; re-apply with
vanban parse <input> --apply-corrections <dir>).

Options:
  --port <n>         Port to listen on (default: a free one).
  --open             Open the page in the default browser.
  --reviewer <name>  Who the corrections are signed by (default: the OS user; the page can change it).
  --password <pw>    Password of encrypted PDFs.
  -h, --help         This help.
Keys on the page: j/k next/previous item, f next flagged item, n/p next/previous document.`;

export interface ReviewCommand {
  input: string;
  port: number;
  open: boolean;
  reviewer: string | undefined;
  password: string | undefined;
  help: boolean;
}

/** Reads the arguments after `review`; a problem is a usage error (exit 2). */
export function parseReviewArgs(args: string[]): { ok: true; command: ReviewCommand } | { ok: false; message: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: "string" },
        open: { type: "boolean", default: false },
        reviewer: { type: "string" },
        password: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const v = parsed.values;
  const command: ReviewCommand = { input: parsed.positionals[0] ?? "", port: 0, open: v.open ?? false, reviewer: v.reviewer, password: v.password, help: v.help ?? false };
  if (command.help) return { ok: true, command };
  if (parsed.positionals.length !== 1) return { ok: false, message: "review needs one file or directory" };
  if (v.port !== undefined) {
    const n = Number(v.port);
    if (!Number.isInteger(n) || n < 0 || n > 65535) return { ok: false, message: `--port must be a whole number from 0 to 65535 (got "${v.port}")` };
    command.port = n;
  }
  if (command.reviewer !== undefined && command.reviewer.trim() === "") return { ok: false, message: "--reviewer needs a name" };
  return { ok: true, command };
}

/** Runs `vanban review` until Ctrl-C; returns the exit code. */
export async function runReview(args: string[]): Promise<number> {
  const parsed = parseReviewArgs(args);
  if (!parsed.ok) {
    process.stderr.write(`vanban: usage: ${parsed.message}\nRun "vanban review --help" for usage.\n`);
    return 2;
  }
  if (parsed.command.help) {
    process.stdout.write(`${REVIEW_HELP}\n`);
    return 0;
  }
  const { command } = parsed;
  const { startReviewServer } = await import("../review/index.js");
  const { isVanbanError } = await import("../errors.js");
  let server;
  try {
    server = await startReviewServer({ input: command.input, port: command.port, password: command.password, reviewer: command.reviewer });
  } catch (error) {
    if (isVanbanError(error)) {
      process.stderr.write(`vanban: ${error.code}: ${error.message}\n`);
      return error.code === "not_found" ? 2 : 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES") {
      process.stderr.write(`vanban: usage: port ${command.port} cannot be used (${code})\n`);
      return 2;
    }
    throw error;
  }
  process.stderr.write(`vanban review: ${server.url}  (Ctrl-C to stop)\n`);
  if (command.open) openBrowser(server.url);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  return 0;
}

/** The desktop's "open this URL"; failing to find one is not an error, the URL is printed. */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  const child = spawn(cmd, args, { stdio: "ignore", detached: true });
  child.on("error", () => process.stderr.write(`vanban review: could not open a browser (${cmd}); open ${url}\n`));
  child.unref();
}
