import { ARCHIVE_LEAD, AUTHORITY, PERSON_NAME, POSITION, RECIPIENTS_LEAD } from "../lexicon/closing-marks.js";
import { NATIONAL_TITLE } from "../lexicon/header-marks.js";
import { isAllCaps } from "../text/caps.js";
import { foldedText, isAside, type StructureContext } from "./context.js";
import { markerOf } from "./section-markers.js";
import { typeOfTitle } from "./document-type.js";
import { isIssuerCapitals } from "./issuer-capitals.js";

/** How many lines after the closing's last line a new quốc hiệu may start an attachment (issuer lines). */
const NEW_TEXT_REACH = 3;

/**
 * Phụ lục printed after the signature: the closing is looked for before it, and the appendix
 * joins the section tree. An appendix heading counts only after a closing line.
 */
export function findAppendix(ctx: StructureContext, from: number): number {
  let closingSeen = false;
  let inClosingZone = false;
  // Flow blocks since the last line of a closing (Nơi nhận, Lưu, authority, position, signer).
  let sinceClosing = Infinity;
  // A signer's name (title case) was read after the closing began.
  let signerSeen = false;
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
        signerSeen = true;
        sinceClosing = 0;
        continue;
      }
      return i;
    }
    inClosingZone = block.zone === "closing";
    const folded = foldedText(ctx, block);
    const text = block.text.trim();
    if (RECIPIENTS_LEAD.test(folded) || AUTHORITY.test(block.text) || inClosingZone) {
      closingSeen = true;
      sinceClosing = 0;
    } else if (closingSeen && markerOf(block.text, folded)?.kind === "appendix") return i;
    // A text with its own quốc hiệu right after the closing (a dự thảo, a phiếu ghi ý kiến, an
    // Điều lệ): an attachment, with the issuer lines printed just before the quốc hiệu. Only
    // right after it: a sample form inside the body (a Phụ lục on layout) is not an attachment.
    else if (closingSeen && sinceClosing <= NEW_TEXT_REACH && NATIONAL_TITLE.test(folded)) return backOverIssuer(ctx, i, from);
    // Under a signed closing, a type title in capitals ("DANH SÁCH", "QUY CHẾ") opens the attached text.
    else if (signerSeen && sinceClosing <= NEW_TEXT_REACH && isAllCaps(text) && typeOfTitle(text) !== null) return i;
    else if (closingSeen && (POSITION.test(text) || (PERSON_NAME.test(text) && text.length <= 50) || ARCHIVE_LEAD.test(folded))) {
      sinceClosing = 0;
      if (!isAllCaps(text) && PERSON_NAME.test(text)) signerSeen = true;
    } else sinceClosing++;
  }
  return ctx.blocks.length;
}

/**
 * Up to two issuer lines in capitals before a quốc hiệu ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG"),
 * never a signature's authority or position line.
 */
function backOverIssuer(ctx: StructureContext, i: number, from: number): number {
  let start = i;
  for (let k = i - 1, taken = 0; k >= from && taken < 2; k--) {
    const block = ctx.blocks[k];
    if (isAside(block.role)) continue;
    if (!isIssuerCapitals(block.text)) break;
    start = k;
    taken++;
  }
  return start;
}
