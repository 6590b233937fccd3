import { readFileSync } from "node:fs";
import fc from "fast-check";
import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { describe, expect, it } from "vitest";
import { parseXml, type XmlElement } from "../../src/sources/docx/parse-xml.js";
import { PREFIXES, USUAL_URIS } from "../../src/sources/docx/xml-names.js";
import { fixtureFiles } from "../helpers/fixtures.js";

/*
 * parseXml runs saxes without its namespace processing and resolves names itself
 * (src/sources/docx/xml-names.ts). The reference below is the reader as it was before: saxes in
 * namespace mode (with the reader's tables of canonical prefixes). Both must give the same tree,
 * and refuse the same parts.
 */

function referenceParse(xml: string): XmlElement | null {
  const qualify = (uri: string | undefined, local: string, name: string) => {
    if (!uri) return name;
    const prefix = PREFIXES.get(uri);
    return prefix ? `${prefix}:${local}` : `{${uri}}${local}`;
  };
  const readAttributes = (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === "http://www.w3.org/2000/xmlns/") continue;
      attrs[a.prefix === "" ? a.local : qualify(a.uri, a.local, a.name)] = a.value;
    }
    return attrs;
  };
  const parser = new SaxesParser({ xmlns: true, resolvePrefix: (p: string) => USUAL_URIS.get(p) ?? `urn:vanban:undeclared:${p}` });
  const document: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [document];
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = { name: qualify(tag.uri, tag.local, tag.name), attrs: readAttributes(tag), children: [] };
    stack[stack.length - 1].children.push(element);
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing && stack.length > 1) stack.pop();
  });
  parser.on("text", (t) => stack[stack.length - 1].children.push(t));
  parser.on("cdata", (t) => stack[stack.length - 1].children.push(t));
  parser.write(xml);
  if (!failure) parser.close();
  if (failure) throw failure;
  return document.children.find((c): c is XmlElement => typeof c !== "string") ?? null;
}

/** The tree as JSON (key order included), or "refused". */
function outcome(parse: (xml: string) => XmlElement | null, xml: string): string {
  try {
    return JSON.stringify(parse(xml));
  } catch {
    return "refused";
  }
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";

describe("parseXml: names by namespace", () => {
  const cases: Array<[string, string, unknown]> = [
    ["a generator's own prefix becomes the canonical one", `<ns0:p xmlns:ns0="${W}" ns0:val="1"/>`, { name: "w:p", attrs: { "w:val": "1" } }],
    ["strict OOXML reads like transitional", `<x:p xmlns:x="${W_STRICT}" x:val="1"/>`, { name: "w:p", attrs: { "w:val": "1" } }],
    ["the default namespace names unprefixed elements, not attributes", `<p xmlns="${W}" val="1"/>`, { name: "w:p", attrs: { val: "1" } }],
    ["an unknown namespace is spelled out", `<x:t xmlns:x="urn:example:other" x:id="7"/>`, { name: "{urn:example:other}t", attrs: { "{urn:example:other}id": "7" } }],
    ["a usual prefix used without a declaration", `<w:p w:val="1"/>`, { name: "w:p", attrs: { "w:val": "1" } }],
    ["an unknown prefix used without a declaration", `<q:p/>`, { name: "{urn:vanban:undeclared:q}p", attrs: {} }],
    ["an unprefixed element with no default namespace", `<p/>`, { name: "{urn:vanban:undeclared:}p", attrs: {} }],
    ["xml:space is in the XML namespace", `<w:t xml:space="preserve"/>`, { name: "w:t", attrs: { "{http://www.w3.org/XML/1998/namespace}space": "preserve" } }],
    ["declarations are not attributes", `<w:p xmlns:w="${W}" xmlns="${W}" w:a="1" b="2"/>`, { name: "w:p", attrs: { "w:a": "1", b: "2" } }],
    [
      "two namespaces with one canonical prefix are not the same attribute: the later wins",
      `<w:p xmlns:w="${W}" xmlns:s="${W_STRICT}" w:val="1" s:val="2"/>`,
      { name: "w:p", attrs: { "w:val": "2" } },
    ],
    ["XML 1.1 may undeclare a prefix", `<?xml version="1.1"?><w:p xmlns:q=""/>`, { name: "w:p", attrs: {} }],
    ["an attribute of an undeclared prefix (XML 1.1) keeps its raw name", `<?xml version="1.1"?><w:p xmlns:q="" q:v="1"/>`, { name: "w:p", attrs: { "q:v": "1" } }],
  ];
  it.each(cases)("%s", (_label, xml, expected) => {
    const root = parseXml(xml);
    expect({ name: root?.name, attrs: root?.attrs }).toEqual(expected);
    expect(JSON.stringify(root)).toBe(JSON.stringify(referenceParse(xml)));
  });

  it("a declaration holds within its element only", () => {
    const xml = `<w:document xmlns:w="${W}"><w:body><w:p xmlns:w="urn:other"><w:r/></w:p><w:p><w:r/></w:p></w:body></w:document>`;
    const body = parseXml(xml)!.children[0] as XmlElement;
    const [inner, outer] = body.children as XmlElement[];
    expect([inner.name, (inner.children[0] as XmlElement).name]).toEqual(["{urn:other}p", "{urn:other}r"]);
    expect([outer.name, (outer.children[0] as XmlElement).name]).toEqual(["w:p", "w:r"]);
  });
});

describe("parseXml refuses what namespace-aware XML refuses", () => {
  const refused: Array<[string, string]> = [
    ["an empty local name", "<a:/>"],
    ["an empty prefix", "<:a/>"],
    ["two colons in a name", "<a:b:c/>"],
    ["two colons in an attribute name", '<w:p a:b:c="1"/>'],
    ["the xmlns prefix on an element", "<xmlns:a/>"],
    ["a prefix undeclared in XML 1.0", '<w:p xmlns:q=""/>'],
    ["an element of an undeclared prefix (XML 1.1)", '<?xml version="1.1"?><q:p xmlns:q=""/>'],
    ["an empty declared prefix", '<w:p xmlns:="urn:x"/>'],
    ["xml bound elsewhere", '<w:p xmlns:xml="urn:x"/>'],
    ["xmlns declared", '<w:p xmlns:xmlns="urn:x"/>'],
    ["a prefix bound to the xmlns namespace", '<w:p xmlns:q="http://www.w3.org/2000/xmlns/"/>'],
    ["the default namespace set to the XML namespace", '<p xmlns="http://www.w3.org/XML/1998/namespace"/>'],
    ["another prefix bound to the XML namespace", '<w:p xmlns:q="http://www.w3.org/XML/1998/namespace"/>'],
    ["two attributes with one expanded name", '<w:p xmlns:a="urn:x" xmlns:b="urn:x" a:v="1" b:v="2"/>'],
    ["a processing instruction target with a colon", "<?a:b c?><w:p/>"],
    ["a duplicate attribute", '<w:p w:v="1" w:v="2"/>'],
  ];
  it.each(refused)("%s", (_label, xml) => {
    expect(() => referenceParse(xml), "the reference refuses it too").toThrow();
    expect(() => parseXml(xml, "word/document.xml")).toThrow(/word\/document\.xml is not well-formed XML/);
  });
});

/** Every XML part of the fixture DOCX files. */
function fixtureParts(): string[] {
  const parts: string[] = [];
  for (const file of fixtureFiles(".docx")) {
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(file))))) {
      if (name.endsWith(".xml") || name.endsWith(".rels")) parts.push(strFromU8(bytes));
    }
  }
  return parts;
}

describe("parseXml gives the tree saxes's namespace mode gives", () => {
  it("on every XML part of the fixture DOCX files", () => {
    const parts = fixtureParts();
    expect(parts.length).toBeGreaterThan(50);
    for (const xml of parts) expect(outcome(parseXml, xml)).toBe(outcome(referenceParse, xml));
  });

  // Documents built from names, prefixes and declarations that collide on purpose.
  const prefix = fc.constantFrom("", "w", "x", "xml", "xmlns", "q", "ns0", "a:b");
  const local = fc.constantFrom("p", "val", "r", "", "space", "xmlns");
  const uri = fc.constantFrom(W, W_STRICT, "urn:x", "", "http://www.w3.org/2000/xmlns/", "http://www.w3.org/XML/1998/namespace");
  const name = fc.tuple(prefix, local).map(([p, l]) => (p === "" ? l : `${p}:${l}`));
  const attribute = fc.oneof(
    fc.tuple(name, fc.constantFrom("1", "2")).map(([n, v]) => `${n}="${v}"`),
    fc.tuple(fc.constantFrom("xmlns", "xmlns:w", "xmlns:x", "xmlns:q", "xmlns:xml", "xmlns:"), uri).map(([n, u]) => `${n}="${u}"`),
  );
  const element: fc.Memo<string> = fc.memo((depth) =>
    fc
      .tuple(name, fc.array(attribute, { maxLength: 4 }), depth > 1 ? fc.array(element(depth - 1), { maxLength: 3 }) : fc.constant([]))
      .map(([n, attrs, kids]) => {
        const open = [n, ...attrs].join(" ");
        return kids.length === 0 ? `<${open}/>` : `<${open}>${kids.join("t")}</${n}>`;
      }),
  );
  it("on generated documents", () => {
    fc.assert(
      fc.property(fc.constantFrom("", '<?xml version="1.0"?>', '<?xml version="1.1"?>', "<?a:b c?>"), element(3), (head, body) => {
        const xml = head + body;
        expect(outcome(parseXml, xml)).toBe(outcome(referenceParse, xml));
      }),
      // XML_RUNS=40000 for a longer search (eight such runs pass).
      { numRuns: Number(process.env.XML_RUNS ?? 3000) },
    );
  });
});
