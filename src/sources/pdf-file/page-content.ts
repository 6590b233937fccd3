import { isRef, type PdfDict, type PdfObjects, type PdfValue } from "./pdf-objects.js";

/**
 * A page's content (nội dung trang): its content streams decoded and joined, and the resources
 * it inherits, read with `PdfObjects`.
 */

/** The page's content streams as one, or null when one cannot be read here (another filter, damage). */
export function readPageContent(objects: PdfObjects, page: PdfDict): Uint8Array | null {
  const contents = objects.resolve(page.get("Contents"));
  if (contents === undefined) return new Uint8Array(0);
  const refs = Array.isArray(contents) ? contents : [page.get("Contents")];
  const parts: Uint8Array[] = [];
  for (const ref of refs) {
    if (!isRef(ref)) return null;
    const data = objects.streamData(ref.num);
    if (!data) return null;
    parts.push(data);
  }
  return joinStreams(parts);
}

function joinStreams(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const total = parts.reduce((n, p) => n + p.length + 1, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
    // Streams of one page are one content: a separator keeps tokens apart.
    out[at++] = 0x0a;
  }
  return out;
}

/** The page's resources, its own or inherited from the page tree. */
export function readPageResources(objects: PdfObjects, page: PdfDict): PdfDict | null {
  let node: PdfValue | undefined = page;
  for (let depth = 0; depth < 32 && node instanceof Map; depth++) {
    const res = objects.resolve(node.get("Resources"));
    if (res instanceof Map) return res;
    node = objects.resolve(node.get("Parent"));
  }
  return null;
}

/** A named entry of a resource kind ("Font", "XObject", "ExtGState") as written there: a reference, mostly. */
export function lookupResource(objects: PdfObjects, resources: PdfDict | null, kind: string, name: string): PdfValue | undefined {
  const dict = objects.resolve(resources?.get(kind));
  return dict instanceof Map ? dict.get(name) : undefined;
}
