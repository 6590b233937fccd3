import type { RecordStore, StoredOutcome } from "./record-store.js";
import { ServerUnreachableError } from "./server-unreachable-error.js";

/** Default table name; `--pg-table` picks another. */
export const DEFAULT_TABLE = "vanban_records";

/**
 * The table and its indexes. Created under an advisory lock: two workers starting at once
 * would otherwise race on `CREATE TABLE IF NOT EXISTS` (a unique violation in pg_type).
 */
function schemaSql(table: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (
      sha256 text PRIMARY KEY,
      name text NOT NULL,
      record jsonb,
      error jsonb,
      doc_type text,
      issuer text,
      number text,
      symbol text,
      doc_date date,
      pages integer,
      parsed_at timestamptz NOT NULL DEFAULT now(),
      vanban_version text NOT NULL,
      CHECK ((record IS NULL) <> (error IS NULL))
    )`,
    `CREATE INDEX IF NOT EXISTS ${table}_number ON ${table} (number)`,
    `CREATE INDEX IF NOT EXISTS ${table}_symbol ON ${table} (symbol)`,
    `CREATE INDEX IF NOT EXISTS ${table}_doc_date ON ${table} (doc_date)`,
    `CREATE INDEX IF NOT EXISTS ${table}_doc_type ON ${table} (doc_type)`,
    `CREATE INDEX IF NOT EXISTS ${table}_issuer ON ${table} (issuer)`,
  ];
}

/**
 * An upsert by content hash. Saving what is already there changes nothing (not even
 * parsed_at), and an error never replaces a record that was read successfully.
 */
function upsertSql(table: string): string {
  return `INSERT INTO ${table} AS t (sha256, name, record, error, doc_type, issuer, number, symbol, doc_date, pages, vanban_version)
    VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9::date, $10, $11)
    ON CONFLICT (sha256) DO UPDATE SET
      name = EXCLUDED.name, record = EXCLUDED.record, error = EXCLUDED.error, doc_type = EXCLUDED.doc_type,
      issuer = EXCLUDED.issuer, number = EXCLUDED.number, symbol = EXCLUDED.symbol, doc_date = EXCLUDED.doc_date,
      pages = EXCLUDED.pages, vanban_version = EXCLUDED.vanban_version, parsed_at = now()
    WHERE (EXCLUDED.error IS NULL OR t.record IS NULL)
      AND (t.record, t.error, t.vanban_version) IS DISTINCT FROM (EXCLUDED.record, EXCLUDED.error, EXCLUDED.vanban_version)`;
}

/** `--pg URL`: records in PostgreSQL through a small connection pool. */
export async function createPgStore(url: string, options: { table: string; version: string; poolSize: number }): Promise<RecordStore> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize });
  // An idle client losing its server (a restart) must not crash the worker: the next query reconnects.
  pool.on("error", () => {});
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw new ServerUnreachableError("PostgreSQL", url, error);
  });
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [options.table]);
    for (const sql of schemaSql(options.table)) await client.query(sql);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const upsert = upsertSql(options.table);
  return {
    async save(outcome: StoredOutcome) {
      const error = outcome.ok ? null : JSON.stringify({ code: outcome.code, message: outcome.message });
      const c = outcome.ok ? outcome.columns : null;
      await pool.query(upsert, [
        outcome.sha256,
        outcome.name,
        outcome.ok ? outcome.json : null,
        error,
        c?.type ?? null,
        c?.issuer ?? null,
        c?.number ?? null,
        c?.symbol ?? null,
        toSqlDate(c?.date ?? null),
        outcome.ok ? outcome.pages : null,
        options.version,
      ]);
    },
    async close() {
      await pool.end();
    },
  };
}

/** A header date as a SQL date, or null when it is not a real calendar day (the record keeps it as printed). */
function toSqlDate(date: string | null): string | null {
  if (date === null || !/^\d{4}-\d{2}-\d{2}$/u.test(date)) return null;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}
