import type { Span } from "../schema/span.js";
import { SUBJECT_FIELD, SUBJECT_VV } from "../lexicon/header-marks.js";
import { foldedText, isAside, rangeSpan, type StructureContext } from "./context.js";

/** How many blocks after the title the field may sit. */
const FIELD_REACH = 25;

/**
 * The trích yếu of a form that prints none under its title but fills it in as a field
 * ("2. Trích yếu: V/v ban hành Kế hoạch …" in a phiếu trình). The block stays in the body (it is
 * an item of the form's first part); only the subject points into it.
 */
export function readSubjectField(ctx: StructureContext, from: number, limit: number): { text: string; span: Span } | null {
  let seen = 0;
  for (let i = from; i < limit && seen < FIELD_REACH; i++) {
    const block = ctx.blocks[i];
    if (ctx.roles[i] !== null || isAside(block.role)) continue;
    seen++;
    const lead = SUBJECT_FIELD.exec(foldedText(ctx, block));
    if (!lead) continue;
    let rest = block.text.slice(lead[0].length);
    const vv = SUBJECT_VV.exec(rest);
    const cut = lead[0].length + (vv ? vv[0].length : 0);
    rest = block.text.slice(cut).replace(/[\s.;]+$/u, "");
    if (rest.length < 3) return null;
    return { text: rest.replace(/\s+/gu, " "), span: rangeSpan(ctx, block, block.start + cut, block.start + cut + rest.length) };
  }
  return null;
}
