import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { SourceDocument } from "./blocks/index.js";
import type { SourceChosenBy } from "./schema/document.js";
import { formatFromExtension, looksBinary, looksLikeMarkdown, sniffForeign, sniffFormat } from "./detect-format.js";
import { VanbanError } from "./errors.js";
import { decodeTextBytes } from "./normalize/index.js";
import { createDeadline, type Deadline } from "./parse-deadline.js";
import { buildRecord } from "./pipeline/build-record.js";
import type { VanBanDocument } from "./schema/document.js";
import { DEFAULT_OPTIONS } from "./schema/option-defaults.js";
import type { ParseOptions, ResolvedParseOptions } from "./schema/options.js";
import { readText } from "./sources/text/index.js";

/**
 * The options of one call: with none given, the defaults without loading zod (the CLI's cold
 * start); otherwise validated by the zod schema, loaded then.
 */
async function resolveOptionsLazily(options: ParseOptions | undefined): Promise<ResolvedParseOptions> {
  if (options === undefined || Object.values(options).every((v) => v === undefined)) return { ...DEFAULT_OPTIONS };
  // Only a name (the CLI's case, and a common one): nothing that zod would check but its type.
  if (typeof options.name === "string" && Object.entries(options).every(([key, v]) => key === "name" || v === undefined)) {
    return { ...DEFAULT_OPTIONS, name: options.name };
  }
  const { resolveOptions } = await import("./resolve-options.js");
  return resolveOptions(options);
}

/**
 * Parses a document: a path, or its bytes. The format comes from the magic bytes first, the
 * extension second (or `options.format`). Unreadable input throws `VanbanError`; everything
 * else becomes a record, with doubts in `warnings`. `signal` / `timeout` stop it with the
 * codes `aborted` / `timeout`, checked between the stages and while a reader is awaited.
 */
export async function parse(input: Uint8Array | ArrayBuffer | string, options?: ParseOptions): Promise<VanBanDocument> {
  const opts = await resolveOptionsLazily(options);
  const deadline = createDeadline(opts);
  try {
    deadline.check();
    let bytes: Uint8Array;
    let name: string | null = opts.name ?? null;
    if (typeof input === "string") {
      name ??= input;
      bytes = await deadline.race(readInput(input, opts.maxBytes, deadline.signal));
    } else if (input instanceof ArrayBuffer) {
      bytes = new Uint8Array(input);
    } else if (input instanceof Uint8Array) {
      // A Node Buffer is a Uint8Array, but pdfjs refuses Buffers: view the same memory as a plain one.
      bytes = Buffer.isBuffer(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : input;
    } else {
      throw new VanbanError("invalid_options", "parse() takes a file path, a Uint8Array or an ArrayBuffer.");
    }
    return await parseBytes(bytes, name, opts, deadline);
  } finally {
    deadline.dispose();
  }
}

/** A file's bytes, with parse's checks and error codes (`not_found`, `read_failed`, `too_large`). */
export async function readInput(path: string, maxBytes: number, signal: AbortSignal | undefined): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new VanbanError("read_failed", `${path} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof VanbanError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new VanbanError("not_found", `No such file: ${path}`, { cause: error });
    throw new VanbanError("read_failed", `Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (size > maxBytes) throw new VanbanError("too_large", `${path} is ${size} bytes, over the ${maxBytes}-byte limit (option maxBytes).`);
  try {
    return new Uint8Array(await readFile(path, { signal }));
  } catch (error) {
    // An aborted read: the deadline's own error (aborted / timeout) says why.
    if (signal?.aborted) throw signal.reason as VanbanError;
    throw new VanbanError("read_failed", `Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

export async function parseBytes(
  bytes: Uint8Array,
  name: string | null,
  opts: ResolvedParseOptions,
  deadline: Deadline = createDeadline({}),
): Promise<VanBanDocument> {
  if (bytes.length === 0) throw new VanbanError("empty_input", `${name ?? "The input"} is empty (0 bytes).`);
  if (bytes.length > opts.maxBytes) throw new VanbanError("too_large", `${name ?? "The input"} is ${bytes.length} bytes, over the ${opts.maxBytes}-byte limit (option maxBytes).`);
  const { format, by } = chooseFormat(bytes, name, opts.format);
  // Readers get the deadline's signal, so a reader that loops (PDF pages) can stop early too.
  const readerOptions = { ...opts, signal: deadline.signal };
  let source: SourceDocument;
  switch (format) {
    case "pdf": {
      const { readPdf } = await import("./sources/pdf/index.js");
      deadline.check();
      source = await deadline.race(readPdf(bytes, readerOptions));
      break;
    }
    case "docx": {
      const { readDocx } = await import("./sources/docx/index.js");
      deadline.check();
      source = await deadline.race(readDocx(bytes, readerOptions));
      break;
    }
    case "image": {
      const { readImage } = await import("./sources/image/index.js");
      deadline.check();
      source = await deadline.race(readImage(bytes, readerOptions));
      break;
    }
    case "doc": {
      const { readDoc } = await import("./sources/doc/index.js");
      deadline.check();
      source = await deadline.race(readDoc(bytes, readerOptions));
      break;
    }
    default:
      source = await deadline.race(readTextSource(bytes, format));
  }
  deadline.check();
  return buildRecord(source, { name, bytes: bytes.length, sha256: sha256(bytes), chosenBy: by });
}

async function readTextSource(bytes: Uint8Array, format: "markdown" | "text" | "auto-text"): Promise<SourceDocument> {
  const decoded = decodeTextBytes(bytes);
  if (decoded.text.trim() === "") throw new VanbanError("empty_input", "The input holds no text (only whitespace).");
  const markdown = format === "markdown" || (format === "auto-text" && looksLikeMarkdown(decoded.text));
  // The Markdown parser (unified) loads only for Markdown: plain text starts faster.
  const source = markdown ? (await import("./sources/markdown/index.js")).readMarkdown(decoded.text) : readText(decoded.text);
  return { ...source, encoding: decoded.encoding, warnings: [...decoded.warnings, ...source.warnings] };
}

type Chosen = "pdf" | "docx" | "doc" | "image" | "markdown" | "text" | "auto-text";

/** The reader for the input, and how it was chosen (for `source.chosenBy`). */
function chooseFormat(bytes: Uint8Array, name: string | null, forced: ResolvedParseOptions["format"]): { format: Chosen; by: SourceChosenBy } {
  const sniffed = sniffFormat(bytes);
  const ext = formatFromExtension(name);
  if (forced !== "auto") {
    if ((forced === "pdf" && sniffed !== "pdf") || (forced === "docx" && sniffed !== "zip") || (forced === "doc" && sniffed !== "ole")) {
      throw new VanbanError("corrupt", `${name ?? "The input"} is not a ${forced.toUpperCase()} file (its first bytes say otherwise).`);
    }
    return { format: forced, by: "option" };
  }
  if (sniffed === "pdf") return { format: "pdf", by: "bytes" };
  if (sniffed === "image") return { format: "image", by: "bytes" };
  // An image or another package must not be decoded as text, whatever its name says.
  const foreign = ext === "docx" ? null : sniffForeign(bytes);
  if (foreign) throw unsupported(name, foreign);
  if (sniffed === "zip") return { format: "docx", by: "bytes" };
  if (sniffed === "ole") return { format: "doc", by: "bytes" };
  if (ext === "pdf" || ext === "docx" || ext === "doc") {
    throw new VanbanError("corrupt", `${name} is named .${ext} but its content is not a ${ext.toUpperCase()} file.`);
  }
  if (looksBinary(bytes)) {
    throw new VanbanError("unsupported_format", `${name ?? "The input"} is binary data, not a PDF, DOCX, DOC, Markdown or text file.`);
  }
  // A .txt may hold Markdown (converter output: "## **BÁO CÁO**", "<sup>1</sup>"): its content decides.
  if (ext === "markdown") return { format: ext, by: "extension" };
  return { format: "auto-text", by: "content" };
}

function unsupported(name: string | null, foreign: { what: string; image: boolean }): VanbanError {
  const subject = name ?? "The input";
  const hint = foreign.image
    ? " vanban reads scans as PNG, JPEG or TIFF images (or in a PDF)."
    : " vanban reads PDF, DOCX, DOC, Markdown and plain text.";
  return new VanbanError("unsupported_format", `${subject} is ${foreign.what}.${hint}`);
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
