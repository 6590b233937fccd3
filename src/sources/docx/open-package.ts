import { VanbanError } from "../../errors.js";
import { hasEncryptedPackage, isOleCompoundFile } from "../word/detect-ole.js";
import { childElements, parseXml, type XmlElement } from "./parse-xml.js";
import { inflateEntry, listZipEntries, looksLikeZip, type InflateBudget, type ZipEntry } from "./read-zip.js";

/** The parts of a DOCX package the reader uses, parsed. */
export interface DocxPackage {
  document: XmlElement;
  styles: XmlElement | null;
  numbering: XmlElement | null;
  footnotes: XmlElement | null;
  endnotes: XmlElement | null;
  settings: XmlElement | null;
  /** Running headers and footers (đầu trang / chân trang), in relationship order. */
  headerFooters: XmlElement[];
  /** `<Pages>` from docProps/app.xml, as Word last counted them. */
  pages: number | null;
}

const DEFAULT_DOCUMENT = "word/document.xml";
const OFFICE_DOCUMENT_REL = /\/officeDocument$/;
const PART_REL = /\/(?<kind>styles|numbering|footnotes|endnotes|settings|header|footer)$/;
const PAGES = /<(?:\w+:)?Pages>\s*(?<pages>\d{1,6})\s*<\//;

/**
 * Opens a DOCX zip: finds the main document through the package relationships, checks the
 * declared sizes of the parts it will read against `maxUncompressedBytes`, then inflates them
 * under the same cap (declared sizes may lie).
 */
export function openDocxPackage(data: Uint8Array, maxUncompressedBytes: number): DocxPackage {
  if (data.length === 0) throw new VanbanError("empty_input", "The DOCX input is empty.");
  if (isOleCompoundFile(data)) {
    if (hasEncryptedPackage(data)) throw new VanbanError("encrypted", "The DOCX file is password-protected (encrypted OOXML package).");
    throw new VanbanError("corrupt", "This is an OLE compound file (Word 97–2003 .doc?), not a DOCX zip package.");
  }
  if (!looksLikeZip(data)) throw new VanbanError("corrupt", "Not a DOCX file: the input is not a zip package.");
  const entries = listZipEntries(data);
  const budget: InflateBudget = { remaining: maxUncompressedBytes, limit: maxUncompressedBytes };
  const read = (entry: ZipEntry | undefined): string | null => (entry ? decodeXml(inflateEntry(data, entry, budget)) : null);

  const packageRels = relationships(read(entries.get("_rels/.rels")), "", "_rels/.rels");
  const documentPath = packageRels.find((r) => OFFICE_DOCUMENT_REL.test(r.type))?.target ?? DEFAULT_DOCUMENT;
  const documentEntry = entries.get(documentPath) ?? entries.get(DEFAULT_DOCUMENT);
  if (!documentEntry) {
    throw new VanbanError("corrupt", `Not a Word document: the package has no ${documentPath} part.`);
  }
  const baseDir = documentEntry.name.slice(0, documentEntry.name.lastIndexOf("/") + 1);
  const relsPath = `${baseDir}_rels/${documentEntry.name.slice(baseDir.length)}.rels`;
  const partRels = relationships(read(entries.get(relsPath)), baseDir, relsPath);
  const byKind = new Map<string, string[]>();
  for (const rel of partRels) {
    const kind = PART_REL.exec(rel.type)?.groups?.kind;
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), rel.target]);
  }
  const partPath = (kind: string): string | undefined => byKind.get(kind)?.[0] ?? (entries.has(`${baseDir}${kind}.xml`) ? `${baseDir}${kind}.xml` : undefined);
  const wanted = {
    styles: partPath("styles"),
    numbering: partPath("numbering"),
    footnotes: partPath("footnotes"),
    endnotes: partPath("endnotes"),
    settings: partPath("settings"),
  };
  const headerFooterPaths = [...(byKind.get("header") ?? []), ...(byKind.get("footer") ?? [])];
  const appEntry = entries.get("docProps/app.xml");

  // Refuse before inflating anything big when the declared sizes already exceed the cap.
  const declared = [documentEntry.name, ...Object.values(wanted), ...headerFooterPaths]
    .map((p) => (p ? entries.get(p)?.size ?? 0 : 0))
    .reduce((a, b) => a + b, appEntry?.size ?? 0);
  if (declared > budget.remaining) {
    throw new VanbanError("too_large", `The DOCX parts declare ${declared} uncompressed bytes, over the limit of ${maxUncompressedBytes}.`);
  }

  const parse = (path: string | undefined): XmlElement | null => {
    const text = path ? read(entries.get(path)) : null;
    return text === null ? null : parseXml(text, path);
  };
  const document = parse(documentEntry.name);
  if (!document) throw new VanbanError("corrupt", `The ${documentEntry.name} part holds no XML.`);
  const pages = PAGES.exec(read(appEntry) ?? "")?.groups?.pages;
  return {
    document,
    styles: parse(wanted.styles),
    numbering: parse(wanted.numbering),
    footnotes: parse(wanted.footnotes),
    endnotes: parse(wanted.endnotes),
    settings: parse(wanted.settings),
    headerFooters: headerFooterPaths.map(parse).filter((x): x is XmlElement => x !== null),
    pages: pages !== undefined && Number(pages) > 0 ? Number(pages) : null,
  };
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: string | null, baseDir: string, part: string): Relationship[] {
  if (!xml) return [];
  const root = parseXml(xml, part);
  return childElements(root ?? undefined, "rel:Relationship")
    .filter((r) => r.attrs.TargetMode !== "External" && r.attrs.Target)
    .map((r) => ({ type: r.attrs.Type ?? "", target: resolvePath(baseDir, r.attrs.Target) }));
}

function resolvePath(baseDir: string, target: string): string {
  const joined = target.startsWith("/") ? target.slice(1) : baseDir + target;
  const parts: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}
