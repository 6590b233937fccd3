import { sniffFormat } from "../detect-format.js";
import type { ParseCommand } from "./args.js";
import { readHead } from "./read-head.js";

/**
 * Largest single input parsed in the CLI's own process. The text and Markdown readers are
 * linear (bench "hostile"): 1 MiB takes well under a second and about 100 MB of memory.
 */
export const IN_PROCESS_MAX_BYTES = 1024 * 1024;

/**
 * Whether one input may skip the child process (issue 18). The child costs a second Node start
 * (about as long as parsing a small text) and exists to contain readers that can crash V8 or
 * take unbounded memory: pdf.js, the DOCX/DOC readers, OCR's native code. A small text or
 * Markdown input is read by linear JavaScript alone, so it runs here, unless the user asked
 * for process-enforced limits (--timeout, --max-memory).
 */
export async function mayParseInProcess(command: ParseCommand, path: string | null, bytes: Uint8Array | null): Promise<boolean> {
  if (command.timeoutExplicit || command.maxMemoryExplicit) return false;
  if (command.format !== undefined && command.format !== "auto" && command.format !== "text" && command.format !== "markdown") return false;
  const head = bytes !== null ? { bytes, size: bytes.length } : path === null ? null : await readHead(path);
  if (head === null || head.size > IN_PROCESS_MAX_BYTES) return false;
  // Forced text or Markdown decodes any bytes as text; otherwise the magic bytes must not name a binary reader.
  return command.format === "text" || command.format === "markdown" || sniffFormat(head.bytes) === null;
}
