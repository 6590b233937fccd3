import { VanBanDocumentSchema } from "./document.js";
import { toJsonSchema } from "./json-schema.js";
import { WARNING_CODES } from "./warning-codes.js";

type JsonSchema = {
  type?: string | string[];
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  title?: string;
  $defs?: Record<string, JsonSchema>;
};

/** The committed JSON Schema of the record (docs/vanban.schema.json). */
export function renderJsonSchema(): string {
  return `${JSON.stringify(toJsonSchema(VanBanDocumentSchema), null, 2)}\n`;
}

/** A readable field reference (docs/schema.md), generated from the same JSON Schema. */
export function renderSchemaMarkdown(): string {
  const schema = toJsonSchema(VanBanDocumentSchema) as JsonSchema;
  const lines: string[] = [
    "# Record reference",
    "",
    "Generated from the zod schemas in `src/schema/` by `npm run docs:schema`; do not edit by hand.",
    "The machine-readable form is [`vanban.schema.json`](./vanban.schema.json) (JSON Schema 2020-12).",
    "",
    "Spans are half-open UTF-16 ranges `[start, end)` into the record's `text`. `null` means the",
    "document does not have the value, never that it was not looked for.",
    "",
  ];
  const render = (name: string, def: JsonSchema) => {
    lines.push(`## ${name}`, "");
    if (def.description) lines.push(def.description, "");
    if (!def.properties) {
      lines.push(`Type: ${typeOf(def)}`, "");
      return;
    }
    lines.push("| field | type | required | description |", "| --- | --- | --- | --- |");
    for (const [field, prop] of Object.entries(def.properties)) {
      const required = def.required?.includes(field) ? "yes" : "no";
      lines.push(`| \`${field}\` | ${typeOf(prop)} | ${required} | ${(describe(prop) ?? "").replace(/\|/gu, "\\|").replace(/\n/gu, " ")} |`);
    }
    lines.push("");
  };
  const defs = schema.$defs ?? {};
  const rootName = schema.$ref?.split("/").pop();
  const root = rootName ? defs[rootName] : schema;
  render("VanBanDocument", root);
  for (const [name, def] of Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))) if (name !== rootName && name !== "WarningCode") render(name, def);
  renderWarningCodes(lines);
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The warning codes, one row each, grouped by the stage that emits them. */
function renderWarningCodes(lines: string[]): void {
  lines.push(
    "## Warning codes",
    "",
    "`Warning.code` is one of these. A warning marked *failure* means the stage's own code failed on",
    "part of the document and that part's output is missing: report it as a bug.",
    "",
    "| code | stage | failure | meaning |",
    "| --- | --- | --- | --- |",
  );
  for (const [code, info] of Object.entries(WARNING_CODES)) {
    lines.push(`| \`${code}\` | ${info.stage} | ${info.failure ? "yes" : ""} | ${info.description.replace(/\|/gu, "\\|")} |`);
  }
  lines.push("");
}

function describe(s: JsonSchema): string | undefined {
  return s.description ?? s.anyOf?.find((x) => x.description)?.description;
}

function typeOf(s: JsonSchema): string {
  if (s.$ref) {
    const name = s.$ref.split("/").pop()!;
    // WarningCode is rendered as the "Warning codes" table, not as a type section.
    return `[${name}](#${name === "WarningCode" ? "warning-codes" : name.toLowerCase()})`;
  }
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((e) => `\`${JSON.stringify(e)}\``).join(" \\| ");
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map(typeOf).join(" \\| ");
  if (s.type === "array") return `${typeOf(s.items ?? {})}[]`;
  if (s.type === "object" && s.properties) {
    return `{ ${Object.entries(s.properties).map(([k, v]) => `${k}${s.required?.includes(k) ? "" : "?"}: ${typeOf(v)}`).join("; ")} }`;
  }
  if (Array.isArray(s.type)) return s.type.join(" \\| ");
  return s.type ?? "any";
}
