import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RecordStore, StoredOutcome } from "./record-store.js";

/**
 * `--out DIR`: `<sha256>.json` per record, `<sha256>.error.json` per failure, written
 * atomically (temporary file + rename) so a reader never sees half a file. A shared folder
 * works across machines; the key makes two workers writing one document harmless.
 */
export function createFileStore(dir: string): RecordStore {
  return {
    async save(outcome) {
      await mkdir(dir, { recursive: true });
      const record = join(dir, `${outcome.sha256}.json`);
      const error = join(dir, `${outcome.sha256}.error.json`);
      const target = outcome.ok ? record : error;
      const content = outcome.ok ? outcome.json : JSON.stringify({ source: { name: outcome.name }, error: { code: outcome.code, message: outcome.message } });
      const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temp, `${content}\n`);
      await rename(temp, target);
      if (outcome.ok) await rm(error, { force: true });
    },
    async close() {},
  };
}
