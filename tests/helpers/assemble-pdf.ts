/**
 * A PDF file from its objects, numbered from 1 in order (object 1 is the catalog): a header, each
 * object, the cross-reference table and the trailer. Strings are written as Latin-1 bytes;
 * buffers (compressed streams) as they are.
 */
export function assemblePdf(objects: Array<string | Buffer>, header = "%PDF-1.4\n"): Uint8Array {
  const parts: Buffer[] = [Buffer.from(header, "latin1")];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    for (const part of [`${i + 1} 0 obj\n`, object, "\nendobj\n"]) {
      const bytes = typeof part === "string" ? Buffer.from(part, "latin1") : part;
      parts.push(bytes);
      length += bytes.length;
    }
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) tail += `${String(offset).padStart(10, "0")} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(tail, "latin1"));
  return new Uint8Array(Buffer.concat(parts));
}
