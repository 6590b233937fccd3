// Prints each block of a record's text with the role it was given: `tsx scripts/dump-layout.ts FILE [ocr]`.
import { parse } from "../src/index.js";
const r = await parse(process.argv[2], { ocr: (process.argv[3] ?? "never") as "auto" });
for (const e of r.layout.slice(0, Number(process.env.N ?? 1e9))) console.log(`${e.role.padEnd(10)} ${e.span.page ?? ""} | ${r.text.slice(e.span.start, e.span.end).slice(0, 110)}`);
