import { looksLikeMarkdown } from "./detect-format.js";
import { VanbanError } from "./errors.js";
import { buildRecord } from "./pipeline/build-record.js";
import type { VanBanDocument } from "./schema/document.js";
import type { ParseOptions } from "./schema/options.js";
import { readMarkdown } from "./sources/markdown/index.js";
import { readText } from "./sources/text/index.js";
import { resolveOptions } from "./resolve-options.js";
import { hashText } from "./util/hash-text.js";

/**
 * Parses text already in memory. Synchronous; `format` "text" (default) or "markdown".
 * Empty or whitespace-only text throws `empty_input`, as `parse()` of such bytes does.
 * `signal` is checked once, before parsing (an already aborted signal throws `aborted`).
 */
export function parseText(text: string, options?: ParseOptions): VanBanDocument {
  const opts = resolveOptions(options);
  if (opts.format !== "auto" && opts.format !== "text" && opts.format !== "markdown") {
    throw new VanbanError("invalid_options", `parseText() reads text or Markdown, not ${opts.format}; use parse() for files.`);
  }
  if (typeof text !== "string") throw new VanbanError("invalid_options", "parseText() takes a string; use parse() for bytes and files.");
  if (opts.signal?.aborted) throw new VanbanError("aborted", "The parse was aborted (option `signal`).", { cause: opts.signal.reason });
  if (text.trim() === "") throw new VanbanError("empty_input", `${opts.name ?? "The text"} is empty (no text, only whitespace).`);
  const source = opts.format === "markdown" || (opts.format === "auto" && looksLikeMarkdown(text)) ? readMarkdown(text) : readText(text);
  const { sha256, bytes } = hashText(text);
  return buildRecord({ ...source, encoding: null }, { name: opts.name ?? null, bytes, sha256 });
}
