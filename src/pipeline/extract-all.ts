import { extractCitations } from "../extract/citations/extract-citations.js";
import type { ExtractContext } from "../extract/context.js";
import { extractTargets } from "../extract/targets/index.js";
import type { Citation } from "../schema/citation.js";
import type { Result, Target } from "../schema/target.js";

/** Runs the extractors: citations first, then targets, which must not read numbers inside citations. */
export function extractAll(ctx: ExtractContext): { citations: Citation[]; targets: Target[]; results: Result[] } {
  const citations = extractCitations(ctx);
  const { targets, results } = extractTargets(ctx, { exclude: citations.map((c) => c.span) });
  return { citations, targets, results };
}
