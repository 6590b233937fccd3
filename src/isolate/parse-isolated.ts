import { VanbanError, type VanbanErrorCode } from "../errors.js";
import type { VanBanDocument } from "../schema/document.js";
import type { ParseOptions } from "../schema/options.js";
import { findChildScript } from "./child-file.js";
import { createChildPool } from "./child-pool.js";

export interface IsolatedParseOptions extends ParseOptions {
  /** V8 heap limit of the parsing process in MiB (default 1024); over it: `out_of_memory`. */
  maxMemoryMb?: number;
}

/** What crosses to the child (`signal` and `timeout` stay with the parent, which enforces them). */
export interface IsolatedRequest {
  input: Uint8Array | string;
  options: ParseOptions;
}

export type IsolatedResponse = { ok: true; record: VanBanDocument } | { ok: false; code: VanbanErrorCode | null; message: string };

export const DEFAULT_MAX_MEMORY_MB = 1024;
/** No limit asked: a day, so the pool's CPU-time watch never fires in practice. */
const NO_TIMEOUT_MS = 24 * 3600 * 1000;

/**
 * `parse()` in a child process of its own, for applications that must not die: a document
 * that exhausts memory or crashes V8 rejects with `out_of_memory` or `crashed` instead of
 * ending the caller's process. `timeout` here is CPU time of that process (loaded neighbours
 * do not count), and the process is killed when it is reached. Costs a process start
 * (~0.2–0.5 s) per call.
 */
export async function parseIsolated(input: Uint8Array | ArrayBuffer | string, options: IsolatedParseOptions = {}): Promise<VanBanDocument> {
  const { signal, timeout, maxMemoryMb = DEFAULT_MAX_MEMORY_MB, ...rest } = options;
  if (!Number.isInteger(maxMemoryMb) || maxMemoryMb < 64) throw new VanbanError("invalid_options", "Invalid options: maxMemoryMb: an integer of at least 64 is expected");
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) throw new VanbanError("invalid_options", "Invalid options: timeout: a positive number of milliseconds is expected");
  const pool = createChildPool<IsolatedRequest, IsolatedResponse>({
    script: findChildScript(import.meta.url, "parse-child"),
    size: 1,
    memoryMb: maxMemoryMb,
    timeoutMs: timeout ?? NO_TIMEOUT_MS,
  });
  try {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
    const outcome = await pool.run({ input: bytes, options: rest }, { signal });
    if (!outcome.ok) {
      const code: VanbanErrorCode = outcome.code === "cancelled" ? "aborted" : outcome.code;
      throw new VanbanError(code, outcome.message);
    }
    const response = outcome.value;
    if (response.ok) return response.record;
    if (response.code !== null) throw new VanbanError(response.code, response.message);
    throw new Error(`vanban: unexpected error in the parsing process: ${response.message}`);
  } finally {
    await pool.close();
  }
}
