import { COPY_STAMP, COPY_STAMP_TIME } from "../lexicon/copy-stamps.js";
import type { CopyStamp } from "../schema/copy-stamp.js";
import type { Span } from "../schema/span.js";

/**
 * The copy stamps of a record (dấu sao: SAO Y, SAO LỤC, TRÍCH SAO) read from its page
 * furniture, where sources put them: kind, copying body and time as fields. Pure.
 */
export function readCopyStamps(furniture: ReadonlyArray<{ text: string; span: Span }>): CopyStamp[] {
  const stamps: CopyStamp[] = [];
  for (const item of furniture) {
    const m = COPY_STAMP.exec(item.text);
    if (!m?.groups) continue;
    const kind = m.groups.kind.replace(/\s+/gu, "").toUpperCase();
    stamps.push({
      kind: kind.startsWith("TR") ? "trich_sao" : kind === "SAOY" ? "sao_y" : "sao_luc",
      body: m.groups.body?.trim() || null,
      time: m.groups.time ? isoTime(m.groups.time.trim()) : null,
      text: item.text,
      span: item.span,
    });
  }
  return stamps;
}

/** "25/07/2025 10:25:14 +07:00" → "2025-07-25T10:25:14+07:00"; the text as is when it is no date. */
function isoTime(text: string): string {
  const g = COPY_STAMP_TIME.exec(text)?.groups;
  if (!g) return text;
  const date = `${g.year}-${g.month.padStart(2, "0")}-${g.day.padStart(2, "0")}`;
  if (!g.hour) return date;
  const zone = g.zone ? (g.zone.includes(":") ? g.zone : `${g.zone.slice(0, 3)}:${g.zone.slice(3)}`) : "";
  return `${date}T${g.hour.padStart(2, "0")}:${g.minute}:${g.second ?? "00"}${zone}`;
}
