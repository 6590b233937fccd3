import type { MessagePort } from "node:worker_threads";
import { isVanbanError } from "../errors.js";
import type { CliFormat, CliOcrMode } from "./args.js";

/** One document for a worker (or the main thread): a path to read, or bytes already read (stdin). */
export interface ParseTask {
  name: string;
  path: string | null;
  bytes: Uint8Array | null;
  format: CliFormat | undefined;
  ocr: CliOcrMode | undefined;
  pretty: boolean;
  /** In a worker: told "start" once the parser is loaded, so the time limit counts parsing only. */
  startPort?: MessagePort;
}

/** What comes back: the record already serialized (so only a string crosses threads), or the error. */
export type TaskResult =
  | { ok: true; json: string; pages: number | null }
  | { ok: false; code: string; message: string };

/** Error code for a failure that is not a VanbanError: a bug, reported in the input's place. */
export const INTERNAL_ERROR = "internal";

/** Parses one document; never throws (the error becomes the result). */
export async function runParseTask(task: ParseTask): Promise<TaskResult> {
  try {
    const { parse } = await import("../parse.js");
    if (task.startPort) {
      task.startPort.postMessage("start");
      task.startPort.close();
    }
    const options = { name: task.name, format: task.format, ocr: task.ocr };
    const input = task.bytes ?? task.path;
    if (input === null) return { ok: false, code: "read_failed", message: "No input to read." };
    const record = await parse(input, options);
    return { ok: true, json: JSON.stringify(record, null, task.pretty ? 2 : undefined), pages: record.source.pages ?? null };
  } catch (error) {
    return errorResult(error);
  }
}

/** A thrown value as a result: VanbanError keeps its code; anything else is an internal error. */
export function errorResult(error: unknown): TaskResult & { ok: false } {
  if (isVanbanError(error)) return { ok: false, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: INTERNAL_ERROR, message: `Unexpected error: ${message}` };
}
