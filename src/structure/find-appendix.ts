import { AUTHORITY, PERSON_NAME, RECIPIENTS_LEAD } from "../lexicon/closing-marks.js";
import { isAllCaps } from "../text/caps.js";
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
    // The source knew the closing table or columns: what follows them is an attachment — except
    // the signer's name, which offices often print below the table ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    // in the table, "Nguyễn Minh" under it).
    if (inClosingZone && block.zone !== "closing") {
      // Title case only: "DANH SÁCH THÀNH VIÊN" in capitals opens an attachment.
      if (PERSON_NAME.test(block.text.trim()) && block.text.length <= 50 && !isAllCaps(block.text)) {
        inClosingZone = false;
        closingSeen = true;
        continue;
      }
      return i;
    }
    inClosingZone = block.zone === "closing";
    const folded = ctx.folded.slice(block.start, block.end);
    if (RECIPIENTS_LEAD.test(folded) || AUTHORITY.test(block.text) || inClosingZone) closingSeen = true;
    else if (closingSeen && markerOf(block.text, folded)?.kind === "appendix") return i;
  }
  return ctx.blocks.length;
}
