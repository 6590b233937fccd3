import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import type { InlineMark } from "../../blocks/index.js";
import type { SourceLine } from "../../blocks/index.js";

export interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  /** GFM footnote reference and definition: the label as printed after "^". */
  label?: string;
  alt?: string;
  children?: MdNode[];
  position?: { start: { offset?: number; line: number }; end: { offset?: number; line: number } };
}

const HTML_TAG = /^<\s*(?<close>\/)?\s*(?<name>[a-z0-9]+)[^>]*?(?<self>\/)?\s*>$/iu;
const HTML_TAGS_IN_BLOCK = /<\/?[a-z][^>]*>/giu;
/** A table's delimiter row without a pipe: dashes with a colon at either end (":-", "--:"). */
const PIPELESS_DELIMITER_ROW = /^[ \t]*(?::-+:?|-+:)[ \t]*$/mu;
/** A hard line break (two spaces, backslash or <br>): the next line never joins this one. */
const HARD_BREAK = "\u2028";

/**
 * The Markdown syntax tree (mdast, as remark-parse builds it) with GitHub's tables, footnotes and
 * strikethrough — the three GFM parts a document uses. Not the whole of remark-gfm: its literal
 * autolinks ("www.…", e-mail addresses) cost a quarter of the parse and change no text we read.
 * Each part is added only when the text has what it starts with: a table a "|", or a delimiter
 * row with a colon and no pipe (micromark reads "a\n:-" as a one-column table); a footnote "[^";
 * a strikethrough "~". Without them the tree is the same, and the table's construct, tried at the
 * start of every line, is the costliest of the three.
 */
export function parseMarkdown(markdown: string): MdNode {
  const extensions = [];
  const mdastExtensions = [];
  if (markdown.includes("|") || PIPELESS_DELIMITER_ROW.test(markdown)) {
    extensions.push(gfmTable());
    mdastExtensions.push(gfmTableFromMarkdown());
  }
  if (markdown.includes("[^")) {
    extensions.push(gfmFootnote());
    mdastExtensions.push(gfmFootnoteFromMarkdown());
  }
  if (markdown.includes("~")) {
    extensions.push(gfmStrikethrough());
    mdastExtensions.push(gfmStrikethroughFromMarkdown());
  }
  return fromMarkdown(markdown, { extensions, mdastExtensions }) as unknown as MdNode;
}

/** Counts the GFM tables of a document across the chunks it is parsed in. */
export interface WalkState {
  tables: number;
}

/** Turns a Markdown tree (of `markdown`) into visual lines with style hints, walking it without recursion. */
export function walkMarkdown(markdown: string, tree: MdNode, state: WalkState = { tables: 0 }): SourceLine[] {
  const out: SourceLine[] = [];
  let prevEndLine = 0;
  // Stack of [node, list-item marker to print before its first line].
  const stack: Array<{ node: MdNode; marker: string | null }> = [{ node: tree, marker: null }];
  while (stack.length > 0) {
    const { node, marker } = stack.pop()!;
    const startLine = node.position?.start.line ?? prevEndLine;
    const gap = Math.max(0, startLine - prevEndLine - 1);
    switch (node.type) {
      case "heading":
      case "paragraph": {
        const lines = inlineLines(node);
        const first = out.length;
        emit(out, lines, marker, gap, node.type === "heading" ? node.depth ?? 1 : undefined);
        if (node.type === "heading" && out.length > first) out[first].breakBefore = true;
        prevEndLine = node.position?.end.line ?? prevEndLine;
        break;
      }
      case "code":
      case "html": {
        const value = (node.value ?? "").replace(HTML_TAGS_IN_BLOCK, node.type === "html" ? " " : "$&");
        emit(out, value.split("\n").map((t) => ({ text: t, marks: [] })), marker, gap, undefined);
        prevEndLine = node.position?.end.line ?? prevEndLine;
        break;
      }
      case "table": {
        emitTable(out, node, state.tables++, gap);
        prevEndLine = node.position?.end.line ?? prevEndLine;
        break;
      }
      case "footnoteDefinition": {
        // The definition's label opens its first line as a superscript, like a converted note.
        const children = node.children ?? [];
        const label = node.label ?? "";
        const lines = children[0]?.type === "paragraph" ? inlineLines(children[0]) : [];
        if (lines.length && label) {
          lines[0] = { ...lines[0], text: `${label} ${lines[0].text}`, marks: [{ kind: "sup", start: 0, end: label.length }, ...lines[0].marks.map((m) => ({ ...m, start: m.start + label.length + 1, end: m.end + label.length + 1 }))] };
          const first = out.length;
          emit(out, lines, null, gap, undefined);
          if (out.length > first) out[first].breakBefore = true;
        }
        for (let i = children.length - 1; i >= (lines.length ? 1 : 0); i--) stack.push({ node: children[i], marker: null });
        prevEndLine = node.position?.end.line ?? prevEndLine;
        break;
      }
      case "listItem": {
        const children = node.children ?? [];
        const itemMarker = listMarker(markdown, node, children[0]);
        for (let i = children.length - 1; i >= 0; i--) {
          stack.push({ node: children[i], marker: i === 0 ? itemMarker : null });
        }
        break;
      }
      default: {
        const children = node.children ?? [];
        for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], marker: i === 0 ? marker : null });
      }
    }
  }
  return out;
}

/**
 * A GFM table: each cell with text is one line of its own (never joined to another), with its
 * grid place; the first row is GFM's head row.
 */
function emitTable(out: SourceLine[], table: MdNode, index: number, gap: number): void {
  (table.children ?? []).forEach((row, rowIndex) => {
    (row.children ?? []).forEach((cell, col) => {
      const lines = inlineLines(cell);
      const text = lines.map((l) => l.text).join(" ").trim();
      if (text === "") return;
      const bold = lines.every((l) => l.bold);
      out.push({
        text,
        gapBefore: out.length && rowIndex === 0 && col === 0 ? gap : 0,
        breakBefore: true,
        style: { bold: bold || undefined },
        table: { index, row: rowIndex, col, ...(rowIndex === 0 ? { header: true } : {}) },
      });
    });
  });
}

function emit(
  out: SourceLine[],
  lines: Array<{ text: string; marks: InlineMark[]; bold?: boolean; italic?: boolean; hard?: boolean }>,
  marker: string | null,
  gap: number,
  headingLevel: number | undefined,
): void {
  let first = true;
  for (const line of lines) {
    let text = line.text;
    let marks = line.marks;
    if (first && marker) {
      const prefix = `${marker} `;
      text = prefix + text;
      marks = marks.map((m) => ({ ...m, start: m.start + prefix.length, end: m.end + prefix.length }));
    }
    if (text.trim() === "") continue;
    out.push({
      text,
      gapBefore: first ? gap : 0,
      breakBefore: (first && marker) || (!first && line.hard) ? true : undefined,
      marks: marks.length ? marks : undefined,
      style: { headingLevel, bold: line.bold || undefined, italic: line.italic || undefined },
    });
    first = false;
  }
}

/** The list marker as printed in the source ("-", "1.", "+"), not as remark renumbers it. */
function listMarker(markdown: string, item: MdNode, firstChild: MdNode | undefined): string {
  const start = item.position?.start.offset;
  const end = firstChild?.position?.start.offset;
  if (start === undefined || end === undefined || end <= start) return "-";
  const printed = markdown.slice(start, end).trim();
  return printed === "" ? "-" : printed;
}

/** Flattens inline content into lines of text with marks (bold, italic, sup, sub). */
function inlineLines(block: MdNode): Array<{ text: string; marks: InlineMark[]; bold: boolean; italic: boolean }> {
  let text = "";
  const marks: InlineMark[] = [];
  const open: Record<"bold" | "italic" | "sup" | "sub", number[]> = { bold: [], italic: [], sup: [], sub: [] };
  const stack: Array<{ node: MdNode; exit?: "bold" | "italic" }> = [];
  const children = block.children ?? [];
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] });
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      const start = open[exit].pop();
      if (start !== undefined && text.length > start) marks.push({ kind: exit, start, end: text.length });
      continue;
    }
    switch (node.type) {
      case "footnoteReference": {
        const start = text.length;
        text += node.label ?? "";
        if (text.length > start) marks.push({ kind: "sup", start, end: text.length });
        break;
      }
      case "text":
      case "inlineCode":
        text += node.value ?? "";
        break;
      case "break":
        text += HARD_BREAK;
        break;
      case "image":
        text += node.alt ?? "";
        break;
      case "html": {
        const tag = HTML_TAG.exec((node.value ?? "").trim());
        const name = tag?.groups?.name.toLowerCase();
        if (name === "br") text += HARD_BREAK;
        else if (name === "sup" || name === "sub") {
          if (tag?.groups?.close) {
            const start = open[name].pop();
            if (start !== undefined && text.length > start) marks.push({ kind: name, start, end: text.length });
          } else open[name].push(text.length);
        } else if (!tag) text += (node.value ?? "").replace(HTML_TAGS_IN_BLOCK, "");
        break;
      }
      case "strong":
      case "emphasis": {
        const kind = node.type === "strong" ? "bold" : "italic";
        open[kind].push(text.length);
        stack.push({ node, exit: kind });
        const kids = node.children ?? [];
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] });
        break;
      }
      default: {
        const kids = node.children ?? [];
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] });
      }
    }
  }
  // Unclosed <sup> runs to the end of the paragraph.
  for (const kind of ["sup", "sub"] as const) {
    for (const start of open[kind]) if (text.length > start) marks.push({ kind, start, end: text.length });
  }
  return splitLines(text, marks);
}

function splitLines(text: string, marks: InlineMark[]) {
  const result: Array<{ text: string; marks: InlineMark[]; bold: boolean; italic: boolean; hard: boolean }> = [];
  let offset = 0;
  let hard = false;
  for (const piece of text.split(/(?<=[\n\u2028])/u)) {
    const nextHard = piece.endsWith(HARD_BREAK);
    const body = piece.replace(/[\n\u2028]$/u, "");
    const end = offset + body.length;
    const lineMarks = marks
      .filter((m) => m.start < end && m.end > offset)
      .map((m) => ({ ...m, start: Math.max(m.start, offset) - offset, end: Math.min(m.end, end) - offset }));
    const covered = (kind: "bold" | "italic") => coverage(body, lineMarks, kind) > 0.8;
    result.push({
      text: body,
      marks: lineMarks.filter((m) => m.kind === "sup" || m.kind === "sub"),
      bold: covered("bold"),
      italic: covered("italic"),
      hard,
    });
    hard = nextHard;
    offset = end + 1;
  }
  return result;
}

/** Share of the non-space characters of a line inside marks of a kind (linear in the line). */
function coverage(text: string, marks: InlineMark[], kind: "bold" | "italic"): number {
  const inside = new Uint8Array(text.length);
  for (const m of marks) if (m.kind === kind) inside.fill(1, Math.max(0, m.start), Math.min(text.length, m.end));
  let letters = 0;
  let marked = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0) continue;
    letters++;
    marked += inside[i];
  }
  return letters === 0 ? 0 : marked / letters;
}
