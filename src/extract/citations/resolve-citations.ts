/**
 * Completing citations from each other, once all are found (Phụ lục I, 6.b of Nghị định
 * 30/2020: the first citation is full, later ones give only type and number):
 * 1. lists — "số 380/QĐ-UBND và Quyết định số 381/QĐ-UBND ngày 29 tháng 6 năm 2022": items
 *    joined only by ";", "," or "và" share the date and issuer printed after the last one;
 * 2. short forms — a later "Kế hoạch số 3461/KH-UBND" takes date, issuer, type and year from the
 *    earlier full citation of the same document;
 * 3. "Chỉ thị này" in a document that is not a Chỉ thị points back at the last Chỉ thị cited.
 * Every field filled this way is listed in `inferred`.
 */
import type { Citation } from "../../schema/citation.js";
import { foldKey } from "../../text/fold.js";
import type { FoundCitation, InferredField } from "./find-citations.js";
import { LIST_GAP } from "./patterns.js";
import { BoundedCache } from "../../util/bounded-cache.js";


function addInferred(c: Citation, field: InferredField): void {
  if (!c.inferred.includes(field)) c.inferred.push(field);
}

/** Folded names already computed: a record cites the same few laws again and again. */
const TITLE_KEYS = new BoundedCache<string, string>(4096);

/** Identity of the cited document: its canonical symbol, else its name (case and tone folded). */
export function documentKey(c: Citation): string | null {
  if (c.self) return "self";
  if (c.symbol) return `symbol:${c.symbol}`;
  if (c.title) {
    return TITLE_KEYS.getOrCompute(c.title, (title) => `title:${foldKey(title)}`);
  }
  return null;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function resolveCitations(text: string, found: FoundCitation[]): Citation[] {
  shareAcrossLists(text, found);
  inheritFromFullCitations(found);
  resolveBackReferences(found);
  return found.map((f) => f.citation);
}

function connected(text: string, a: FoundCitation, b: FoundCitation): boolean {
  const ca = a.citation;
  const cb = b.citation;
  if (a.unit !== b.unit || ca.self || cb.self || !ca.symbol || !cb.symbol) return false;
  if (ca.type !== null && cb.type !== null && ca.type !== cb.type) return false;
  return ca.span.end <= cb.span.start && LIST_GAP.test(text.slice(ca.span.end, cb.span.start));
}

function shareAcrossLists(text: string, found: FoundCitation[]): void {
  // A list header's issuer covers the items after it, even those with their own type word
  // ("…: số 380/QĐ-UBND và Quyết định số 381/QĐ-UBND ngày …").
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i];
    const b = found[i + 1];
    if (!a.headerIssuer || b.citation.issuer !== null || !connected(text, a, b)) continue;
    b.citation.issuer = a.citation.issuer;
    addInferred(b.citation, "issuer");
    b.headerIssuer = true;
  }
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i];
    const b = found[i + 1];
    if (a.intro === "none" || !connected(text, a, b)) continue;
    const ca = a.citation;
    const cb = b.citation;
    if (ca.date === null && cb.date !== null) {
      ca.date = cb.date;
      addInferred(ca, "date");
      if (ca.year === null) {
        ca.year = yearOf(cb.date);
        addInferred(ca, "year");
      }
    }
    if (ca.issuer === null && cb.issuer !== null) {
      ca.issuer = cb.issuer;
      ca.issuerTerm ??= cb.issuerTerm;
      addInferred(ca, "issuer");
    }
    if (ca.type === null && cb.type !== null) {
      ca.type = cb.type;
      addInferred(ca, "type");
    }
  }
}

function inheritFromFullCitations(found: FoundCitation[]): void {
  const first = new Map<string, Citation>();
  for (const { citation: c } of found) {
    const key = documentKey(c);
    if (key === null || key === "self") continue;
    const prior = first.get(key);
    if (!prior) {
      first.set(key, c);
      continue;
    }
    if (c.date === null && prior.date !== null) {
      c.date = prior.date;
      addInferred(c, "date");
    }
    if (c.issuer === null && prior.issuer !== null) {
      c.issuer = prior.issuer;
      c.issuerTerm ??= prior.issuerTerm;
      addInferred(c, "issuer");
    }
    if (c.type === null && prior.type !== null) {
      c.type = prior.type;
      addInferred(c, "type");
    }
    if (c.year === null && (prior.year !== null || c.date !== null)) {
      c.year = prior.year ?? yearOf(c.date as string);
      addInferred(c, "year");
    }
    // A later, fuller citation becomes the reference for the ones after it.
    if ((prior.date === null && c.date !== null) || (prior.issuer === null && c.issuer !== null)) first.set(key, c);
  }
}

function resolveBackReferences(found: FoundCitation[]): void {
  const lastOfType = new Map<string, Citation>();
  for (const { citation: c } of found) {
    if (!c.self && c.symbol === null && c.title === null && c.type !== null) {
      const antecedent = lastOfType.get(c.type);
      if (antecedent) {
        c.number = antecedent.number;
        c.symbol = antecedent.symbol;
        c.title = antecedent.title;
        if (antecedent.date !== null) {
          c.date = antecedent.date;
          addInferred(c, "date");
        }
        if (antecedent.issuer !== null) {
          c.issuer = antecedent.issuer;
          c.issuerTerm = antecedent.issuerTerm;
          addInferred(c, "issuer");
        }
        if (antecedent.year !== null) {
          c.year = antecedent.year;
          addInferred(c, "year");
        }
      }
      continue;
    }
    if (!c.self && c.type !== null && (c.symbol !== null || c.title !== null)) lastOfType.set(c.type, c);
  }
}
