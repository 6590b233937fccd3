import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { VanBanDocumentSchema } from "../../src/schema/document.js";
import { toJsonSchema } from "../../src/schema/json-schema.js";

/**
 * A golden record is stored as one file per element under fixtures/<name>/expected/, so that a
 * change shows as a small diff in the element it touches: `text.txt` holds the text as is (its
 * lines diff like prose), the large arrays have a file each, and the remaining small fields are
 * in `record.json`. Keys are written in the schema's order (not the order the code happened to
 * build them in) and small flat objects such as spans on one line.
 */
export const GOLDEN_DIR = "expected";

/** Top-level fields with a file of their own; `text` goes to text.txt, the rest to record.json. */
export const ELEMENT_FILES = [
  "header",
  "addressees",
  "preamble",
  "sections",
  "footnotes",
  "recipients",
  "citations",
  "targets",
  "results",
  "furniture",
  "unassigned",
  "layout",
  "warnings",
] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function writeGolden(fixtureDir: string, record: Record<string, unknown>): void {
  const dir = join(fixtureDir, GOLDEN_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const ordered = orderLikeSchema(JSON.parse(JSON.stringify(record)) as Json) as Record<string, Json>;
  const rest: Record<string, Json> = {};
  for (const [key, value] of Object.entries(ordered)) {
    if (key === "text") writeFileSync(join(dir, "text.txt"), value as string);
    else if ((ELEMENT_FILES as readonly string[]).includes(key)) writeFileSync(join(dir, `${key}.json`), formatJson(value));
    else rest[key] = value;
  }
  writeFileSync(join(dir, "record.json"), formatJson(rest));
}

/** The stored record, or null when the fixture has none yet. */
export function readGolden(fixtureDir: string): Record<string, unknown> | null {
  const dir = join(fixtureDir, GOLDEN_DIR);
  if (!existsSync(join(dir, "record.json"))) return null;
  const record = JSON.parse(readFileSync(join(dir, "record.json"), "utf8")) as Record<string, unknown>;
  for (const file of readdirSync(dir)) {
    if (file === "record.json") continue;
    if (file === "text.txt") record.text = readFileSync(join(dir, file), "utf8");
    else if (file.endsWith(".json")) record[file.slice(0, -".json".length)] = JSON.parse(readFileSync(join(dir, file), "utf8"));
    else throw new Error(`unexpected file in ${dir}: ${file}`);
  }
  return record;
}

/** Objects and arrays of scalars no longer than this go on one line. */
const INLINE_WIDTH = 100;

/** JSON with two-space indent, except flat objects and arrays of scalars that fit on one line. */
export function formatJson(value: Json): string {
  return `${format(value, "")}\n`;
}

function format(value: Json, indent: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries: Array<[string | null, Json]> = Array.isArray(value) ? value.map((v) => [null, v]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return `${open}${close}`;
  const item = ([key, v]: [string | null, Json], inner: string) => `${key === null ? "" : `${JSON.stringify(key)}: `}${format(v, inner)}`;
  if (entries.every(([, v]) => v === null || typeof v !== "object")) {
    const line = `${open} ${entries.map((e) => item(e, "")).join(", ")} ${close}`;
    if (line.length + indent.length <= INLINE_WIDTH) return line;
  }
  const inner = `${indent}  `;
  return `${open}\n${entries.map((e) => `${inner}${item(e, inner)}`).join(",\n")}\n${indent}${close}`;
}

interface SchemaNode {
  $ref?: string;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
}

let recordSchema: { root: SchemaNode; defs: Record<string, SchemaNode> } | null = null;

/** Keys in the order the schema declares them (unknown keys last, sorted): stable across refactors. */
export function orderLikeSchema(value: Json): Json {
  if (!recordSchema) {
    const schema = toJsonSchema(VanBanDocumentSchema) as SchemaNode & { $defs?: Record<string, SchemaNode> };
    recordSchema = { root: schema, defs: schema.$defs ?? {} };
  }
  return order(value, recordSchema.root, recordSchema.defs);
}

function order(value: Json, node: SchemaNode | undefined, defs: Record<string, SchemaNode>): Json {
  const resolved = resolve(node, defs, value);
  if (Array.isArray(value)) return value.map((v) => order(v, resolved?.items, defs));
  if (value === null || typeof value !== "object") return value;
  const known = Object.keys(resolved?.properties ?? {}).filter((k) => k in value);
  const unknown = Object.keys(value).filter((k) => !known.includes(k)).sort();
  return Object.fromEntries([...known, ...unknown].map((k) => [k, order(value[k], resolved?.properties?.[k], defs)]));
}

/** Follows $ref, and picks the branch of a union that fits the value (object or array). */
function resolve(node: SchemaNode | undefined, defs: Record<string, SchemaNode>, value: Json): SchemaNode | undefined {
  let n = node;
  for (let guard = 0; n && guard < 10; guard++) {
    if (n.$ref) n = defs[n.$ref.split("/").pop()!];
    else if (n.anyOf ?? n.oneOf) {
      const branches = (n.anyOf ?? n.oneOf)!.map((b) => resolve(b, defs, value));
      n = branches.find((b) => (Array.isArray(value) ? b?.items : b?.properties)) ?? undefined;
    } else break;
  }
  return n;
}
