// One JSON line per document of a folder: the fields a reader checks first, for surveying failure
// classes by eye. Usage: tsx scripts/dump-summary.ts DIR [--skip LIST_FILE] > out.jsonl
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type Section } from "../src/index.js";

const dir = process.argv[2];
const skipAt = process.argv.indexOf("--skip");
const skip = new Set(skipAt > 0 ? readFileSync(process.argv[skipAt + 1], "utf8").split("\n").filter(Boolean) : []);
const top = (s: Section[]) => s.map((x) => `${x.kind}:${x.label}${x.heading ? ` ${x.heading.slice(0, 30)}` : ""}`).slice(0, 12);
for (const file of readdirSync(dir).sort()) {
  if (file.endsWith(".tsv") || skip.has(file)) continue;
  try {
    const r = await parse(join(dir, file), { ocr: "never" });
    const h = r.header;
    console.log(JSON.stringify({
      file, fmt: r.source.format, type: r.type.name, code: r.type.code, title: r.title, subject: r.subject?.slice(0, 140) ?? null,
      parent: h.issuer.parent, issuer: h.issuer.name, no: h.number, sym: h.symbol, place: h.place, date: h.date, year: h.year,
      addressees: r.addressees.map((a) => a.name), top: top(r.sections), preamble: r.preamble.map((p) => p.text.slice(0, 50)).slice(0, 4),
      recipients: r.recipients.map((x) => `${x.name}${x.purpose ? ` (${x.purpose})` : ""}`), archive: r.archive,
      sig: r.signature && { auth: r.signature.authorities.map((a) => `${a.mode}. ${a.title}`), pos: r.signature.position, signer: r.signature.signer },
      head: r.text.slice(0, 400),
      warnings: [...new Set(r.warnings.map((w) => w.code))],
    }));
  } catch (e) {
    console.log(JSON.stringify({ file, error: String(e) }));
  }
}
