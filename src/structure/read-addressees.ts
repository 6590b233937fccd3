import type { Addressee } from "../schema/header.js";
import { claim, foldedText, isAside, rangeSpan, type StructureContext } from "./context.js";
import { ADDRESSEE_LEAD } from "../lexicon/header-marks.js";
import { MARKER_BULLET } from "../lexicon/section-markers.js";
import { markerOf, type Marker } from "./section-markers.js";

/** How far after the title the "Kính gửi" line may be. */
const REACH = 6;
const NAME_MAX = 200;
const TRAILING = /[\s;,.]+$/u;

/**
 * Kính gửi: one addressee on the same line, or a list of "- …;" lines under it.
 * Returns the index of the first block after the list.
 */
export function readAddressees(ctx: StructureContext, start: number): { addressees: Addressee[]; end: number } {
  const addressees: Addressee[] = [];
  let i = start;
  let seen = 0;
  for (; i < ctx.blocks.length && seen < REACH; i++) {
    if (ctx.roles[i] !== null || isAside(ctx.blocks[i].role)) continue;
    seen++;
    const lead = ADDRESSEE_LEAD.exec(foldedText(ctx, ctx.blocks[i]));
    if (!lead) continue;
    const block = ctx.blocks[i];
    claim(ctx, i, "addressees");
    const inline = block.text.slice(lead[0].length);
    if (inline.trim()) pushNames(ctx, i, block.start + lead[0].length, inline, addressees);
    // "Kính gửi: Các sở, ngành." closes with its full stop: no list follows.
    if (/\.\s*$/u.test(inline)) return { addressees, end: i + 1 };
    let j = i + 1;
    for (; j < ctx.blocks.length; j++) {
      if (ctx.roles[j] !== null || isAside(ctx.blocks[j].role)) continue;
      const next = ctx.blocks[j];
      const bullet = MARKER_BULLET.exec(next.text);
      const short = next.text.length <= NAME_MAX;
      // Without a bullet, a short line continues the list only while the lines above ended with ";" or ",".
      const listOpen = addressees.length === 0 || /[;,]\s*$/u.test(ctx.text.slice(addressees[addressees.length - 1].span.start, next.start).trimEnd());
      if (!short || (!bullet && !(listOpen && inline.trim() === "" && !/\.\s*$/u.test(prevText(ctx, j))))) break;
      if (!bullet && addressees.length > 0 && !listOpen) break;
      // A numbered heading ("I. NỘI DUNG TRÌNH") opens the body even after a ";".
      if (!bullet && isHeadingMarker(markerOf(next.text, foldedText(ctx, next)))) break;
      const offset = bullet ? next.text.length - bullet.groups!.rest.length : 0;
      pushNames(ctx, j, next.start + offset, next.text.slice(offset), addressees);
      claim(ctx, j, "addressees");
      if (/\.\s*$/u.test(next.text)) {
        j++;
        break;
      }
    }
    return { addressees, end: j };
  }
  return { addressees, end: start };
}

function isHeadingMarker(marker: Marker | null): boolean {
  // Numbers and letters stay open: some lists number their addressees ("1. Sở Nội vụ;").
  return marker !== null && (marker.kind === "roman" || marker.kind === "part" || marker.kind === "chapter" || marker.kind === "article");
}

function prevText(ctx: StructureContext, j: number): string {
  for (let k = j - 1; k >= 0; k--) if (!isAside(ctx.blocks[k].role)) return ctx.blocks[k].text;
  return "";
}

function pushNames(ctx: StructureContext, index: number, start: number, rawText: string, out: Addressee[]): void {
  const block = ctx.blocks[index];
  // A footnote reference printed after a name is not part of it: blank it out.
  let text = rawText;
  for (const m of block.marks ?? []) {
    if (m.kind !== "footnoteRef" && m.kind !== "sup") continue;
    const s = block.start + m.start - start;
    const e = block.start + m.end - start;
    if (s >= 0 && e <= text.length) text = text.slice(0, s) + " ".repeat(e - s) + text.slice(e);
  }
  // Several addressees on one line are separated by ";".
  let offset = 0;
  for (const part of text.split(";")) {
    const name = part.replace(/^[\s\-–•+]+/u, "").replace(TRAILING, "");
    if (name) {
      const at = offset + part.indexOf(name);
      // A reference with more of the name after it stays in the name: the name is as printed.
      const printed = rawText.slice(at, at + name.length);
      out.push({ name: printed, span: rangeSpan(ctx, block, start + at, start + at + name.length) });
    }
    offset += part.length + 1;
  }
}

