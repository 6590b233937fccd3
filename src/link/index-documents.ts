/**
 * Kho văn bản: the records grouped into documents (a signed PDF and its Word copy are one
 * document) and indexed by the key citations are looked up with. One pass, one map: linking
 * stays linear in the number of records.
 */
import type { GraphNode } from "./graph-schema.js";
import { keyRecord } from "./identity-key.js";
import { issuerWords, issuersAgree } from "./issuer-agreement.js";
import type { LinkableRecord } from "./linkable-record.js";

export interface DocumentIndex {
  nodes: GraphNode[];
  /** Words of each node's issuer and its parent body, for the issuer test. */
  issuerWordsOf: Set<string>[];
  /** The record whose citations and figures stand for the node: the one with the most citations. */
  representative: number[];
  nodeOfRecord: number[];
  /** Canonical symbol without year → nodes with that number and symbol (any year). */
  byBucket: Map<string, number[]>;
  byId: Map<string, number>;
}

function recordIssuer(r: LinkableRecord): string | null {
  return r.header.issuer.name;
}

export function indexDocuments(records: readonly LinkableRecord[]): DocumentIndex {
  const index: DocumentIndex = {
    nodes: [],
    issuerWordsOf: [],
    representative: [],
    nodeOfRecord: [],
    byBucket: new Map(),
    byId: new Map(),
  };
  const sameId = new Map<string, number[]>();
  records.forEach((r, i) => {
    const key = keyRecord(r, i);
    const id = key.kind === "numbered" ? key.key.id : key.id;
    const words = issuerWords(`${r.header.issuer.parent ?? ""} ${recordIssuer(r) ?? ""}`);
    const siblings = sameId.get(id) ?? [];
    // Same key, compatible issuer: another copy of the same document.
    const found = siblings.find((n) => issuersAgree(index.issuerWordsOf[n], words));
    if (found !== undefined) {
      const node = index.nodes[found];
      node.records.push(i);
      if (r.source.name) node.sources.push(r.source.name);
      node.date ??= r.header.date;
      node.issuer ??= recordIssuer(r);
      if (r.citations.length > records[index.representative[found]].citations.length) index.representative[found] = i;
      index.nodeOfRecord.push(found);
      return;
    }
    const n = index.nodes.length;
    const nodeId = siblings.length === 0 ? id : `${id}#${siblings.length + 1}`;
    siblings.push(n);
    sameId.set(id, siblings);
    index.nodes.push({
      id: nodeId,
      keyKind: key.kind,
      type: r.type.name,
      number: key.kind === "numbered" ? key.key.number : null,
      symbol: key.kind === "numbered" ? key.key.bucket : r.header.symbol,
      year: key.kind === "numbered" ? key.key.year : (r.header.date ? Number(r.header.date.slice(0, 4)) : r.header.year),
      date: r.header.date,
      issuer: recordIssuer(r),
      subject: r.subject,
      records: [i],
      sources: r.source.name ? [r.source.name] : [],
    });
    index.issuerWordsOf.push(words);
    index.representative.push(i);
    index.nodeOfRecord.push(n);
    index.byId.set(nodeId, n);
    if (key.kind === "numbered") {
      const bucket = index.byBucket.get(key.key.bucket);
      if (bucket) bucket.push(n);
      else index.byBucket.set(key.key.bucket, [n]);
    }
  });
  return index;
}
