import type { Warning } from "../../schema/span.js";
import type { DocCell, DocItem, DocParagraph, DocTable, NoteKind, Segment } from "../word/word-items.js";
import type { NoteNumbering } from "./number-notes.js";
import { childElement, elementText, type XmlElement, type XmlNode } from "./parse-xml.js";
import type { ListNumbering } from "./read-numbering.js";
import type { ParaProps } from "../word/word-items.js";
import { readParaProps, readRunProps, type RunProps, type StyleSheet } from "./read-styles.js";

interface FieldState {
  instruction: string;
  showing: boolean;
}

/** Field codes whose printed result is a page counter: meaningless outside the page they sit on. */
const PAGE_FIELD = /^\s*(?:PAGE|NUMPAGES|SECTIONPAGES)\b/i;
/** Containers whose children are read as if they were in the parent. */
const TRANSPARENT_BLOCKS = new Set(["w:customXml", "w:ins", "w:moveTo", "w:smartTag"]);
/** Inline containers read as runs; anything else (w:del, w:moveFrom: tracked deletions) is not printed. */
const TRANSPARENT_INLINES = new Set(["w:hyperlink", "w:smartTag", "w:customXml", "w:ins", "w:moveTo", "w:bdo", "w:dir"]);
/** Beyond this nesting (tables in text boxes in tables …) the rest is skipped with a warning. */
const MAX_DEPTH = 48;
/** Symbol-font glyphs (w:sym) that carry meaning in running text. */
const SYMBOL_GLYPHS: Record<number, string> = {
  0xb3: "≥", 0xa3: "≤", 0xb1: "±", 0xb4: "×", 0xb8: "÷", 0xae: "→", 0xac: "←", 0xb0: "°",
  0xb7: "•", 0xa7: "▪", 0x6c: "●", 0xd8: "➢", 0xfc: "✓", 0x2d: "-", 0x3d: "=", 0x3e: ">", 0x3c: "<",
};

export interface WalkContext {
  styles: StyleSheet;
  numbering: ListNumbering;
  notes: NoteNumbering;
  warnings: Warning[];
  /** Reading a running header/footer part: page-number fields are left out. */
  inHeaderFooter: boolean;
}

/**
 * Walks WordprocessingML block content (body, table cell, text box, note, header) into
 * paragraphs and tables, in document order. Only `w:t`-like text is read: drawing anchors and
 * their positioning numbers (wp:posOffset) never leak into text, while text-box content
 * (w:txbxContent) is read once — from mc:Choice, not again from its VML mc:Fallback copy.
 */
export class DocumentWalker {
  private fields: FieldState[] = [];
  private pendingCustomMark: { kind: NoteKind; id: string } | null = null;
  private warnedDepth = false;

  constructor(private readonly ctx: WalkContext) {}

  walkBlocks(container: XmlElement | undefined, depth = 0): DocItem[] {
    // Each story (body, note, header) starts outside any field.
    if (depth === 0) this.fields = [];
    const items: DocItem[] = [];
    if (container) this.collectBlocks(container, items, depth);
    return items;
  }

  private collectBlocks(container: XmlElement, items: DocItem[], depth: number): void {
    if (depth > MAX_DEPTH) {
      this.warnDepth();
      return;
    }
    for (const node of container.children) {
      if (typeof node === "string") continue;
      switch (node.name) {
        case "w:p":
          items.push(this.readParagraph(node, depth));
          break;
        case "w:tbl":
          items.push(this.readTable(node, depth));
          break;
        case "w:sdt":
          this.collectBlocks(childElement(node, "w:sdtContent") ?? node, items, depth + 1);
          break;
        case "mc:AlternateContent": {
          const branch = chooseAlternative(node);
          if (branch) this.collectBlocks(branch, items, depth + 1);
          break;
        }
        default:
          if (TRANSPARENT_BLOCKS.has(node.name)) this.collectBlocks(node, items, depth + 1);
      }
    }
  }

  private readParagraph(p: XmlElement, depth: number): DocParagraph {
    const pPr = childElement(p, "w:pPr");
    const direct = readParaProps(pPr);
    const styleId = childElement(pPr, "w:pStyle")?.attrs["w:val"];
    const style = this.ctx.styles.paragraphStyle(styleId);
    const para: ParaProps = { ...style.para, ...direct };
    const paragraph: DocParagraph = {
      kind: "paragraph",
      segments: [],
      para,
      headingLevel: style.headingLevel,
      label: null,
      floating: [],
    };
    const numId = direct.numId ?? style.para.numId;
    if (numId !== undefined && numId !== "0") {
      paragraph.label = this.ctx.numbering.nextLabel(numId, direct.ilvl ?? style.para.ilvl ?? 0);
    }
    this.readInline(p, paragraph, style.run, depth + 1);
    // A field code never spans paragraphs: an unfinished one (no w:fldChar "separate") would
    // hide everything after it, so what follows is shown.
    for (const field of this.fields) field.showing = true;
    return paragraph;
  }

  private readInline(container: XmlElement, paragraph: DocParagraph, paraRun: RunProps, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.warnDepth();
      return;
    }
    for (const node of container.children) {
      if (typeof node === "string") continue;
      if (node.name === "w:r") {
        this.readRun(node, paragraph, paraRun, depth);
      } else if (node.name === "w:fldSimple") {
        const field: FieldState = { instruction: node.attrs["w:instr"] ?? "", showing: true };
        this.fields.push(field);
        this.readInline(node, paragraph, paraRun, depth + 1);
        this.fields.pop();
      } else if (node.name === "w:sdt") {
        this.readInline(childElement(node, "w:sdtContent") ?? node, paragraph, paraRun, depth + 1);
      } else if (node.name === "mc:AlternateContent") {
        const branch = chooseAlternative(node);
        if (branch) this.readInline(branch, paragraph, paraRun, depth + 1);
      } else if (node.name === "m:oMath" || node.name === "m:oMathPara") {
        this.pushText(paragraph, readMathText(node), this.resolveRun(undefined, paraRun));
      } else if (TRANSPARENT_INLINES.has(node.name)) {
        this.readInline(node, paragraph, paraRun, depth + 1);
      }
    }
  }

  private readRun(r: XmlElement, paragraph: DocParagraph, paraRun: RunProps, depth: number): void {
    this.readRunContent(r.children, this.resolveRun(childElement(r, "w:rPr"), paraRun), paragraph, paraRun, depth);
  }

  private readRunContent(nodes: XmlNode[], props: RunProps, paragraph: DocParagraph, paraRun: RunProps, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.warnDepth();
      return;
    }
    for (const node of nodes) {
      if (typeof node === "string") continue;
      switch (node.name) {
        case "w:t":
          this.pushText(paragraph, elementText(node), props);
          break;
        case "w:tab":
        case "w:ptab":
          this.pushText(paragraph, " ", props);
          break;
        case "w:br":
        case "w:cr":
          // Page and column breaks only move text; a plain break starts a new line.
          if (node.attrs["w:type"] !== "page" && node.attrs["w:type"] !== "column") this.pushText(paragraph, "\n", props);
          break;
        case "w:noBreakHyphen":
          this.pushText(paragraph, "-", props);
          break;
        case "w:sym": {
          const code = parseInt(node.attrs["w:char"] ?? "", 16) & 0xff;
          const glyph = SYMBOL_GLYPHS[code];
          if (glyph) this.pushText(paragraph, glyph, props);
          break;
        }
        case "w:fldChar": {
          const type = node.attrs["w:fldCharType"];
          if (type === "begin") this.fields.push({ instruction: "", showing: false });
          else if (type === "separate" && this.fields.length) this.fields[this.fields.length - 1].showing = true;
          else if (type === "end") this.fields.pop();
          break;
        }
        case "w:instrText":
          if (this.fields.length) this.fields[this.fields.length - 1].instruction += elementText(node);
          break;
        case "w:footnoteReference":
        case "w:endnoteReference":
          this.readNoteReference(node, paragraph, props);
          break;
        case "w:footnoteRef":
        case "w:endnoteRef":
          paragraph.segments.push({ ...toSegmentProps(props), text: "", noteMark: true });
          break;
        case "w:drawing":
        case "w:pict":
        case "w:object":
          this.readTextBoxes(node, paragraph, depth + 1);
          break;
        case "mc:AlternateContent": {
          const branch = chooseAlternative(node);
          if (branch) this.readRunContent(branch.children, props, paragraph, paraRun, depth + 1);
          break;
        }
        case "w:ruby": {
          const base = childElement(node, "w:rubyBase");
          if (base) this.readInline(base, paragraph, paraRun, depth + 1);
          break;
        }
      }
    }
  }

  private readNoteReference(node: XmlElement, paragraph: DocParagraph, props: RunProps): void {
    const kind: NoteKind = node.name === "w:footnoteReference" ? "footnote" : "endnote";
    const id = node.attrs["w:id"] ?? "";
    const custom = node.attrs["w:customMarkFollows"];
    if (custom === "1" || custom === "true" || custom === "on") {
      // The mark is the text that follows in the run; it becomes the label.
      this.pendingCustomMark = { kind, id };
      return;
    }
    const label = this.ctx.notes.labelFor(kind, id, null);
    // Word's footnote reference style is superscript; honour an explicit baseline.
    const vertAlign = props.vertAlign === "baseline" ? "baseline" : "superscript";
    paragraph.segments.push({ ...toSegmentProps(props), vertAlign, text: label, noteRef: { kind, label } });
  }

  private pushText(paragraph: DocParagraph, text: string, props: RunProps): void {
    if (text === "" || props.hidden) return;
    if (this.fields.some((f) => !f.showing || (this.ctx.inHeaderFooter && PAGE_FIELD.test(f.instruction)))) return;
    const printed = props.caps ? text.toLocaleUpperCase("vi") : text;
    if (this.pendingCustomMark) {
      const { kind, id } = this.pendingCustomMark;
      this.pendingCustomMark = null;
      const label = this.ctx.notes.labelFor(kind, id, printed.trim() || "*");
      paragraph.segments.push({ ...toSegmentProps(props), text: printed, noteRef: { kind, label } });
      return;
    }
    const last = paragraph.segments[paragraph.segments.length - 1];
    const seg = toSegmentProps(props);
    if (
      last && !last.noteRef && !last.noteMark && last.text !== "\n" && printed !== "\n" &&
      last.bold === seg.bold && last.italic === seg.italic && last.fontSize === seg.fontSize && last.vertAlign === seg.vertAlign
    ) {
      last.text += printed;
    } else {
      // `seg` is this run's own: completed in place, not copied (a spread with more keys is slow on V8 11.3, docs/performance.md).
      paragraph.segments.push(Object.assign(seg, { text: printed }));
    }
  }

  private resolveRun(rPr: XmlElement | undefined, paraRun: RunProps): RunProps {
    const styleId = childElement(rPr, "w:rStyle")?.attrs["w:val"];
    return { ...paraRun, ...this.ctx.styles.characterStyle(styleId), ...readRunProps(rPr) };
  }

  /** Finds text boxes inside a drawing or VML shape; everything else there is geometry. */
  private readTextBoxes(node: XmlElement, paragraph: DocParagraph, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.warnDepth();
      return;
    }
    for (const child of node.children) {
      if (typeof child === "string") continue;
      if (child.name === "w:txbxContent") {
        const saved = this.fields;
        this.fields = [];
        paragraph.floating.push(...this.walkBlocks(child, depth + 1));
        this.fields = saved;
      } else if (child.name === "mc:AlternateContent") {
        const branch = chooseAlternative(child);
        if (branch) this.readTextBoxes(branch, paragraph, depth + 1);
      } else {
        this.readTextBoxes(child, paragraph, depth + 1);
      }
    }
  }

  private readTable(tbl: XmlElement, depth: number): DocTable {
    const grid: number[] = [];
    for (const col of childElement(tbl, "w:tblGrid")?.children ?? []) {
      if (typeof col !== "string" && col.name === "w:gridCol") grid.push(Number(col.attrs["w:w"]) || 0);
    }
    const rows: DocCell[][] = [];
    const headerRows = new Set<number>();
    for (const tr of rowElements(tbl)) {
      const trPr = childElement(tr, "w:trPr");
      const tblHeader = childElement(trPr, "w:tblHeader");
      if (tblHeader && !["0", "false", "off"].includes(tblHeader.attrs["w:val"] ?? "")) headerRows.add(rows.length);
      let gridStart = Number(childElement(trPr, "w:gridBefore")?.attrs["w:val"]) || 0;
      const cells: DocCell[] = [];
      for (const tc of cellElements(tr)) {
        const tcPr = childElement(tc, "w:tcPr");
        const gridSpan = Math.max(1, Number(childElement(tcPr, "w:gridSpan")?.attrs["w:val"]) || 1);
        const vMerge = childElement(tcPr, "w:vMerge");
        const merged = vMerge !== undefined && vMerge.attrs["w:val"] !== "restart";
        cells.push({ gridStart, gridSpan, merged, items: this.walkBlocks(tc, depth + 1) });
        gridStart += gridSpan;
      }
      rows.push(cells);
    }
    return { kind: "table", grid, rows, headerRows };
  }

  private warnDepth(): void {
    if (this.warnedDepth) return;
    this.warnedDepth = true;
    this.ctx.warnings.push({ code: "docx_nesting_too_deep", message: `Content nested deeper than ${MAX_DEPTH} levels was skipped.` });
  }
}

function toSegmentProps(props: RunProps): Omit<Segment, "text"> {
  const seg: Omit<Segment, "text"> = { bold: Boolean(props.bold), italic: Boolean(props.italic) };
  if (props.fontSize !== undefined) seg.fontSize = props.fontSize;
  if (props.vertAlign && props.vertAlign !== "baseline") seg.vertAlign = props.vertAlign;
  return seg;
}

/** The branch of an mc:AlternateContent to read: the modern mc:Choice, else the mc:Fallback. */
function chooseAlternative(node: XmlElement): XmlElement | undefined {
  return childElement(node, "mc:Choice") ?? childElement(node, "mc:Fallback");
}

/** Rows, including those wrapped in content controls or tracked insertions. */
function rowElements(tbl: XmlElement): XmlElement[] {
  return wrappedChildren(tbl, "w:tr");
}

function cellElements(tr: XmlElement): XmlElement[] {
  return wrappedChildren(tr, "w:tc");
}

function wrappedChildren(parent: XmlElement, name: string, depth = 0): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of parent.children) {
    if (typeof child === "string") continue;
    if (child.name === name) out.push(child);
    else if (depth < 4 && (child.name === "w:sdt" || child.name === "w:sdtContent" || child.name === "w:customXml" || child.name === "w:ins")) {
      out.push(...wrappedChildren(child, name, depth + 1));
    }
  }
  return out;
}

/** Office Math as its plain characters: m:t, and w:t for ordinary text inside a math run. */
function readMathText(node: XmlElement): string {
  let text = "";
  const visit = (n: XmlNode, depth: number): void => {
    if (typeof n === "string" || depth > MAX_DEPTH) return;
    if (n.name === "m:t" || n.name === "w:t") text += elementText(n);
    else for (const c of n.children) visit(c, depth + 1);
  };
  visit(node, 0);
  return text;
}
