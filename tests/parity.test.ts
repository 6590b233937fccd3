import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, type Section, type VanBanDocument } from "../src/index.js";
import { FIXTURES } from "./helpers/fixtures.js";
import { checkRecord } from "./helpers/record-checks.js";

/** What must not depend on the file format: the document seen by a reader. */
function essentials(r: VanBanDocument) {
  const ids: string[] = [];
  const stack: Section[] = [...r.sections].reverse();
  while (stack.length) {
    const s = stack.pop()!;
    ids.push(`${s.id} ${s.kind}${s.heading === null ? "" : " (heading)"}`);
    stack.push(...[...s.children].reverse());
  }
  const { spans: _spans, ...header } = r.header;
  return {
    type: r.type,
    title: r.title,
    subject: r.subject,
    header,
    addressees: r.addressees.length,
    sections: ids,
    footnotes: r.footnotes.map((f) => ({ label: f.label, refs: f.refs.length, sections: f.refs.map((x) => x.sectionId) })),
    recipients: r.recipients.map((x) => [x.name, x.purpose]),
    archive: r.archive && { copies: r.archive.copies, drafter: r.archive.drafter },
    signature: r.signature && { authorities: r.signature.authorities, position: r.signature.position, signer: r.signature.signer },
  };
}

/**
 * The same giấy mời as DOCX, as PDF (converted from the DOCX once with LibreOffice) and as Word
 * 97 .doc: header, section labels, footnotes, recipients and signature come out the same.
 */
describe("format parity: gm-ubnd-laocai as DOCX, PDF and DOC", () => {
  const read = async (dir: string, file: string) => checkRecord(await parse(join(FIXTURES, dir, file), { ocr: "never" }));
  it("PDF gives what DOCX gives", async () => {
    const docx = essentials(await read("gm-ubnd-laocai", "input.docx"));
    const pdf = essentials(await read("gm-ubnd-laocai-pdf", "input.pdf"));
    expect(pdf).toEqual(docx);
  });
  it("DOC gives what DOCX gives, but for run styles the format does not carry", async () => {
    const docx = essentials(await read("gm-ubnd-laocai", "input.docx"));
    const doc = essentials(await read("gm-ubnd-laocai-word97", "input.doc"));
    expect({ ...doc, sections: undefined }).toEqual({ ...docx, sections: undefined });
    expect(doc.sections.map((s) => s.split(" ")[0])).toEqual(docx.sections.map((s) => s.split(" ")[0]));
  });
});
