/**
 * Phân giải trích dẫn: which document of the corpus a citation names. Number and symbol pick the
 * candidates from the index, the year and the issuer must agree; more than one left is reported
 * as ambiguous, never guessed.
 */
import type { Citation } from "../schema/citation.js";
import type { NumberedKey } from "./identity-key.js";
import type { DocumentIndex } from "./index-documents.js";
import { issuerWords, issuersAgree } from "./issuer-agreement.js";

export type Resolution =
  | { outcome: "resolved"; node: number; yearInferred: boolean }
  | { outcome: "self" }
  | { outcome: "ambiguous"; nodes: number[] }
  | { outcome: "unresolved"; reason: "not_in_corpus" | "issuer_mismatch" };

export function resolveCitation(
  citation: Citation,
  key: NumberedKey,
  index: DocumentIndex,
  fromNode: number,
): Resolution {
  const bucket = index.byBucket.get(key.bucket) ?? [];
  // A year printed (or carried from an earlier full citation) must match; a node without a date cannot refute it.
  const sameYear = bucket.filter((n) => key.year === null || index.nodes[n].year === null || index.nodes[n].year === key.year);
  if (sameYear.includes(fromNode)) return { outcome: "self" };
  if (sameYear.length === 0) return { outcome: "unresolved", reason: "not_in_corpus" };
  const words = issuerWords(citation.issuer);
  const agreeing = sameYear.filter((n) => issuersAgree(words, index.issuerWordsOf[n]));
  if (agreeing.length === 0) return { outcome: "unresolved", reason: "issuer_mismatch" };
  if (agreeing.length > 1) return { outcome: "ambiguous", nodes: agreeing };
  return { outcome: "resolved", node: agreeing[0], yearInferred: key.year === null && key.form !== "legal" };
}
