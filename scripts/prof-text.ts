// Profiles parseText on a large report made by repeating the seeds: `node --cpu-prof --import tsx scripts/prof-text.ts MB`.
import { readFileSync } from "node:fs";
import { parseText } from "../src/index.js";

const seed = ["seed-002-kontum-phatdong-text/input.txt", "seed-003-kontum-bc-endnotes-text/input.txt"].map((f) => readFileSync(`fixtures/${f}`, "utf8")).join("\n\n");
const mb = Number(process.argv[2] ?? 5);
const text = seed.repeat(Math.ceil((mb * 1e6) / Buffer.byteLength(seed)));
parseText(seed, { format: "text" }); // warm up
const t = performance.now();
const r = parseText(text, { format: "text" });
const s = (performance.now() - t) / 1000;
console.log(`${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB in ${s.toFixed(2)} s = ${(Buffer.byteLength(text) / 1e6 / s).toFixed(1)} MB/s; ${r.citations.length} citations, ${r.targets.length} targets`);
