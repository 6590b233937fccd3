import type { PlacedBlock } from "../blocks/index.js";
import type { Archive, Authority, Recipient, Signature } from "../schema/header.js";
import type { Span } from "../schema/span.js";
import { isAllCaps } from "../text/caps.js";
import { claim, foldedText, joinSpans, isAside, rangeSpan, type StructureContext } from "./context.js";
import { ARCHIVE_COUNT, ARCHIVE_LEAD, ARCHIVE_SEPARATOR, AUTHORITY, DRAFTER_BRACES, DRAFTER_DOT, DRAFTER_PAREN, END_MARK, purposeCodeOf, PERSON_NAME, POSITION, RECIPIENTS_LEAD, RECIPIENT_LINE, RECIPIENT_PURPOSE, RECIPIENT_THEN_SIGNATURE } from "../lexicon/closing-marks.js";
import { SIGNING_NOTE } from "../lexicon/signing-stamps.js";
import { UPPER_CLASS } from "../lexicon/letters.js";

/** "KTTH-TTHG": unit and drafter joined by a hyphen. */
const DRAFTER_HYPHEN = new RegExp(String.raw`^(?<unit>[${UPPER_CLASS}&]{2,})-(?<drafter>[${UPPER_CLASS}]{2,6})$`, "u");
/** How many blocks from the end the closing may start. */
const CLOSING_REACH = 60;
export interface ClosingResult {
  recipients: Recipient[];
  archive: Archive | null;
  signature: Signature | null;
  /** Index of the first block of the closing zone; the body ends here. */
  start: number;
}

/**
 * Nơi nhận, Lưu and the signature block at the end of the document. In a table or a PDF the
 * two columns come one after the other (either first); in text they may interleave.
 */
export function readClosing(ctx: StructureContext, bodyStart: number, limit = ctx.blocks.length): ClosingResult {
  const result: ClosingResult = { recipients: [], archive: null, signature: null, start: limit };
  // The reach counts flow blocks: a long PDF's footnotes and page numbers, placed after its
  // last page, would otherwise use it up before the closing is reached.
  const flow: number[] = [];
  for (let i = limit - 1; i >= bodyStart && flow.length <= CLOSING_REACH; i--) {
    if (ctx.roles[i] === null && !isAside(ctx.blocks[i].role)) flow.push(i);
  }
  flow.reverse();
  if (flow.length === 0) return result;
  // The closing starts at "Nơi nhận", or at the signature's first authority line, whichever is first
  // after the end of the content.
  const leadAt = lastIndex(flow, (i) => RECIPIENTS_LEAD.test(foldedText(ctx, ctx.blocks[i])));
  let sigStart = -1;
  for (let f = flow.length - 1; f >= 0; f--) {
    const block = ctx.blocks[flow[f]];
    if (AUTHORITY.test(block.text.trim()) || (POSITION.test(block.text.trim()) && f >= flow.length - 8)) sigStart = f;
    if (leadAt !== -1 && f < leadAt - 8) break;
    if (leadAt === -1 && f < flow.length - 12) break;
  }
  let closingAt = leadAt === -1 ? sigStart : sigStart === -1 ? leadAt : Math.min(leadAt, sigStart);
  if (closingAt === -1) return result;
  // A signature block printed before Nơi nhận starts right after the content's last sentence.
  if (closingAt === sigStart && leadAt !== -1 && sigStart < leadAt) {
    const prev = ctx.blocks[flow[sigStart - 1]];
    if (prev && !END_MARK.test(prev.text) && prev.zone !== "closing" && !/[.;:]$/u.test(prev.text)) closingAt = leadAt;
  }
  result.start = flow[closingAt];
  const signatureBlocks: PlacedBlock[] = [];
  let mode: "signature" | "recipients" = closingAt === leadAt ? "recipients" : "signature";
  for (let f = closingAt; f < flow.length; f++) {
    const i = flow[f];
    const block = ctx.blocks[i];
    const folded = foldedText(ctx, block);
    const text = block.text.trim();
    if (RECIPIENTS_LEAD.test(folded)) {
      mode = "recipients";
      claim(ctx, i, "recipients");
      const rest = block.text.slice(RECIPIENTS_LEAD.exec(folded)![0].length);
      if (isSignatureText(rest.trim())) {
        // "Nơi nhận: KT. CHỦ TỊCH": the two columns set on one line with spaces.
        signatureBlocks.push(subBlock(block, block.text.length - rest.length, block.text.length));
      } else if (rest.trim()) {
        pushRecipient(ctx, block, block.start + (block.text.length - rest.length), rest, result.recipients);
      }
      continue;
    }
    const archive = ARCHIVE_LEAD.exec(folded);
    if (archive && (mode === "recipients" || block.zone === "closing")) {
      result.archive = readArchive(ctx, block, archive[0].length);
      claim(ctx, i, "archive");
      mode = "signature";
      continue;
    }
    const inRightColumn = block.column === "right";
    if (mode === "recipients" && !inRightColumn && RECIPIENT_LINE.test(text) && !AUTHORITY.test(text)) {
      const beside = RECIPIENT_THEN_SIGNATURE.exec(block.text);
      if (beside?.groups && isSignatureText(beside.groups.right.trim())) {
        const cut = beside.groups.left.length;
        pushRecipient(ctx, block, block.start, block.text.slice(0, cut), result.recipients);
        signatureBlocks.push(subBlock(block, block.text.length - beside.groups.right.length, block.text.length));
        claim(ctx, i, "recipients");
        continue;
      }
      pushRecipient(ctx, block, block.start, block.text, result.recipients);
      claim(ctx, i, "recipients");
      continue;
    }
    if (mode === "recipients" && !inRightColumn && block.column === "left") {
      // A recipient continued on a second line inside the table cell.
      pushRecipient(ctx, block, block.start, block.text, result.recipients);
      claim(ctx, i, "recipients");
      continue;
    }
    if (isSignatureLine(block)) {
      signatureBlocks.push(block);
      claim(ctx, i, "signature");
      mode = "signature";
      continue;
    }
  }
  result.signature = readSignature(ctx, signatureBlocks);
  return result;
}

/** A signature line's text: an authority ("KT. CHỦ TỊCH") or a position ("PHÓ CHỦ TỊCH"). */
function isSignatureText(text: string): boolean {
  return AUTHORITY.test(text) || POSITION.test(text);
}

/** The part of a block from `from` to `to` (offsets in its text), as a block of its own. */
function subBlock(block: PlacedBlock, from: number, to: number): PlacedBlock {
  return { ...block, text: block.text.slice(from, to), start: block.start + from, end: block.start + to };
}

function isSignatureLine(block: PlacedBlock): boolean {
  const text = block.text.trim();
  if (block.column === "right" || block.zone === "closing") return true;
  if (AUTHORITY.test(text) || POSITION.test(text) || SIGNING_NOTE.test(text)) return true;
  if (isAllCaps(text) && text.length <= 80) return true;
  return PERSON_NAME.test(text) && text.length <= 50;
}

function pushRecipient(ctx: StructureContext, block: PlacedBlock, start: number, raw: string, out: Recipient[]): void {
  const trimmed = raw.trim();
  const m = RECIPIENT_LINE.exec(trimmed);
  const body = stripClosingPunctuation(m ? trimmed.slice(m[0].length) : trimmed);
  if (!body) return;
  const purposeMatch = RECIPIENT_PURPOSE.exec(body);
  const printed = purposeMatch?.groups?.purpose.trim() ?? null;
  // "(Đ/c Tuấn)", "(qua Văn phòng Bộ)": part of the name, not a purpose.
  const purposeCode = printed === null ? null : purposeCodeOf(printed);
  const isPurpose = purposeCode !== null;
  const name = isPurpose ? body.slice(0, purposeMatch!.index).trim() : body;
  const rawTrim = raw.trim();
  const s = start + raw.indexOf(rawTrim);
  out.push({ name: name || body, purpose: isPurpose ? printed : null, purposeCode, raw: rawTrim, span: rangeSpan(ctx, block, s, s + rawTrim.length) });
}

/** "Lưu: VT, NC_{TTHG}, 02b." → copies [VT, NC], drafter TTHG, count 2. */
function readArchive(ctx: StructureContext, block: PlacedBlock, leadLength: number): Archive {
  const body = block.text.slice(leadLength).replace(/[.;\s]+$/u, "");
  const copies: string[] = [];
  let drafter: string | null = null;
  let count: number | null = null;
  const subs = (block.marks ?? []).filter((m) => m.kind === "sub");
  // Commas inside parentheses belong to the item: "KT(Thủy, Nho)".
  const items = body.split(ARCHIVE_SEPARATOR).map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    const c = ARCHIVE_COUNT.exec(item);
    if (c?.groups) {
      count = Number(c.groups.count);
      continue;
    }
    const braces = DRAFTER_BRACES.exec(item) ?? DRAFTER_PAREN.exec(item) ?? DRAFTER_DOT.exec(item);
    if (braces?.groups) {
      copies.push(braces.groups.unit);
      drafter = braces.groups.drafter;
      continue;
    }
    // Drafter initials printed as a subscript (NC<sub>TTHG</sub> in Markdown).
    const itemStart = block.text.indexOf(item, leadLength);
    const sub = subs.find((m) => m.start > itemStart && m.start < itemStart + item.length);
    if (sub) {
      copies.push(block.text.slice(itemStart, sub.start).trim());
      drafter = block.text.slice(sub.start, sub.end).trim();
      continue;
    }
    // "KTTH-TTHG": unit and drafter joined by a hyphen (the drafter is the last part).
    const hyphen = DRAFTER_HYPHEN.exec(item);
    if (hyphen?.groups && item === items[items.length - 1] && items.length > 1) {
      copies.push(hyphen.groups.unit);
      drafter = hyphen.groups.drafter;
      continue;
    }
    copies.push(item);
  }
  return { copies, drafter, count, raw: block.text, span: rangeSpan(ctx, block, block.start, block.end) };
}

/** Authorities (TM., KT. …), position and signer; a name printed twice is one signer. */
function readSignature(ctx: StructureContext, blocks: PlacedBlock[]): Signature | null {
  if (blocks.length === 0) return null;
  const authorities: Authority[] = [];
  let position: string | null = null;
  let signer: string | null = null;
  let signerRank: string | undefined;
  // The name, and the rank printed before it in the armed forces and the police ("Thiếu tướng …").
  const takeSigner = (text: string): void => {
    const m = PERSON_NAME.exec(text);
    if (signer !== null || !m?.groups) return;
    signer = m.groups.name;
    if (m.groups.rank) signerRank = m.groups.rank;
  };
  let span: Span = rangeSpan(ctx, blocks[0], blocks[0].start, blocks[0].end);
  for (const block of blocks) {
    span = joinSpans(span, rangeSpan(ctx, block, block.start, block.end));
    const text = block.text.trim().replace(/\s+/gu, " ");
    const auth = AUTHORITY.exec(text);
    if (auth?.groups) {
      authorities.push({ mode: normalizeMode(auth.groups.mode), title: auth.groups.title.trim() });
      continue;
    }
    if (SIGNING_NOTE.test(text)) continue;
    if (isAllCaps(text)) {
      const isLast = block === blocks[blocks.length - 1];
      if (POSITION.test(text) && position === null) position = text;
      else if (isLast && PERSON_NAME.test(text) && (position !== null || authorities.length > 0)) takeSigner(text);
      else if (position === null) position = text;
      continue;
    }
    // The signing tool may print the name twice (italic, then plain): one signer.
    if (PERSON_NAME.test(text)) takeSigner(text);
  }
  if (position === null && authorities.length > 0) {
    // "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH": when no separate line, the last authority's title is the position.
    const last = authorities[authorities.length - 1];
    if (last.mode !== "TM") position = last.title;
  }
  return { authorities, position, signer, ...(signerRank ? { signerRank } : {}), span };
}

/** Drops the ";", "," or "." that ends a list line (a loop, not a regex: lines may be long). */
function stripClosingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s;,.]/u.test(text[end - 1])) end--;
  return text.slice(0, end);
}

function normalizeMode(mode: string): Authority["mode"] {
  return mode.replace("/", "") as Authority["mode"];
}

function lastIndex(list: number[], test: (i: number) => boolean): number {
  for (let f = list.length - 1; f >= 0; f--) if (test(list[f])) return f;
  return -1;
}

