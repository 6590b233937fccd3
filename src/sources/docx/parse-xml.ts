import { SaxesParser } from "saxes";
import { VanbanError } from "../../errors.js";
import { isDeclaration, NameError, NameScope, type RawAttribute } from "./xml-names.js";

/**
 * WordprocessingML parts as a plain element tree, read with saxes (a maintained, streaming XML
 * parser that checks well-formedness). Element and attribute names are qualified by their
 * namespace (xml-names.ts) with a fixed prefix per namespace (`w:t`, `m:t`, `a:t`, `mc:Choice`),
 * whatever prefixes the generator chose, so that Word text, math text and drawing text never
 * look alike. saxes expands no DTD entities (no entity expansion attacks); malformed XML is
 * refused as `corrupt`, as Word refuses it.
 */
export interface XmlElement {
  /** Qualified name with the canonical prefix ("w:p"); `{uri}local` in an unknown namespace. */
  name: string;
  /** Attributes by qualified name ("w:val"); unprefixed attributes by their local name. */
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

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
    // A prefix is resolved up the scopes of the open elements (xml-names.ts): with a declaration on
    // each, time would grow with the square of the depth.
    throw new VanbanError("corrupt", `The DOCX part ${part} nests elements ${depth} levels deep, beyond the reader's limit of ${MAX_XML_DEPTH} (Word writes fewer than 100).`);
  }
  // Namespaces are resolved here, not by saxes (xml-names.ts); saxes still checks everything else.
  const parser = new SaxesParser({ xmlns: false });
  const document: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [document];
  const scopes: NameScope[] = [NameScope.root()];
  // The open tag's attributes as saxes reads them, in order: walking this array is cheaper than
  // enumerating the tag's attribute map (a dictionary-mode object).
  let attributes: RawAttribute[] = [];
  let declares = false;
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("attribute", (attribute) => {
    attributes.push(attribute);
    if (isDeclaration(attribute.name)) declares = true;
  });
  parser.on("opentag", (tag) => {
    let scope = scopes[scopes.length - 1];
    if (declares) {
      const declared = scope.declare(attributes, parser.xmlDecl.version === "1.1");
      if (declared.error !== null) parser.fail(declared.error);
      scope = declared.scope;
    }
    const name = scope.elementName(tag.name);
    if (name instanceof NameError) parser.fail(name.message);
    const element: XmlElement = { name: name instanceof NameError ? tag.name : name, attrs: readAttributes(parser, scope, attributes), children: [] };
    if (attributes.length > 0) attributes = [];
    declares = false;
    stack[stack.length - 1].children.push(element);
    if (!tag.isSelfClosing) {
      stack.push(element);
      scopes.push(scope);
    }
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing && stack.length > 1) {
      stack.pop();
      scopes.pop();
    }
  });
  parser.on("text", (text) => stack[stack.length - 1].children.push(text));
  parser.on("cdata", (text) => stack[stack.length - 1].children.push(text));
  // In namespace mode a processing instruction's target is a name without a colon.
  parser.on("processinginstruction", (pi) => {
    if (pi.target.includes(":")) parser.fail("disallowed character in processing instruction name.");
  });
  parser.write(xml);
  if (!failure) parser.close();
  if (failure) {
    throw new VanbanError("corrupt", `The DOCX part ${part} is not well-formed XML: ${(failure as Error).message}`, { cause: failure });
  }
  return document.children.find((c): c is XmlElement => typeof c !== "string") ?? null;
}

/** The attributes by qualified name, in document order; namespace declarations left out. */
function readAttributes(parser: SaxesParser, scope: NameScope, raw: readonly RawAttribute[]): Record<string, string> {
  const attrs: Record<string, string> = {};
  let clash = false;
  for (let i = 0; i < raw.length; i++) {
    const qualified = scope.attributeName(raw[i].name);
    if (qualified === null) continue;
    if (qualified instanceof NameError) {
      parser.fail(qualified.message);
      continue;
    }
    if (attrs[qualified] !== undefined) clash = true;
    attrs[qualified] = raw[i].value;
  }
  if (clash) {
    const duplicate = scope.duplicateAttribute(raw);
    if (duplicate !== null) parser.fail(`duplicate attribute: ${duplicate}.`);
  }
  return attrs;
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
