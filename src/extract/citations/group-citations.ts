/**
 * Grouping occurrences into cited documents (văn bản được trích dẫn): the same số ký hiệu,
 * or the same type and name for a document cited by name, is one document however often and
 * however completely it is cited.
 */
import type { Citation } from "../../schema/citation.js";
import type { CitedDocument } from "./cited-document.js";
import { documentKey } from "./resolve-citations.js";

type Field = "type" | "number" | "symbol" | "year" | "date" | "issuer" | "issuerTerm" | "title";
const FIELDS: readonly Field[] = ["type", "number", "symbol", "year", "date", "issuer", "issuerTerm", "title"];

/**
 * Unique documents in order of first citation. Each field comes from the first occurrence that
 * has it printed, then from the first that has it inferred.
 */
export function groupCitations(citations: Citation[]): CitedDocument[] {
  const groups = new Map<string, { doc: CitedDocument; members: Citation[] }>();
  citations.forEach((c, index) => {
    const key = documentKey(c) ?? `ref:${c.type ?? "unknown"}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        doc: {
          key,
          type: null,
          number: null,
          symbol: null,
          year: null,
          date: null,
          issuer: null,
          issuerTerm: null,
          title: null,
          self: c.self,
          legalBasis: false,
          occurrences: [],
        },
        members: [],
      };
      groups.set(key, g);
    }
    g.members.push(c);
    g.doc.legalBasis ||= c.legalBasis;
    g.doc.occurrences.push({
      index,
      span: { ...c.span },
      sectionId: c.sectionId,
      footnote: c.footnote,
      pinpoints: c.pinpoints.map((p) => ({ ...p })),
    });
  });
  for (const { doc, members } of groups.values()) {
    for (const field of FIELDS) {
      const printed = members.find((m) => m[field] !== null && !(m.inferred as string[]).includes(field));
      const any = printed ?? members.find((m) => m[field] !== null);
      if (any) (doc as Record<Field, unknown>)[field] = any[field];
    }
  }
  return [...groups.values()].map((g) => g.doc);
}
