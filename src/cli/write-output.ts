import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** JSON Lines on stdout, honouring back-pressure; stops quietly when the reader goes away (`| head`). */
export interface LineSink {
  /** Writes one line; false once stdout is closed (EPIPE) or failing (ENOSPC …), so the batch can stop. */
  write(line: string): Promise<boolean>;
  /** Why stdout failed (a full disk, an I/O error); null while it works or when the reader just went away. */
  readonly error: Error | null;
}

export function createStdoutSink(): LineSink {
  let closed = false;
  let failure: Error | null = null;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    closed = true;
    // EPIPE: the reader went away (`| head`), which is not a failure. Anything else is said once, by the caller.
    if (error.code !== "EPIPE") failure = error;
  });
  return {
    get error() {
      return failure;
    },
    async write(line) {
      if (closed) return false;
      if (!process.stdout.write(`${line}\n`)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            process.stdout.off("drain", done);
            process.stdout.off("close", done);
            resolve();
          };
          process.stdout.once("drain", done);
          process.stdout.once("close", done);
        });
      }
      return !closed;
    },
  };
}

/** File extension of what `--to` writes. */
export type OutputExtension = "json" | "txt" | "md";

/** Where a record goes under `--out`: `<dir>/<input path relative to its root>.json` (`.txt`, `.md` with --to). */
export function recordPath(outDir: string, outRel: string, extension: OutputExtension = "json"): string {
  return join(outDir, `${outRel}.${extension}`);
}

/** Where an error goes under `--out`: beside it, `.error.json`, so `--resume` retries it. */
export function errorPath(outDir: string, outRel: string): string {
  return join(outDir, `${outRel}.error.json`);
}

/**
 * Writes a record (or an error object) atomically: a temporary file renamed into place, so an
 * interrupted run never leaves half a JSON file that `--resume` would then trust. The other
 * file of the pair is removed, so a folder never holds both a record and an error for one input.
 */
export async function writeOutputFile(outDir: string, outRel: string, content: string, isError: boolean, extension: OutputExtension = "json"): Promise<void> {
  const target = isError ? errorPath(outDir, outRel) : recordPath(outDir, outRel, extension);
  const stale = isError ? recordPath(outDir, outRel, extension) : errorPath(outDir, outRel);
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, content.endsWith("\n") ? content : `${content}\n`);
    await rename(temp, target);
  } catch (error) {
    // A full disk leaves a partial temporary file: remove it, then report the failure.
    await rm(temp, { force: true });
    throw error;
  }
  await rm(stale, { force: true });
}

/** `--resume`: the code of this input's `.error.json`, when it is not older than the input; null otherwise. */
export async function readPriorFailure(outDir: string, outRel: string, inputPath: string): Promise<{ code: string; message: string } | null> {
  const path = errorPath(outDir, outRel);
  const [out, input] = await Promise.all([stat(path).catch(() => null), stat(inputPath).catch(() => null)]);
  if (out === null || input === null || out.mtimeMs < input.mtimeMs) return null;
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null; // not ours (hand-edited or cut short): parse the input again
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" ? { code: error.code, message: String(error.message ?? "") } : null;
}

/** `--resume`: the record exists and is not older than the input. */
export async function isUpToDate(outDir: string, outRel: string, inputPath: string, extension: OutputExtension = "json"): Promise<boolean> {
  const [out, input] = await Promise.all([stat(recordPath(outDir, outRel, extension)).catch(() => null), stat(inputPath).catch(() => null)]);
  return out !== null && input !== null && out.mtimeMs >= input.mtimeMs;
}
