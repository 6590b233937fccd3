import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderJsonSchema, renderSchemaMarkdown } from "../src/schema/schema-docs.js";
import { ParseOptionsSchema, VanBanDocumentSchema } from "../src/schema/index.js";

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
