/**
 * Mermaid flowchart of a small graph: corpus documents that cite or are cited, one arrow per
 * (citing, cited, kind) labelled with the kind. Past `maxNodes` the picture is unreadable, so
 * null is returned and the caller says so.
 */
import type { CorpusLinks } from "./link-corpus.js";

const KIND_LABELS: Record<string, string> = {
  legal_basis: "căn cứ",
  implements: "thực hiện",
  amends: "sửa đổi",
  replaces: "thay thế",
  repeals: "bãi bỏ",
  reports_or_answers: "báo cáo/trả lời",
  attached_to: "kèm theo",
  other: "khác",
};

function quote(s: string): string {
  return `"${s.replace(/"/gu, "#quot;")}"`;
}

export function renderMermaid(links: CorpusLinks, maxNodes = 60): string | null {
  const linked = new Set(links.edges.flatMap((e) => [e.from, e.to]));
  const nodes = links.nodes.filter((n) => linked.has(n.id));
  if (nodes.length > maxNodes) return null;
  const short = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ["flowchart LR"];
  for (const n of nodes) {
    const about = (n.subject ?? n.sources[0] ?? n.id).slice(0, 40);
    const label =
      n.keyKind === "numbered"
        ? `${n.type ?? ""} ${n.symbol ?? ""}`.trim()
        : `${n.type ?? "Văn bản"} (${n.keyKind === "draft" ? "dự thảo" : "không số"}): ${about}`;
    lines.push(`  ${short.get(n.id)}[${quote(label)}]`);
  }
  const seen = new Set<string>();
  for (const e of links.edges) {
    const k = `${e.from}\u0000${e.to}\u0000${e.kind}`;
    if (seen.has(k)) continue;
    seen.add(k);
    lines.push(`  ${short.get(e.from)} -->|${quote(KIND_LABELS[e.kind] ?? e.kind)}| ${short.get(e.to)}`);
  }
  return `${lines.join("\n")}\n`;
}
