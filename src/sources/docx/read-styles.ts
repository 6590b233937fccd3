import type { ParaProps, VertAlign } from "../word/word-items.js";
import { FILE_LIMITS, type LimitNotes } from "../word/file-limits.js";
import { childElement, childElements, childValue, type XmlElement } from "./parse-xml.js";

/** Character formatting that matters to the block model. */
export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  vertAlign?: VertAlign;
  /** Displayed in capitals (w:caps): the text is printed upper case whatever was typed. */
  caps?: boolean;
  /** Hidden text (w:vanish): not printed. */
  hidden?: boolean;
}

/** A paragraph style resolved along its `basedOn` chain. */
export interface ParagraphStyle {
  para: ParaProps;
  run: RunProps;
  /** Heading level from the built-in style name: "heading n" → n, "Title" → 1. */
  headingLevel?: number;
}

/** styles.xml (kiểu định dạng) resolved on demand. */
export interface StyleSheet {
  paragraphStyle(styleId: string | undefined): ParagraphStyle;
  characterStyle(styleId: string | undefined): RunProps;
  /** The list a numbering style (w:type="numbering", target of w:numStyleLink) stands for. */
  numberingStyleNumId(styleId: string): string | undefined;
  /** Document defaults (w:docDefaults) for runs. */
  defaultRun: RunProps;
}

const HEADING_NAME = /^heading\s*(?<level>[1-9])$/i;
const TITLE_NAME = /^title$/i;
const FALSE_VALUES = new Set(["0", "false", "off", "none"]);
/** 20 twips to the point. */
const TWIPS_PER_POINT = 20;

interface RawStyle {
  type: string;
  name: string;
  basedOn?: string;
  pPr?: XmlElement;
  rPr?: XmlElement;
}

export function readStyles(root: XmlElement | null, limits: LimitNotes): StyleSheet {
  const raw = new Map<string, RawStyle>();
  let defaultParagraphId: string | undefined;
  for (const style of childElements(root ?? undefined, "w:style")) {
    const id = style.attrs["w:styleId"];
    if (!id) continue;
    const type = style.attrs["w:type"] ?? "paragraph";
    raw.set(`${type}:${id}`, {
      type,
      name: childValue(style, "w:name") ?? id,
      basedOn: childValue(style, "w:basedOn"),
      pPr: childElement(style, "w:pPr"),
      rPr: childElement(style, "w:rPr"),
    });
    if (type === "paragraph" && (style.attrs["w:default"] === "1" || style.attrs["w:default"] === "true")) defaultParagraphId = id;
  }
  const defaults = childElement(root ?? undefined, "w:docDefaults");
  const defaultRun = readRunProps(childElement(childElement(defaults, "w:rPrDefault"), "w:rPr"));
  const defaultPara = readParaProps(childElement(childElement(defaults, "w:pPrDefault"), "w:pPr"));

  const paragraphCache = new Map<string, ParagraphStyle>();
  const characterCache = new Map<string, RunProps>();

  function resolveParagraph(id: string, seen: Set<string>): ParagraphStyle {
    const cached = paragraphCache.get(id);
    if (cached) return cached;
    const style = raw.get(`paragraph:${id}`);
    if (!style || seen.has(id)) return { para: { ...defaultPara }, run: { ...defaultRun } };
    seen.add(id);
    // A chain of thousands of basedOn links would overflow the stack: inherit no further.
    const tooDeep = seen.size > FILE_LIMITS.styleDepth;
    if (tooDeep) limits.note(`style inheritance (basedOn) deeper than ${FILE_LIMITS.styleDepth}`);
    const base = style.basedOn && !tooDeep ? resolveParagraph(style.basedOn, seen) : { para: { ...defaultPara }, run: { ...defaultRun } };
    const heading = HEADING_NAME.exec(style.name)?.groups?.level;
    const resolved: ParagraphStyle = {
      para: { ...base.para, ...readParaProps(style.pPr) },
      run: { ...base.run, ...readRunProps(style.rPr) },
      // The level comes from the style's own name, else from the style it is based on.
      headingLevel: heading ? Number(heading) : TITLE_NAME.test(style.name) ? 1 : base.headingLevel,
    };
    paragraphCache.set(id, resolved);
    return resolved;
  }

  function resolveCharacter(id: string, seen: Set<string>): RunProps {
    const cached = characterCache.get(id);
    if (cached) return cached;
    const style = raw.get(`character:${id}`);
    if (!style || seen.has(id)) return {};
    seen.add(id);
    const tooDeep = seen.size > FILE_LIMITS.styleDepth;
    if (tooDeep) limits.note(`style inheritance (basedOn) deeper than ${FILE_LIMITS.styleDepth}`);
    const base = style.basedOn && !tooDeep ? resolveCharacter(style.basedOn, seen) : {};
    const resolved = { ...base, ...readRunProps(style.rPr) };
    characterCache.set(id, resolved);
    return resolved;
  }

  return {
    paragraphStyle: (styleId) => {
      const id = styleId ?? defaultParagraphId;
      return id ? resolveParagraph(id, new Set()) : { para: { ...defaultPara }, run: { ...defaultRun } };
    },
    characterStyle: (styleId) => (styleId ? resolveCharacter(styleId, new Set()) : {}),
    numberingStyleNumId: (styleId) => readParaProps(raw.get(`numbering:${styleId}`)?.pPr).numId,
    defaultRun,
  };
}

/** Reads the properties a `w:rPr` sets explicitly (unset ones stay undefined, so they inherit). */
export function readRunProps(rPr: XmlElement | undefined): RunProps {
  const props: RunProps = {};
  if (!rPr) return props;
  for (const child of rPr.children) {
    if (typeof child === "string") continue;
    switch (child.name) {
      case "w:b":
        props.bold = onOff(child);
        break;
      case "w:i":
        props.italic = onOff(child);
        break;
      case "w:caps":
        props.caps = onOff(child);
        break;
      case "w:vanish":
        props.hidden = onOff(child);
        break;
      case "w:sz": {
        const halfPoints = Number(child.attrs["w:val"]);
        if (Number.isFinite(halfPoints) && halfPoints > 0) props.fontSize = halfPoints / 2;
        break;
      }
      case "w:vertAlign": {
        const v = child.attrs["w:val"];
        if (v === "superscript" || v === "subscript" || v === "baseline") props.vertAlign = v;
        break;
      }
    }
  }
  return props;
}

/** Reads the properties a `w:pPr` sets explicitly. */
export function readParaProps(pPr: XmlElement | undefined): ParaProps {
  const props: ParaProps = {};
  if (!pPr) return props;
  const jc = childValue(pPr, "w:jc");
  if (jc) props.align = alignment(jc);
  const ind = childElement(pPr, "w:ind");
  if (ind) {
    const left = twips(ind.attrs["w:left"] ?? ind.attrs["w:start"]);
    if (left !== undefined) props.indent = left;
    const firstLine = twips(ind.attrs["w:firstLine"]);
    const hanging = twips(ind.attrs["w:hanging"]);
    if (hanging !== undefined && hanging !== 0) props.firstLineIndent = -hanging;
    else if (firstLine !== undefined) props.firstLineIndent = firstLine;
  }
  const numPr = childElement(pPr, "w:numPr");
  if (numPr) {
    const numId = childValue(numPr, "w:numId");
    const ilvl = childValue(numPr, "w:ilvl");
    if (numId !== undefined) props.numId = numId;
    if (ilvl !== undefined && Number.isInteger(Number(ilvl))) props.ilvl = Number(ilvl);
  }
  return props;
}

function onOff(element: XmlElement): boolean {
  const val = element.attrs["w:val"];
  return val === undefined || !FALSE_VALUES.has(val.toLowerCase());
}

function twips(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n / TWIPS_PER_POINT : undefined;
}

function alignment(jc: string): ParaProps["align"] {
  switch (jc) {
    case "center":
      return "center";
    case "right":
    case "end":
      return "right";
    case "both":
    case "distribute":
    case "lowKashida":
    case "mediumKashida":
    case "highKashida":
    case "thaiDistribute":
      return "justify";
    default:
      return "left";
  }
}
