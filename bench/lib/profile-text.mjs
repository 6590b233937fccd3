/**
 * Child process for `node --cpu-prof`: parseText on ~1 MB of the text seed, from src/ through
 * tsx, so the profile names source files and functions (dist chunks are anonymous).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tsImport } from "tsx/esm/api";
import { ROOT } from "./measure.mjs";

const seed = readFileSync(join(ROOT, "fixtures/seed-003-kontum-bc-endnotes-text/input.txt"), "utf8");
const text = Array.from({ length: Math.round(1048576 / Buffer.byteLength(seed)) }, () => seed).join("\n\f\n");
const { parseText } = await tsImport(join(ROOT, "src/parse-text.ts"), import.meta.url);
parseText(seed, { format: "text" });
parseText(text, { format: "text" });
