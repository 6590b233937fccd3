import { SaxesParser, type SaxesTagNS } from "saxes";
import { VanbanError } from "../../errors.js";

/**
 * WordprocessingML parts as a plain element tree, read with saxes (a maintained, streaming,
 * namespace-aware XML parser). Element and attribute names are qualified with a fixed prefix per
 * namespace (`w:t`, `m:t`, `a:t`, `mc:Choice`), whatever prefixes the generator chose, so that
 * Word text, math text and drawing text never look alike. saxes expands no DTD entities (no
 * entity expansion attacks); malformed XML is refused as `corrupt`, as Word refuses it.
 */
export interface XmlElement {
  /** Qualified name with the canonical prefix ("w:p"); `{uri}local` in an unknown namespace. */
  name: string;
  /** Attributes by qualified name ("w:val"); unprefixed attributes by their local name. */
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** The namespaces the reader looks at, by URI (transitional and strict OOXML alike). */
const PREFIXES: ReadonlyMap<string, string> = new Map([
  ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"],
  ["http://purl.oclc.org/ooxml/wordprocessingml/main", "w"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/math", "m"],
  ["http://purl.oclc.org/ooxml/officeDocument/math", "m"],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "a"],
  ["http://purl.oclc.org/ooxml/drawingml/main", "a"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", "r"],
  ["http://schemas.openxmlformats.org/markup-compatibility/2006", "mc"],
  ["http://schemas.openxmlformats.org/package/2006/relationships", "rel"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "ep"],
  ["http://purl.oclc.org/ooxml/officeDocument/extendedProperties", "ep"],
]);
/** Namespace URIs of the usual prefixes, for generators that use a prefix without declaring it. */
const USUAL_URIS: ReadonlyMap<string, string> = new Map([
  ["w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"],
  ["m", "http://schemas.openxmlformats.org/officeDocument/2006/math"],
  ["a", "http://schemas.openxmlformats.org/drawingml/2006/main"],
  ["r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"],
  ["mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"],
]);
const XMLNS_URI = "http://www.w3.org/2000/xmlns/";
/** Element nesting a part may have; real documents stay under 100 (tables in tables in text boxes). */
const MAX_XML_DEPTH = 1000;

/**
 * The deepest element nesting of an XML text, in one pass: "<name" opens unless its tag ends
 * with "/>", "</" closes; declarations, comments and processing instructions are skipped.
 * Approximate (a ">" inside an attribute value can misplace one tag), which a bound allows.
 */
function nestingDepth(xml: string): number {
  let depth = 0;
  let max = 0;
  for (let i = xml.indexOf("<"); i !== -1; i = xml.indexOf("<", i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x2f) depth--; // </
    else if (next !== 0x3f && next !== 0x21) {
      const end = xml.indexOf(">", i);
      if (end === -1) break;
      if (xml.charCodeAt(end - 1) !== 0x2f && ++depth > max) max = depth;
      i = end;
    }
  }
  return max;
}

/**
 * Parses one XML part into its root element; `null` when it holds no element at all. Throws
 * `corrupt` (naming the part and the place) when the part is not well-formed XML.
 */
export function parseXml(xml: string, part = "XML part"): XmlElement | null {
  const depth = nestingDepth(xml);
  if (depth > MAX_XML_DEPTH) {
    // saxes resolves each tag's namespace up the open-tag stack: time grows with the square of the depth.
    throw new VanbanError("corrupt", `The DOCX part ${part} nests elements ${depth} levels deep, beyond the reader's limit of ${MAX_XML_DEPTH} (Word writes fewer than 100).`);
  }
  const parser = new SaxesParser({
    xmlns: true,
    // A prefix used without a declaration: the usual one's namespace, else one of its own.
    resolvePrefix: (prefix: string) => USUAL_URIS.get(prefix) ?? `urn:vanban:undeclared:${prefix}`,
  });
  const document: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [document];
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = { name: qualify(tag.uri, tag.local, tag.name), attrs: readAttributes(tag), children: [] };
    stack[stack.length - 1].children.push(element);
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing && stack.length > 1) stack.pop();
  });
  parser.on("text", (text) => stack[stack.length - 1].children.push(text));
  parser.on("cdata", (text) => stack[stack.length - 1].children.push(text));
  parser.write(xml);
  if (!failure) parser.close();
  if (failure) {
    throw new VanbanError("corrupt", `The DOCX part ${part} is not well-formed XML: ${(failure as Error).message}`, { cause: failure });
  }
  return document.children.find((c): c is XmlElement => typeof c !== "string") ?? null;
}

function readAttributes(tag: SaxesTagNS): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.uri === XMLNS_URI) continue;
    // An unprefixed attribute is in no namespace: it keeps its local name ("Target", "Type").
    attrs[attribute.prefix === "" ? attribute.local : qualify(attribute.uri, attribute.local, attribute.name)] = attribute.value;
  }
  return attrs;
}

function qualify(uri: string | undefined, local: string, name: string): string {
  if (!uri) return name;
  const prefix = PREFIXES.get(uri);
  return prefix ? `${prefix}:${local}` : `{${uri}}${local}`;
}

/** First child element with this qualified name. */
export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** All child elements with this qualified name. */
export function childElements(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  const out: XmlElement[] = [];
  for (const c of element.children) if (typeof c !== "string" && c.name === name) out.push(c);
  return out;
}

/** The concatenated text of an element's direct text children (`w:t`, `w:instrText`). */
export function elementText(element: XmlElement): string {
  let text = "";
  for (const c of element.children) if (typeof c === "string") text += c;
  return text;
}

/** The `w:val` of a child property element (`<w:jc w:val="center"/>` → "center"). */
export function childValue(element: XmlElement | undefined, name: string): string | undefined {
  return childElement(element, name)?.attrs["w:val"];
}
