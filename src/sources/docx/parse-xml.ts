/**
 * A small, forgiving XML reader for WordprocessingML parts. It builds a plain element tree with
 * local names (the `w:`, `m:`, `wps:` prefixes are dropped: Word parts are read by local name, and
 * generators that pick other prefixes still work). No DTD, no entity definitions (so no entity
 * expansion attacks), only the five predefined entities and character references.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#(?<dec>\d{1,7})|#x(?<hex>[\da-fA-F]{1,6})|(?<name>lt|gt|amp|quot|apos));/g;
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Parses an XML document into its root element; `null` when there is no element at all. */
export function parseXml(xml: string): XmlElement | null {
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let pos = 0;
  const length = xml.length;
  while (pos < length) {
    const lt = xml.indexOf("<", pos);
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > pos) appendText(stack[stack.length - 1], xml.slice(pos, textEnd));
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      pos = skipPast(xml, "?>", lt + 2);
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        pos = skipPast(xml, "-->", lt + 4);
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        const stop = end === -1 ? length : end;
        stack[stack.length - 1].children.push(xml.slice(lt + 9, stop));
        pos = end === -1 ? length : end + 3;
      } else {
        pos = skipDeclaration(xml, lt + 2);
      }
      continue;
    }
    const tagEnd = findTagEnd(xml, lt + 1);
    if (tagEnd === -1) break;
    if (next === 0x2f /* / */) {
      const name = localName(xml.slice(lt + 2, tagEnd).trim());
      // Forgiving close: pop to the matching element, ignore a stray end tag.
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i].name === name) {
          stack.length = i;
          break;
        }
      }
      pos = tagEnd + 1;
      continue;
    }
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 0x2f;
    const inner = xml.slice(lt + 1, selfClosing ? tagEnd - 1 : tagEnd);
    const element = parseTag(inner);
    stack[stack.length - 1].children.push(element);
    if (!selfClosing) stack.push(element);
    pos = tagEnd + 1;
  }
  return root.children.find((c): c is XmlElement => typeof c !== "string") ?? null;
}

/**
 * An element whose attributes are parsed on first use: most Word elements carry revision ids
 * (w:rsidR …) and VML blobs nobody reads, and parsing them all dominated the reading time.
 */
class LazyElement implements XmlElement {
  children: XmlNode[] = [];
  private parsed: Record<string, string> | null = null;

  constructor(
    readonly name: string,
    private readonly rawAttrs: string,
  ) {}

  get attrs(): Record<string, string> {
    if (this.parsed) return this.parsed;
    const attrs: Record<string, string> = {};
    ATTRIBUTE.lastIndex = 0;
    for (let m = ATTRIBUTE.exec(this.rawAttrs); m; m = ATTRIBUTE.exec(this.rawAttrs)) {
      attrs[localName(m[1])] = decodeEntities(m[2] ?? m[3] ?? "");
    }
    this.parsed = attrs;
    return attrs;
  }
}

function parseTag(inner: string): XmlElement {
  let i = 0;
  while (i < inner.length && !isSpace(inner.charCodeAt(i))) i++;
  return new LazyElement(localName(inner.slice(0, i)), i < inner.length ? inner.slice(i) : "");
}

function appendText(parent: XmlElement, raw: string): void {
  parent.children.push(raw.includes("&") ? decodeEntities(raw) : raw);
}

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, ...rest) => {
    const groups = rest[rest.length - 1] as { dec?: string; hex?: string; name?: string };
    if (groups.name) return NAMED_ENTITIES[groups.name];
    const code = groups.dec !== undefined ? Number(groups.dec) : parseInt(groups.hex ?? "", 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function skipPast(xml: string, marker: string, from: number): number {
  const end = xml.indexOf(marker, from);
  return end === -1 ? xml.length : end + marker.length;
}

/** Skips `<!DOCTYPE … [ … ]>` including an internal subset (its declarations are ignored). */
function skipDeclaration(xml: string, from: number): number {
  let depth = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
    else if (c === 0x3e && depth <= 0) return i + 1;
  }
  return xml.length;
}

/** Index of the `>` closing a tag, skipping quoted attribute values (they may contain `>`). */
function findTagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return i;
    }
  }
  return -1;
}

/** First child element with this local name. */
export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** All child elements with this local name. */
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
  return childElement(element, name)?.attrs.val;
}
