import type { Signature } from "../schema/header.js";
import { SIGN_OFF_ROW } from "../lexicon/closing-marks.js";
import { claim, isAside, rangeSpan, type StructureContext } from "./context.js";

/** How many blocks from the end the sign-off boxes may start. */
const SIGN_OFF_REACH = 40;

/**
 * The signature of a form signed off in boxes (phiếu trình: "LÃNH ĐẠO VĂN PHÒNG ……… Ngày …
 * Trịnh Ngọc Duệ", then "Chuyên viên …", "Lãnh đạo phòng …"), read only when the document has no
 * ordinary signature block. The box in capitals is the issuing office's leader, who signs the
 * form; the staff boxes (in title case) and "KÍNH TRÌNH …" (the addressee's opinion) are not.
 */
export function readSignOff(ctx: StructureContext, bodyStart: number, limit: number): Signature | null {
  for (let i = Math.max(bodyStart, limit - SIGN_OFF_REACH); i < limit; i++) {
    const block = ctx.blocks[i];
    if (ctx.roles[i] !== null || isAside(block.role)) continue;
    const row = SIGN_OFF_ROW.exec(block.text.trim());
    if (!row?.groups) continue;
    claim(ctx, i, "signature");
    return {
      authorities: [],
      position: row.groups.position.trim().replace(/\s+/gu, " "),
      signer: row.groups.signer,
      span: rangeSpan(ctx, block, block.start, block.end),
    };
  }
  return null;
}
