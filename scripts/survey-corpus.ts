// One line per document of a folder: what vanban reads from it, for checking by hand.
// Usage: tsx scripts/survey-corpus.ts DIR [--ocr auto|never]
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { isVanbanError, parse, type Section } from "../src/index.js";

const dir = process.argv[2];
const ocr = (process.argv.includes("--ocr") ? process.argv[process.argv.indexOf("--ocr") + 1] : "auto") as "auto";
const count = (sections: Section[]): number => sections.reduce((n, s) => n + 1 + count(s.children), 0);
for (const file of readdirSync(dir).sort()) {
  const started = performance.now();
  try {
    const r = await parse(join(dir, file), { ocr });
    const ms = Math.round(performance.now() - started);
    const h = r.header;
    console.log(
      JSON.stringify({
        file,
        ms,
        pages: r.source.pages,
        ocr: r.source.ocr?.pages.length ?? 0,
        issuer: [h.issuer.parent, h.issuer.name],
        no: `${h.number ?? "_"}/${h.symbol ?? "_"}`,
        place: h.place,
        date: h.date,
        type: r.type.name,
        title: r.title,
        subject: r.subject?.slice(0, 60) ?? null,
        addressees: r.addressees.length,
        sections: count(r.sections),
        top: r.sections.map((s) => s.label).slice(0, 8),
        footnotes: r.footnotes.map((f) => `${f.label}:${f.refs.length}`),
        recipients: r.recipients.length,
        archive: r.archive?.copies ?? null,
        signature: r.signature && [...r.signature.authorities.map((a) => `${a.mode}. ${a.title}`), r.signature.position, r.signature.signer],
        citations: r.citations.length,
        targets: r.targets.length,
        results: r.results.length,
        unassigned: r.unassigned.length,
        warnings: [...new Set(r.warnings.map((w) => w.code))],
      }),
    );
  } catch (error) {
    console.log(JSON.stringify({ file, error: isVanbanError(error) ? `${error.code}: ${error.message}` : String(error) }));
  }
}
