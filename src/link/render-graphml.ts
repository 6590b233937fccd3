/** GraphML (opens in Gephi and yEd): the corpus documents and one edge per citation, with its kind. */
import type { CorpusLinks } from "./link-corpus.js";

function escapeXml(s: string): string {
  return s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
}

const NODE_KEYS = ["label", "type", "symbol", "date", "issuer", "subject", "sources"] as const;
const EDGE_KEYS = ["kind", "raw", "evidence", "source", "start", "end"] as const;

export function renderGraphml(links: CorpusLinks): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...NODE_KEYS.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...EDGE_KEYS.map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${k === "start" || k === "end" ? "int" : "string"}"/>`),
    '  <graph id="corpus" edgedefault="directed">',
  ];
  for (const n of links.nodes) {
    const data: Record<(typeof NODE_KEYS)[number], string | null> = {
      label: n.symbol ? `${n.type ?? ""} ${n.symbol}`.trim() : (n.subject ?? n.id),
      type: n.type,
      symbol: n.symbol,
      date: n.date,
      issuer: n.issuer,
      subject: n.subject,
      sources: n.sources.join(" | "),
    };
    out.push(`    <node id="${escapeXml(n.id)}">`);
    for (const k of NODE_KEYS) if (data[k] !== null) out.push(`      <data key="n_${k}">${escapeXml(data[k] as string)}</data>`);
    out.push("    </node>");
  }
  links.edges.forEach((e, i) => {
    out.push(`    <edge id="e${i}" source="${escapeXml(e.from)}" target="${escapeXml(e.to)}">`);
    out.push(`      <data key="e_kind">${e.kind}</data>`);
    out.push(`      <data key="e_raw">${escapeXml(e.raw)}</data>`);
    out.push(`      <data key="e_evidence">${escapeXml(e.evidence.text)}</data>`);
    if (e.evidence.source) out.push(`      <data key="e_source">${escapeXml(e.evidence.source)}</data>`);
    out.push(`      <data key="e_start">${e.evidence.span.start}</data>`);
    out.push(`      <data key="e_end">${e.evidence.span.end}</data>`);
    out.push("    </edge>");
  });
  out.push("  </graph>", "</graphml>");
  return `${out.join("\n")}\n`;
}
