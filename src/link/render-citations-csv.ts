/** citations.csv: one line per citation read, resolved or not, with its relation kind and evidence. */
import { formatCsvRow } from "./csv-row.js";
import type { CorpusLinks } from "./link-corpus.js";

const HEADER = ["from", "source", "citation", "status", "to", "candidates", "kind", "cue", "raw", "start", "end", "evidence"];

export function renderCitationsCsv(links: CorpusLinks): string {
  const rows: Array<{ record: number; citation: number; line: string }> = [];
  for (const e of links.edges) {
    rows.push({ record: e.evidence.record, citation: e.evidence.citation, line: formatCsvRow([e.from, e.evidence.source, e.evidence.citation, "resolved", e.to, null, e.kind, e.evidence.cue, e.raw, e.evidence.span.start, e.evidence.span.end, e.evidence.text]) });
  }
  for (const u of links.unresolved) {
    rows.push({ record: u.evidence.record, citation: u.evidence.citation, line: formatCsvRow([u.from, u.evidence.source, u.evidence.citation, u.reason, u.key, null, u.kind, u.evidence.cue, u.raw, u.evidence.span.start, u.evidence.span.end, u.evidence.text]) });
  }
  for (const a of links.ambiguous) {
    rows.push({ record: a.evidence.record, citation: a.evidence.citation, line: formatCsvRow([a.from, a.evidence.source, a.evidence.citation, "ambiguous", a.key, a.candidates.join(" | "), a.kind, a.evidence.cue, a.raw, a.evidence.span.start, a.evidence.span.end, a.evidence.text]) });
  }
  rows.sort((a, b) => a.record - b.record || a.citation - b.citation);
  return `${[formatCsvRow(HEADER), ...rows.map((r) => r.line)].join("\n")}\n`;
}
