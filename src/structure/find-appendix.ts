import { RECIPIENTS_LEAD, AUTHORITY } from "../lexicon/closing-marks.js";
import { isAside, type StructureContext } from "./context.js";
import { markerOf } from "./section-markers.js";

/**
 * Phụ lục printed after the signature: the closing is looked for before it, and the appendix
 * joins the section tree. An appendix heading counts only after a closing line.
 */
export function findAppendix(ctx: StructureContext, from: number): number {
  let closingSeen = false;
  let inClosingZone = false;
  for (let i = from; i < ctx.blocks.length; i++) {
    const block = ctx.blocks[i];
    if (isAside(block.role)) continue;
    // The source knew the closing table or columns: what follows them is an attachment.
    if (inClosingZone && block.zone !== "closing") return i;
    inClosingZone = block.zone === "closing";
    const folded = ctx.folded.slice(block.start, block.end);
    if (RECIPIENTS_LEAD.test(folded) || AUTHORITY.test(block.text) || inClosingZone) closingSeen = true;
    else if (closingSeen && markerOf(block.text, folded)?.kind === "appendix") return i;
  }
  return ctx.blocks.length;
}
