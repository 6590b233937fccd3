import { open } from "node:fs/promises";
import { sniffFormat } from "../detect-format.js";
import type { ParseCommand } from "./args.js";

/**
 * Largest single input parsed in the CLI's own process. The text and Markdown readers are
 * linear (bench "hostile"): 1 MiB takes well under a second and about 100 MB of memory.
 */
export const IN_PROCESS_MAX_BYTES = 1024 * 1024;
/** sniffFormat looks for a PDF header within the first KiB. */
const SNIFF_BYTES = 1024;

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

/** The first bytes of a regular file and its size; null when it cannot be read (the parse reports why). */
async function readHead(path: string): Promise<{ bytes: Uint8Array; size: number } | null> {
  const handle = await open(path, "r").catch(() => null);
  // Missing or unreadable: the parse (in the child, as before) gives the typed error.
  if (handle === null) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    const buffer = new Uint8Array(Math.min(SNIFF_BYTES, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), size: info.size };
  } catch {
    // A read error here is the file's, not ours: the child's parse reports it as before.
    return null;
  } finally {
    await handle.close();
  }
}
