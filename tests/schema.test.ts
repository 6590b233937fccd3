import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { renderJsonSchema, renderSchemaMarkdown } from "../src/schema/schema-docs.js";
import { ParseOptionsSchema, VanBanDocumentSchema, WarningSchema } from "../src/schema/index.js";
import { isStageFailure, STAGE_FAILURE_CODES, WARNING_CODES, WarningCodeSchema } from "../src/schema/warning-codes.js";

const docs = join(import.meta.dirname, "..", "docs");

describe("schema documents", () => {
  it("docs/vanban.schema.json is in sync with the zod schemas (npm run docs:schema)", () => {
    expect(readFileSync(join(docs, "vanban.schema.json"), "utf8")).toBe(renderJsonSchema());
  });
  it("docs/schema.md is in sync with the zod schemas (npm run docs:schema)", () => {
    expect(readFileSync(join(docs, "schema.md"), "utf8")).toBe(renderSchemaMarkdown());
  });
  it("keeps the field names of the record contract", () => {
    const shape = VanBanDocumentSchema.shape;
    for (const field of ["schemaVersion", "source", "text", "type", "title", "subject", "header", "addressees", "preamble", "sections", "footnotes", "recipients", "archive", "signature", "citations", "targets", "furniture", "unassigned", "warnings"]) {
      expect(shape, field).toHaveProperty(field);
    }
  });
  it("rejects unknown options", () => {
    expect(ParseOptionsSchema.safeParse({ ocr: "sometimes" }).success).toBe(false);
    expect(ParseOptionsSchema.safeParse({ colour: true }).success).toBe(false);
  });
});

describe("option defaults", () => {
  it("the zod-free defaults agree with the schema's", async () => {
    const { DEFAULT_OPTIONS } = await import("../src/schema/option-defaults.js");
    expect(ParseOptionsSchema.parse({})).toEqual({ ...DEFAULT_OPTIONS });
  });
});

describe("warning codes", () => {
  const codes = Object.keys(WARNING_CODES);

  it("a code ending in _failed reports a stage failure, and only those do", () => {
    for (const code of codes) expect(isStageFailure(code), code).toBe(code.endsWith("_failed"));
    expect([...STAGE_FAILURE_CODES].sort()).toEqual(codes.filter((c) => c.endsWith("_failed")).sort());
  });

  it("every code is snake_case with a one-sentence description", () => {
    for (const [code, info] of Object.entries(WARNING_CODES)) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/u);
      expect(info.description, code).toMatch(/^[A-Z`].*\.$/u);
      expect(info.description.split(/\.\s+[A-Z]/u), code).toHaveLength(1);
    }
  });

  it.each([
    ["a known code", "section_numbering_gap", true],
    ["a stage failure", "citation_extraction_failed", true],
    ["an unknown code", "made_up_warning", false],
    ["a known code in another case", "Section_Numbering_Gap", false],
    ["the empty string", "", false],
  ])("the record's warning code accepts %s (%j): %s", (_, code, ok) => {
    expect(WarningCodeSchema.safeParse(code).success).toBe(ok);
    expect(WarningSchema.safeParse({ code, message: "m" }).success).toBe(ok);
  });

  it("the JSON Schema and docs/schema.md list every code, with its sentence", () => {
    const json = JSON.parse(renderJsonSchema()) as { $defs: Record<string, { enum?: string[] }> };
    expect(json.$defs.WarningCode.enum).toEqual(codes);
    const markdown = renderSchemaMarkdown();
    for (const [code, info] of Object.entries(WARNING_CODES)) expect(markdown).toContain(`| \`${code}\` | ${info.stage} | ${info.failure ? "yes" : ""} | ${info.description} |`);
  });

  it("the list is exactly the codes src/ emits (a literal code, or a warn helper's literal argument)", () => {
    const src = join(import.meta.dirname, "..", "src");
    const emitted = new Map<string, string>();
    const dynamic: string[] = [];
    for (const file of tsFiles(src)) {
      // The shells' outcome codes (CLI, queue workers, review server) are error codes, not warnings.
      if (/^(?:cli|queue|review|isolate)\//u.test(relative(src, file))) continue;
      const text = readFileSync(file, "utf8");
      const at = (index: number) => `${relative(src, file)}:${text.slice(0, index).split("\n").length}`;
      for (const m of text.matchAll(/\bcode:\s*"([a-z][a-z0-9]*(?:_[a-z0-9]+)+)"/gu)) emitted.set(m[1], at(m.index));
      for (const m of text.matchAll(/\bwarn\w*\(\s*[\w.]+,\s*"([a-z0-9_]+)"/gu)) emitted.set(m[1], at(m.index));
      // A code built at run time cannot be checked against the list.
      for (const m of text.matchAll(/\bcode:\s*`/gu)) dynamic.push(at(m.index));
    }
    expect(dynamic).toEqual([]);
    expect([...emitted.keys()].filter((c) => !(c in WARNING_CODES)).map((c) => `${c} (${emitted.get(c)})`)).toEqual([]);
    expect(codes.filter((c) => !emitted.has(c))).toEqual([]);
  });
});

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}
