/**
 * XML namespaces (Namespaces in XML 1.0) resolved for `parseXml`, which runs saxes without its
 * own namespace processing: saxes's per-attribute namespace records and checks took a third of a
 * DOCX's reading time (docs/performance.md). Here each distinct raw name is resolved once per
 * scope, and a scope is opened only by an element that declares a namespace.
 *
 * The checks are those saxes makes in namespace mode, with its messages, so that the same parts
 * are refused: a malformed qualified name, the `xmlns` prefix on an element, a namespace
 * declaration that undefines a prefix (XML 1.0) or misuses the `xml`/`xmlns` names, and two
 * attributes with the same expanded name.
 */

/** The namespaces the reader looks at, by URI (transitional and strict OOXML alike). */
export const PREFIXES: ReadonlyMap<string, string> = new Map([
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
export const USUAL_URIS: ReadonlyMap<string, string> = new Map([
  ["w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"],
  ["m", "http://schemas.openxmlformats.org/officeDocument/2006/math"],
  ["a", "http://schemas.openxmlformats.org/drawingml/2006/main"],
  ["r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"],
  ["mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"],
]);
const XML_URI = "http://www.w3.org/XML/1998/namespace";
const XMLNS_URI = "http://www.w3.org/2000/xmlns/";

/** One attribute as the tag gives it: raw name and value. */
export interface RawAttribute {
  name: string;
  value: string;
}

/** A name refused by the namespace rules: the message saxes gives for it. */
export class NameError {
  constructor(readonly message: string) {}
}

/** Qualified name of an element or attribute: the canonical prefix ("w:p"); `{uri}local` in an unknown namespace. */
function qualify(uri: string, local: string, name: string): string {
  if (!uri) return name;
  const prefix = PREFIXES.get(uri);
  return prefix ? `${prefix}:${local}` : `{${uri}}${local}`;
}

/** Prefix and local part of a raw name, or a NameError ("a:", ":b", "a:b:c"). */
function splitName(name: string): { prefix: string; local: string } | NameError {
  const colon = name.indexOf(":");
  if (colon === -1) return { prefix: "", local: name };
  const prefix = name.slice(0, colon);
  const local = name.slice(colon + 1);
  if (prefix === "" || local === "" || local.includes(":")) return new NameError(`malformed name: ${name}.`);
  return { prefix, local };
}

/** True for a namespace declaration: `xmlns` or `xmlns:p`. Asked of every attribute: the first letter settles most. */
export function isDeclaration(name: string): boolean {
  return name.charCodeAt(0) === 0x78 && name.startsWith("xmlns") && (name.length === 5 || name.charCodeAt(5) === 0x3a);
}

/** What saxes says of a declaration binding `prefix` ("" for the default namespace) to `uri`, or null. */
function declarationError(prefix: string, uri: string, xml11: boolean): string | null {
  if (prefix !== "" && uri === "" && !xml11) return "invalid attempt to undefine prefix in XML 1.0";
  if (prefix === "xml" && uri !== XML_URI) return `xml prefix must be bound to ${XML_URI}.`;
  if (prefix === "xmlns" && uri !== XMLNS_URI) return `xmlns prefix must be bound to ${XMLNS_URI}.`;
  if (uri === XMLNS_URI) return prefix === "" ? `the default namespace may not be set to ${uri}.` : `may not assign a prefix (even "xmlns") to the URI ${XMLNS_URI}.`;
  if (uri === XML_URI && prefix !== "xml") return prefix === "" ? `the default namespace may not be set to ${uri}.` : `may not assign the xml namespace to another prefix.`;
  return null;
}

/**
 * The namespace bindings in force at an element, with the qualified names already resolved under
 * them. Child elements share their parent's scope unless they declare a namespace themselves.
 */
export class NameScope {
  private readonly elementNames = new Map<string, string | NameError>();
  /** Qualified attribute names; null for a namespace declaration (not an attribute of the tree). */
  private readonly attributeNames = new Map<string, string | null | NameError>();

  private constructor(
    private readonly parent: NameScope | null,
    private readonly bindings: ReadonlyMap<string, string>,
  ) {}

  /** The scope outside every element. */
  static root(): NameScope {
    return new NameScope(null, new Map());
  }

  /**
   * The scope of an element whose attributes hold namespace declarations. Returns the first
   * error saxes would report for them, if any, with the scope.
   */
  declare(attributes: readonly RawAttribute[], xml11: boolean): { scope: NameScope; error: string | null } {
    const bindings = new Map<string, string>();
    let error: string | null = null;
    for (const { name, value } of attributes) {
      if (!isDeclaration(name)) continue;
      const uri = value.trim();
      const prefix = name.length === 5 ? "" : name.slice(6);
      const malformed = name.length > 5 && (prefix === "" || prefix.includes(":"));
      error ??= malformed ? `malformed name: ${name}.` : declarationError(prefix, uri, xml11);
      if (!malformed) bindings.set(prefix, uri);
    }
    return { scope: new NameScope(this, bindings), error };
  }

  /** The URI bound to `prefix` here; as saxes resolves it with `parseXml`'s fallback for undeclared prefixes. */
  private resolve(prefix: string): string {
    for (let scope: NameScope | null = this; scope !== null; scope = scope.parent) {
      const uri = scope.bindings.get(prefix);
      if (uri !== undefined) return uri;
    }
    if (prefix === "xml") return XML_URI;
    if (prefix === "xmlns") return XMLNS_URI;
    // A prefix used without a declaration: the usual one's namespace, else one of its own.
    return USUAL_URIS.get(prefix) ?? `urn:vanban:undeclared:${prefix}`;
  }

  /** Qualified name of an element. */
  elementName(name: string): string | NameError {
    let qualified = this.elementNames.get(name);
    if (qualified === undefined) {
      qualified = this.resolveElement(name);
      this.elementNames.set(name, qualified);
    }
    return qualified;
  }

  private resolveElement(name: string): string | NameError {
    const parts = splitName(name);
    if (parts instanceof NameError) return parts;
    if (parts.prefix === "xmlns") return new NameError('tags may not have "xmlns" as prefix.');
    const uri = this.resolve(parts.prefix);
    if (parts.prefix !== "" && uri === "") return new NameError(`unbound namespace prefix: ${JSON.stringify(parts.prefix)}.`);
    return qualify(uri, parts.local, name);
  }

  /** Qualified name of an attribute; null for a namespace declaration. Unprefixed attributes are in no namespace. */
  attributeName(name: string): string | null | NameError {
    let qualified = this.attributeNames.get(name);
    if (qualified === undefined) {
      qualified = this.resolveAttribute(name);
      this.attributeNames.set(name, qualified);
    }
    return qualified;
  }

  private resolveAttribute(name: string): string | null | NameError {
    const parts = splitName(name);
    if (parts instanceof NameError) return parts;
    if (parts.prefix === "") return name === "xmlns" ? null : name;
    if (parts.prefix === "xmlns") return null;
    // A prefix undeclared by `xmlns:p=""` (XML 1.1) leaves the attribute in no namespace: saxes
    // refuses that for an element, not for an attribute, which keeps its raw name.
    return qualify(this.resolve(parts.prefix), parts.local, name);
  }

  /**
   * The expanded name ("{uri}local") two of whose attributes share, or null. Asked only when two
   * attributes of an element got the same qualified name, which two namespaces with one canonical
   * prefix (transitional and strict OOXML) may give without being the same attribute.
   */
  duplicateAttribute(attributes: readonly RawAttribute[]): string | null {
    const seen = new Set<string>();
    for (const { name } of attributes) {
      const parts = splitName(name);
      if (parts instanceof NameError) continue;
      const expanded = parts.prefix === "" ? name : `{${this.resolve(parts.prefix)}}${parts.local}`;
      if (seen.has(expanded)) return expanded;
      seen.add(expanded);
    }
    return null;
  }
}
