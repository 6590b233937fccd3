// Times parseText on a generated input: `tsx scripts/time-case.ts near|deep|list N`.
import { parseText } from "../src/index.js";
const [kind, n] = [process.argv[2], Number(process.argv[3] ?? 1000)];
const text =
  kind === "near" ? "Quyết định số 1/ 2/ 3- ".repeat(n) :
  kind === "deep" ? "> ".repeat(n) + "x" :
  Array.from({ length: n }, (_, i) => `${"  ".repeat(i)}- a`).join("\n");
const t = performance.now();
const r = parseText(text, { format: kind === "near" ? "text" : "markdown" });
console.log(kind, n, text.length, "chars", Math.round(performance.now() - t), "ms", r.citations.length, "citations", r.warnings.length, "warnings");
