import type { InlineMark, SourceLine } from "../../blocks/index.js";
import type { Token } from "./parse-markdown.js";

/** One opening tag of inline HTML ("<sup>", "</sub>", "<br/>"). */
const HTML_TAG = /^<\s*(?<close>\/)?\s*(?<name>[a-z0-9]+)[^>]*?(?<self>\/)?\s*>$/iu;
const HTML_TAGS_IN_BLOCK = /<\/?[a-z][^>]*>/giu;
/** A line break inside a paragraph's text: soft (a line ending) or hard (two spaces, backslash, <br>). */
const LINE_BREAK = /(?<=[\n\u2028])/u;
const TRAILING_BREAK = /[\n\u2028]$/u;
/** The line ending a code or HTML block's content ends with. */
const FINAL_NEWLINE = /\n$/u;
/** A hard line break (two spaces, backslash or <br>): the next line never joins this one. */
const HARD_BREAK = "\u2028";

/** Counts the GFM tables of a document across the chunks it is parsed in. */
export interface WalkState {
  tables: number;
}

interface Line {
  text: string;
  marks: InlineMark[];
  bold: boolean;
  italic: boolean;
  hard: boolean;
}

/**
 * Turns the Markdown tokens of a document into visual lines with style hints. Blank lines between
 * blocks become `gapBefore`, from the tokens' line maps; a list item's marker as printed ("-",
 * "1.") opens the first line of the item's first block, however deep that block sits.
 */
export function walkMarkdown(tokens: Token[], state: WalkState = { tables: 0 }): SourceLine[] {
  const out: SourceLine[] = [];
  /** The source line (1-based) the last block written ended on. */
  let prevEndLine = 0;
  /** The marker of the list item whose first block has not been met yet. */
  let marker: string | null = null;
  const gapTo = (token: Token): number => Math.max(0, (token.map ? token.map[0] + 1 : prevEndLine) - prevEndLine - 1);
  const endOf = (token: Token): number => (token.map ? token.map[1] : prevEndLine);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    switch (token.type) {
      case "list_item_open":
        marker = token.info + token.markup;
        break;
      case "bullet_list_open":
      case "ordered_list_open":
      case "blockquote_open":
        // The item's marker goes on to the container's first block.
        break;
      case "heading_open":
      case "paragraph_open": {
        const inline = tokens[i + 1];
        const heading = token.type === "heading_open";
        const first = out.length;
        emit(out, inline?.type === "inline" ? inlineLines(inline.children ?? []) : [], marker, gapTo(token), heading ? Number(token.tag.slice(1)) : undefined);
        if (heading && out.length > first) out[first].breakBefore = true;
        prevEndLine = endOf(token);
        marker = null;
        break;
      }
      case "code_block":
      case "fence":
      case "html_block": {
        const html = token.type === "html_block";
        const value = token.content.replace(FINAL_NEWLINE, "").replace(HTML_TAGS_IN_BLOCK, html ? " " : "$&");
        emit(out, value.split("\n").map((text) => ({ text, marks: [], bold: false, italic: false, hard: false })), marker, gapTo(token), undefined);
        prevEndLine = endOf(token);
        marker = null;
        break;
      }
      case "table_open": {
        const close = findClose(tokens, i);
        emitTable(out, tokens.slice(i + 1, close), state.tables++, gapTo(token));
        prevEndLine = endOf(token);
        marker = null;
        i = close;
        break;
      }
      case "footnote_reference_open": {
        const open = i;
        const close = findClose(tokens, open);
        marker = null;
        i = emitFootnoteDefinition(out, tokens, open, gapTo);
        // The rest of the definition is read on, after where it ends (the plugin gives it no
        // line map: its last block's end).
        for (let k = close - 1; k > open; k--) {
          const map = tokens[k].map;
          if (map) {
            prevEndLine = map[1];
            break;
          }
        }
        break;
      }
      default:
        // A block that prints nothing (a thematic break), or the end of an empty item or quote,
        // takes the item's marker with it.
        if (token.type !== "inline") marker = null;
    }
  }
  return out;
}

/**
 * A footnote definition: its label opens its first line as a superscript, like a converted note;
 * returns the index of the last token it read (its first paragraph's close, or its own open).
 */
function emitFootnoteDefinition(out: SourceLine[], tokens: Token[], open: number, gapTo: (token: Token) => number): number {
  const label = String(tokens[open].meta?.label ?? "");
  const paragraph = tokens[open + 1];
  if (paragraph?.type !== "paragraph_open" || !label) return open;
  const lines = inlineLines(tokens[open + 2]?.children ?? []);
  if (lines.length === 0) return open;
  lines[0] = {
    ...lines[0],
    text: `${label} ${lines[0].text}`,
    marks: [{ kind: "sup", start: 0, end: label.length }, ...lines[0].marks.map((m) => ({ ...m, start: m.start + label.length + 1, end: m.end + label.length + 1 }))],
  };
  const first = out.length;
  emit(out, lines, null, gapTo(paragraph), undefined);
  if (out.length > first) out[first].breakBefore = true;
  return open + 3;
}

/** The index of the token closing the one opened at `open` (the same nesting level). */
function findClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i].nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/**
 * A GFM table: each cell with text is one line of its own (never joined to another), with its
 * grid place; the first row is GFM's head row.
 */
function emitTable(out: SourceLine[], tokens: Token[], index: number, gap: number): void {
  let row = -1;
  let col = 0;
  for (const token of tokens) {
    if (token.type === "tr_open") {
      row++;
      col = 0;
      continue;
    }
    if (token.type !== "inline") continue;
    const lines = inlineLines(token.children ?? []);
    const text = lines.map((l) => l.text).join(" ").trim();
    const at = col++;
    if (text === "") continue;
    out.push({
      text,
      gapBefore: out.length && row === 0 && at === 0 ? gap : 0,
      breakBefore: true,
      style: { bold: lines.every((l) => l.bold) || undefined },
      table: { index, row, col: at, ...(row === 0 ? { header: true } : {}) },
    });
  }
}

function emit(out: SourceLine[], lines: Line[], marker: string | null, gap: number, headingLevel: number | undefined): void {
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

type MarkKind = "bold" | "italic" | "sup" | "sub";

/** Flattens a block's inline tokens into lines of text with marks (bold, italic, sup, sub). */
function inlineLines(children: Token[]): Line[] {
  let text = "";
  const marks: InlineMark[] = [];
  const open: Record<MarkKind, number[]> = { bold: [], italic: [], sup: [], sub: [] };
  const close = (kind: MarkKind): void => {
    const start = open[kind].pop();
    if (start !== undefined && text.length > start) marks.push({ kind, start, end: text.length });
  };
  for (const token of children) {
    switch (token.type) {
      case "text":
      case "code_inline":
        text += token.content;
        break;
      case "softbreak":
        // Whitespace before a line ending is not the line's (markdown-it keeps tabs there).
        text = trimEnd(text) + "\n";
        break;
      case "hardbreak":
        text = trimEnd(text) + HARD_BREAK;
        break;
      case "image":
        text += plainText(token.children ?? []);
        break;
      case "footnote_ref": {
        const start = text.length;
        text += String(token.meta?.label ?? "");
        if (text.length > start) marks.push({ kind: "sup", start, end: text.length });
        break;
      }
      case "strong_open":
        open.bold.push(text.length);
        break;
      case "strong_close":
        close("bold");
        break;
      case "em_open":
        open.italic.push(text.length);
        break;
      case "em_close":
        close("italic");
        break;
      case "html_inline": {
        const tag = HTML_TAG.exec(token.content.trim());
        const name = tag?.groups?.name.toLowerCase();
        if (name === "br") text += HARD_BREAK;
        else if (name === "sup" || name === "sub") {
          if (tag?.groups?.close) close(name);
          else open[name].push(text.length);
        } else if (!tag) text += token.content.replace(HTML_TAGS_IN_BLOCK, "");
        break;
      }
    }
  }
  // Unclosed <sup> runs to the end of the paragraph.
  for (const kind of ["sup", "sub"] as const) {
    for (const start of open[kind]) if (text.length > start) marks.push({ kind, start, end: text.length });
  }
  return splitLines(text, marks);
}

/** Without the spaces and tabs it ends with (a loop: a regex anchored at the end scans it all). */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** An image's description as plain text (its alt text). */
function plainText(children: Token[]): string {
  let text = "";
  for (const token of children) {
    if (token.type === "text" || token.type === "code_inline") text += token.content;
    else if (token.type === "softbreak") text += "\n";
    else if (token.type === "image") text += plainText(token.children ?? []);
  }
  return text;
}

/** Cuts a block's text at its line breaks, each line with the marks over it and its bold/italic share. */
function splitLines(text: string, marks: InlineMark[]): Line[] {
  const result: Line[] = [];
  let offset = 0;
  let hard = false;
  for (const piece of text.split(LINE_BREAK)) {
    const nextHard = piece.endsWith(HARD_BREAK);
    const body = piece.replace(TRAILING_BREAK, "");
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
