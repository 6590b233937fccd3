// Profiles parseText on a large Markdown report: `node --cpu-prof --import tsx scripts/prof-markdown.ts MB`.
import { readFileSync } from "node:fs";
import { parseText } from "../src/index.js";

const seed = readFileSync("fixtures/seed-000-kontum-bc-markdown/input.md", "utf8");
const text = seed.repeat(Math.ceil((Number(process.argv[2] ?? 2) * 1e6) / Buffer.byteLength(seed)));
const t = performance.now();
parseText(text, { format: "markdown" });
console.log(`${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(2)} s`);
