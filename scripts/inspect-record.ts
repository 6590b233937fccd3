// Prints a short view of a parsed record: `tsx scripts/inspect-record.ts FILE [--ocr auto]`.
import { parse, type Section } from "../src/index.js";

const file = process.argv[2];
const ocr = process.argv.includes("--ocr") ? (process.argv[process.argv.indexOf("--ocr") + 1] as "auto") : "never";
const r = await parse(file, { ocr });
const tree = (s: Section, d = 0): string =>
  `${"  ".repeat(d)}[${s.id}] ${s.kind} ${s.label} | ${(s.heading ?? "").slice(0, 70)} (${s.paragraphs.length}p)\n${s.children.map((c) => tree(c, d + 1)).join("")}`;
const { spans: _spans, ...header } = r.header;
console.log(JSON.stringify({ type: r.type, title: r.title, subject: r.subject, header }));
console.log("addressees", JSON.stringify(r.addressees.map((a) => a.name)));
console.log("recipients", JSON.stringify(r.recipients.map((x) => [x.name, x.purpose])));
console.log("archive", JSON.stringify(r.archive && { copies: r.archive.copies, drafter: r.archive.drafter, count: r.archive.count }));
console.log("signature", JSON.stringify(r.signature && { authorities: r.signature.authorities, position: r.signature.position, signer: r.signature.signer }));
console.log("preamble", JSON.stringify(r.preamble.map((p) => p.text.slice(0, 50))));
console.log(r.sections.map((s) => tree(s)).join("").split("\n").slice(0, Number(process.env.TREE ?? 25)).join("\n"));
console.log("footnotes", JSON.stringify(r.footnotes.map((n) => [n.label, n.text.slice(0, 30), n.refs.map((x) => x.sectionId)])));
console.log("citations", r.citations.length, JSON.stringify(r.citations.slice(0, Number(process.env.CIT ?? 6)).map((c) => [c.type, c.symbol ?? c.title, c.date, c.issuer])));
console.log("targets", r.targets.length, "results", r.results.length);
console.log("furniture", r.furniture.length, "unassigned", JSON.stringify(r.unassigned.map((p) => p.text.slice(0, 60))));
console.log("warnings", JSON.stringify(r.warnings.map((w) => `${w.code}${w.pages ? ` ${w.pages.join(",")}` : ""}`)));
