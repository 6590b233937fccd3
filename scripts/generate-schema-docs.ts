// Writes docs/vanban.schema.json and docs/schema.md from the zod schemas.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderJsonSchema, renderSchemaMarkdown } from "../src/schema/schema-docs.js";

const docs = join(import.meta.dirname, "..", "docs");
writeFileSync(join(docs, "vanban.schema.json"), renderJsonSchema());
writeFileSync(join(docs, "schema.md"), renderSchemaMarkdown());
console.log("wrote docs/vanban.schema.json and docs/schema.md");
