import type { Citation } from "../../schema/citation.js";
import type { ExtractContext } from "../context.js";
import { findCitationsInUnit, type FoundCitation } from "./find-citations.js";
import { fillIssuers } from "./issuer-before.js";
import { resolveCitations } from "./resolve-citations.js";

/**
 * Finds every citation in the record's units, in text order (one entry per occurrence), with
 * lists, short forms and back references resolved. Looks inside units only; doubts go to
 * `ctx.warnings` (`citation_type_corrected`, `citation_date_invalid`, `citation_type_mismatch`).
 * Never throws on content.
 */
export function extractCitations(ctx: ExtractContext): Citation[] {
  const order = ctx.units.map((_, i) => i).sort((a, b) => ctx.units[a].span.start - ctx.units[b].span.start || a - b);
  const found: FoundCitation[] = [];
  const seen = new Set<string>();
  for (const i of order) {
    const before = found.length;
    try {
      findCitationsInUnit(ctx, i, found);
    } catch (error) {
      // A bug must not cost the record: keep what the other units gave and say so.
      found.length = before;
      ctx.warnings.push({
        code: "citation_extraction_failed",
        message: `Citations of a text unit could not be read: ${error instanceof Error ? error.message : String(error)}`,
        span: { ...ctx.units[i].span },
      });
    }
    // Units that overlap must not report the same occurrence twice.
    for (let k = before; k < found.length; ) {
      const s = found[k].citation.span;
      const key = `${s.start}:${s.end}`;
      if (seen.has(key)) found.splice(k, 1);
      else {
        seen.add(key);
        k++;
      }
    }
  }
  fillIssuers(ctx.text, found.map((f) => f.citation));
  return resolveCitations(ctx.text, found);
}
