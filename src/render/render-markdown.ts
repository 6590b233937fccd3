import type { VanBanDocument } from "../schema/document.js";
import type { Paragraph } from "../schema/span.js";
import type { Section } from "../schema/section.js";

/**
 * A Markdown rendering of a record, for reading: the header lines, the type and title as the
 * top heading, the trích yếu, Kính gửi, the preamble, the sections (headings as Markdown
 * headings, list items as paragraphs led by their marker), footnotes, Nơi nhận, Lưu and the
 * signature. Text is escaped so that it never turns into Markdown syntax by accident.
 */
export function renderMarkdown(record: VanBanDocument): string {
  const blocks: string[] = [];
  const headerLines = renderHeader(record);
  if (headerLines.length > 0) blocks.push(headerLines.join("  \n"));
  const title = record.title ?? record.type.name;
  if (title) blocks.push(`# ${escapeInline(title)}`);
  if (record.type.name && record.title && !sameText(record.type.name, record.title)) blocks.push(`Loại văn bản: ${escapeInline(record.type.name)}`);
  // A công văn prints its trích yếu as "V/v …" (dropped in the record); other types print it whole.
  if (record.subject) blocks.push(`**${escapeInline(record.type.code === null ? `V/v ${record.subject}` : record.subject)}**`);
  if (record.addressees.length === 1) blocks.push(`Kính gửi: ${escapeInline(record.addressees[0].name)}`);
  else if (record.addressees.length > 1) blocks.push(["Kính gửi:", ...record.addressees.map((a) => `- ${escapeInline(a.name)}`)].join("\n"));
  for (const paragraph of record.preamble) blocks.push(renderParagraph(paragraph));
  for (const section of record.sections) renderSection(section, 2, blocks);
  if (record.signature) blocks.push(renderSignature(record.signature));
  if (record.recipients.length > 0 || record.archive) {
    const lines = ["**Nơi nhận:**", ...record.recipients.map((r) => `- ${escapeInline(r.raw.replace(/^[-+•]\s*/u, ""))}`)];
    if (record.archive) lines.push(`- ${escapeInline(record.archive.raw.replace(/^[-+•]\s*/u, ""))}`);
    blocks.push(lines.join("\n"));
  }
  if (record.footnotes.length > 0) {
    // Plain lines, not `[^1]:` definitions: Markdown renderers drop definitions nothing refers to.
    blocks.push(["**Chú thích:**", ...record.footnotes.map((f) => `- (${escapeInline(f.label)}) ${escapeInline(f.text)}`)].join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}

/** Issuer (under its parent body), quốc hiệu and tiêu ngữ, số/ký hiệu, place and date, marks. */
function renderHeader(record: VanBanDocument): string[] {
  const h = record.header;
  const lines: string[] = [];
  if (h.issuer.parent) lines.push(escapeInline(h.issuer.parent));
  if (h.issuer.name) lines.push(`**${escapeInline(h.issuer.name)}**`);
  if (h.nationalTitle) lines.push(`**${escapeInline(h.nationalTitle)}**`);
  if (h.motto) lines.push(`**${escapeInline(h.motto)}**`);
  if (h.number !== null || h.symbol !== null) lines.push(`Số: ${escapeInline([h.number ?? "", h.symbol ?? ""].filter((p) => p !== "").join("/"))}`);
  const date = formatDate(h.date, h.year);
  if (h.place || date) lines.push(escapeInline([h.place, date].filter(Boolean).join(", ")));
  if (h.urgency) lines.push(`**${escapeInline(h.urgency)}**`);
  if (h.confidentiality) lines.push(`**${escapeInline(h.confidentiality)}**`);
  return lines;
}

/** ISO `2023-01-15` as printed in Vietnamese: `ngày 15 tháng 01 năm 2023`. */
function formatDate(iso: string | null, year: number | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso) : null;
  if (m) return `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}`;
  return year !== null ? `năm ${year}` : null;
}

function renderSection(section: Section, level: number, blocks: string[]): void {
  const marker = formatMarker(section);
  const [first, ...rest] = section.paragraphs;
  if (section.heading !== null) {
    blocks.push(`${"#".repeat(Math.min(6, level))} ${escapeInline(joinMarker(marker, section.heading))}`);
    if (first) blocks.push(renderParagraph(first));
  } else if (section.kind === "bullet") {
    blocks.push(`- ${first ? renderParagraph(first) : ""}`.trimEnd());
  } else {
    blocks.push(first ? `**${escapeInline(marker)}** ${renderParagraph(first)}` : `**${escapeInline(marker)}**`);
  }
  for (const paragraph of rest) blocks.push(renderParagraph(paragraph));
  for (const child of section.children) renderSection(child, section.heading !== null ? level + 1 : level, blocks);
}

/** The marker as printed: `I.`, `1.2.`, `a)`, `Điều 3.`, `Chương II`. */
function formatMarker(section: Section): string {
  switch (section.kind) {
    case "letter":
    case "point":
      return `${section.label})`;
    case "bullet":
      return section.label;
    case "part":
    case "chapter":
    case "section":
    case "subsection":
    case "appendix":
    case "attachment":
      return section.label;
    default:
      return `${section.label}.`;
  }
}

function joinMarker(marker: string, heading: string): string {
  if (marker === "") return heading;
  return /[.)]$/u.test(marker) ? `${marker} ${heading}` : `${marker}. ${heading}`;
}

function renderParagraph(paragraph: Paragraph): string {
  return escapeBlock(escapeInline(paragraph.text.replace(/\s*\n\s*/gu, " ")));
}

function renderSignature(signature: NonNullable<VanBanDocument["signature"]>): string {
  const lines = signature.authorities.map((a) => `**${escapeInline(`${a.mode}. ${a.title}`)}**`);
  if (signature.position) lines.push(`**${escapeInline(signature.position)}**`);
  if (signature.signer) lines.push(escapeInline(signature.signer));
  return lines.join("  \n");
}

function sameText(a: string, b: string): boolean {
  return a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");
}

/** Characters that Markdown would read as emphasis, code, links or HTML. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/gu, (c) => `\\${c}`);
}

/** A paragraph that would start a heading, list, quote or rule is escaped at its start. */
function escapeBlock(text: string): string {
  if (/^(?:#{1,6}(?:\s|$)|[-+](?:\s|$)|>|=+\s*$|\d{1,9}[.)](?:\s|$))/u.test(text)) {
    const m = /^\d{1,9}/u.exec(text);
    return m ? `${m[0]}\\${text.slice(m[0].length)}` : `\\${text}`;
  }
  return text;
}
