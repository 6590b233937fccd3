import { readFile } from "node:fs/promises";
import { FetchInputError, fetchBytes } from "./fetch-input.js";
import { hashBytes } from "./hash-bytes.js";

/** Where a job's document is (exactly one of path and url) and the hash it was added with. */
interface JobInput {
  path?: string;
  url?: string;
  name: string;
  sha256: string;
  options: { maxBytes: number };
}

export type LoadedBytes = { ok: true; bytes: Uint8Array } | { ok: false; code: string; message: string };

/**
 * A job's bytes, checked against the hash it was added with (`input_changed` when they differ),
 * or why they cannot be had: `not_found` (a mount missing on this worker) and HTTP failures are
 * transient and retried.
 */
export async function loadJobBytes(job: JobInput): Promise<LoadedBytes> {
  const loaded = await readJobBytes(job);
  if (!loaded.ok) return loaded;
  if (hashBytes(loaded.bytes) !== job.sha256) return { ok: false, code: "input_changed", message: `${job.path ?? job.name} changed after it was added to the queue; add it again.` };
  return loaded;
}

async function readJobBytes(job: JobInput): Promise<LoadedBytes> {
  if (job.url !== undefined) {
    try {
      return { ok: true, bytes: await fetchBytes(job.url, job.options.maxBytes) };
    } catch (error) {
      if (error instanceof FetchInputError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  }
  try {
    return { ok: true, bytes: new Uint8Array(await readFile(job.path!)) }; // its own buffer: it is transferred to the parse thread
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "ENOTDIR") {
      return { ok: false, code: "not_found", message: `${job.path} cannot be read on this worker (is the shared folder mounted?)` };
    }
    throw error;
  }
}
