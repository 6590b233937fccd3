/**
 * A fuzz campaign: damaged copies of the fixtures written to a folder, one batch over them, and
 * the batch contract checked (one JSON line per input, typed codes, no `internal`, exit 0 or 1,
 * every record valid against the schema).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { VanBanDocumentSchema } from "../../src/schema/document.js";
import { FAMILIES, FAMILY_NAMES, formatOf, seededRandom, type Format } from "./mutations.js";

export const ROOT = join(import.meta.dirname, "..", "..");

/** Error codes a batch line may carry (docs/cli.md); `internal` is a bug and fails the campaign. */
export const TYPED_CODES = new Set([
  "unsupported_format", "empty_input", "corrupt", "encrypted", "too_large", "invalid_options", "not_found",
  "read_failed", "timeout", "aborted", "out_of_memory", "crashed", "write_failed", "cancelled", "invalid_corrections",
]);

export interface FuzzInput {
  file: string;
  family: string;
  origin: string;
}

/** The fixture documents the campaign damages: every fixtures/<name>/input.* and fixtures/hostile/*. */
export function fixtureFiles(): Array<{ path: string; format: Format }> {
  const dir = join(ROOT, "fixtures");
  const out: Array<{ path: string; format: Format }> = [];
  for (const name of readdirSync(dir).sort()) {
    const sub = join(dir, name);
    let entries: string[];
    try {
      entries = readdirSync(sub);
    } catch {
      continue; // a file (SOURCES.md), not a fixture folder
    }
    for (const entry of entries.sort()) {
      if (!entry.startsWith("input.")) continue;
      const format = formatOf(entry);
      if (format) out.push({ path: join(sub, entry), format });
    }
  }
  return out;
}

/** Writes `count` damaged inputs to `dir`, named `<index>-<family>-<origin>.<ext>`; deterministic for a seed. */
export function makeInputs(seed: number, count: number, dir: string, families: readonly string[] = FAMILY_NAMES): FuzzInput[] {
  const random = seededRandom(seed);
  const fixtures = fixtureFiles();
  const cache = new Map<string, Uint8Array>();
  const inputs: FuzzInput[] = [];
  let attempts = 0;
  while (inputs.length < count && attempts++ < count * 50) {
    const family = families[inputs.length % families.length];
    const source = fixtures[Math.floor(random() * fixtures.length)];
    const bytes = cache.get(source.path) ?? new Uint8Array(readFileSync(source.path));
    cache.set(source.path, bytes);
    const damaged = FAMILIES[family](bytes, random, source.format);
    if (damaged === null) continue;
    const origin = source.path.split("/").at(-2)!;
    const ext = source.path.slice(source.path.lastIndexOf("."));
    const file = join(dir, `${String(inputs.length).padStart(4, "0")}-${family}-${origin}${ext}`);
    writeFileSync(file, damaged);
    inputs.push({ file, family, origin });
  }
  return inputs;
}

export interface ContractReport {
  problems: string[];
  codes: Map<string, number>;
}

/** Checks a batch's stdout and exit code against its inputs (given in the batch's order). */
export function checkBatch(stdout: string, exitCode: number | null, names: readonly string[]): ContractReport {
  const problems: string[] = [];
  const codes = new Map<string, number>();
  if (exitCode !== 0 && exitCode !== 1) problems.push(`exit code ${exitCode}`);
  const lines = stdout.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length !== names.length) problems.push(`${lines.length} lines for ${names.length} inputs`);
  lines.forEach((line, i) => {
    const name = names[i] ?? `line ${i + 1}`;
    let value: { error?: { code?: unknown }; source?: { name?: unknown } };
    try {
      value = JSON.parse(line) as typeof value;
    } catch {
      problems.push(`${name}: not JSON: ${line.slice(0, 80)}`);
      return;
    }
    if (value.error) {
      const code = String(value.error.code);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (!TYPED_CODES.has(code)) problems.push(`${name}: untyped error code ${code}`);
      if (code === "internal") problems.push(`${name}: internal error`);
      return;
    }
    codes.set("ok", (codes.get("ok") ?? 0) + 1);
    const parsed = VanBanDocumentSchema.safeParse(value);
    if (!parsed.success) problems.push(`${name}: record not valid: ${parsed.error.issues.slice(0, 2).map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
  });
  return { problems, codes };
}
