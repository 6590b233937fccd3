import { readFileSync } from "node:fs";
import { buildRecord } from "../src/pipeline/build-record.js";
import { ParseOptionsSchema } from "../src/schema/options.js";
const resolveOptions = (o: object) => ParseOptionsSchema.parse(o);
const f = process.argv[2];
const bytes = new Uint8Array(readFileSync(f));
const mod = f.endsWith(".pdf") ? await import("../src/sources/pdf/index.js") : f.endsWith(".doc") ? await import("../src/sources/doc/index.js") : await import("../src/sources/docx/index.js");
const read = (mod as any).readPdf ?? (mod as any).readDoc ?? (mod as any).readDocx;
const src = await read(bytes, resolveOptions({ ocr: "never" }));
if (process.argv[3] === "blocks") { for (const b of src.blocks) console.log(b.page ?? "", b.role ?? "", b.zone ?? "", b.column ?? "", b.style.bold ? "B" : "", b.style.align ?? "", "|", b.text.slice(0, 120)); process.exit(0); }
const r = buildRecord(src, { name: f, bytes: 0, sha256: "0".repeat(64) });
const brief = (s: any, d = 0): string => `${"  ".repeat(d)}[${s.id}] ${s.kind} ${s.label} | ${(s.heading ?? "").slice(0, 80)} (${s.paragraphs.length}p)\n` + s.children.map((c: any) => brief(c, d + 1)).join("");
console.log(JSON.stringify({ type: r.type, title: r.title, subject: r.subject, header: { ...r.header, spans: undefined }, addressees: r.addressees.map(a=>a.name), recipients: r.recipients.map(x=>[x.name,x.purpose]), archive: r.archive && {...r.archive, span: undefined}, signature: r.signature && {...r.signature, span: undefined} }));
console.log("preamble", r.preamble.map(p=>p.text.slice(0,60)));
console.log(r.sections.map((s) => brief(s)).join("").split("\n").slice(0, 40).join("\n"));
console.log("footnotes", r.footnotes.map(n=>[n.label, n.text.slice(0,40), n.refs.map(x=>x.sectionId)]));
console.log("unassigned", r.unassigned.map(p=>p.text.slice(0,80)));
console.log("warnings", r.warnings.map(w=>w.code+": "+w.message.slice(0,100)));
