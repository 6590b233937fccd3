// Prints each block of a record's text with the role it was given: `tsx scripts/dump-layout.ts FILE`.
import { parse } from "../src/index.js";
const r = await parse(process.argv[2], { ocr: "never" });
for (const e of r.layout) console.log(`${e.role.padEnd(10)} ${e.span.page ?? ""} | ${r.text.slice(e.span.start, e.span.end).slice(0, 110)}`);
