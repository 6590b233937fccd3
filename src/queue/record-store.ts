import type { RecordColumns } from "./parse-thread.js";

/** One outcome of one document, keyed by the sha256 of its bytes. */
export type StoredOutcome =
  | { sha256: string; name: string; ok: true; json: string; columns: RecordColumns; pages: number | null }
  | { sha256: string; name: string; ok: false; code: string; message: string };

/**
 * Where workers put records. `save` is idempotent (saving the same outcome twice leaves one
 * entry) and rejects when the store is unreachable: the job is then retried.
 */
export interface RecordStore {
  save(outcome: StoredOutcome): Promise<void>;
  close(): Promise<void>;
}
