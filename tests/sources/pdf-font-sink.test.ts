import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { openPdf } from "../../src/sources/pdf/load-pdf.js";

/**
 * The reader never draws glyphs: its operator lists must not make pdf.js compile glyph outlines
 * (pdf.js does so in Node for fonts with `disableFontFace`: 8 % of a batch's CPU time, see
 * docs/performance.md). Fonts reach the main thread as font faces, handed to a document that
 * drops them, and loading them must not fail (a failed load sends pdf.js back to outlines).
 */
describe("PDF fonts go to a document that drops them, not to glyph outlines (issue 18)", () => {
  it("an operator list's fonts load as font faces, without outlines", async () => {
    const bytes = new Uint8Array(readFileSync("fixtures/gm-ubnd-laocai-pdf/input.pdf"));
    const { pdfjs, doc } = await openPdf(bytes, undefined);
    // pdf.js asks its worker for outlines ("FontFallback") when a font face fails to load.
    const transport = (doc as unknown as { _transport: { messageHandler: { sendWithPromise: (action: string, data: unknown) => Promise<unknown> } } })._transport;
    const send = vi.spyOn(transport.messageHandler, "sendWithPromise");
    try {
      const page = await doc.getPage(1);
      const ops = await page.getOperatorList();
      const fontNames = ops.argsArray.filter((_, i) => ops.fnArray[i] === pdfjs.OPS.setFont).map((args) => (args as [string])[0]);
      expect(fontNames.length).toBeGreaterThan(0);
      for (const name of new Set(fontNames)) {
        const font = page.commonObjs.get(name) as { disableFontFace: boolean; missingFile: boolean };
        expect(font.missingFile).toBe(false);
        // true when pdf.js compiled outlines: by default, or after a font face failed to load.
        expect(font.disableFontFace).toBe(false);
      }
      expect(send.mock.calls.map(([action]) => action)).not.toContain("FontFallback");
    } finally {
      await doc.destroy();
    }
  });
});
