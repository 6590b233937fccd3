import type { MessagePort } from "node:worker_threads";
import { isVanbanError } from "../errors.js";
import type { JobParseOptions } from "./job-payload.js";

/** One document for a parse thread: its bytes (transferred, not copied) and how to read them. */
export interface ThreadTask {
  name: string;
  bytes: Uint8Array;
  options: JobParseOptions;
  /** Told "start" once the parser is loaded, so the time limit counts parsing only. */
  startPort?: MessagePort;
}

/** The columns indexed in the store, read from the record here so only strings cross threads. */
export interface RecordColumns {
  type: string | null;
  issuer: string | null;
  number: string | null;
  symbol: string | null;
  date: string | null;
}

export type ThreadResult =
  | { ok: true; json: string; columns: RecordColumns; pages: number | null }
  | { ok: false; code: string; message: string };

/** Piscina worker (dist/queue-thread.js): parses one document; never throws. */
export default async function parseInThread(task: ThreadTask): Promise<ThreadResult> {
  try {
    const { parse } = await import("../parse.js");
    task.startPort?.postMessage("start");
    task.startPort?.close();
    const record = await parse(task.bytes, { name: task.name, ...task.options });
    const columns: RecordColumns = {
      type: record.type.code ?? record.type.name,
      issuer: record.header.issuer.name,
      number: record.header.number,
      symbol: record.header.symbol,
      date: record.header.date,
    };
    return { ok: true, json: JSON.stringify(record), columns, pages: record.source.pages ?? null };
  } catch (error) {
    if (isVanbanError(error)) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: "internal", message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
