/**
 * The smallest `ownerDocument` pdfjs's font loader accepts: style rules go nowhere.
 *
 * Why: the reader never draws glyphs, yet with pdfjs's Node default (`disableFontFace: true`)
 * every text-showing operator of an operator list (which the reader builds for rules and
 * fills) compiles the path of each glyph it shows and posts it across the fake worker. On the
 * Lâm Đồng corpus that was 8 % of all CPU time, and V8 re-optimized the glyph compiler again
 * and again (docs/performance.md). With font faces enabled pdfjs instead hands each font to
 * its loader once, as a CSS rule for a document; this document has no `fonts` (so pdfjs takes
 * the CSS-rule path, not the FontFace API Node lacks) and its style sheet drops what it gets.
 * Rendering for OCR opens its own document and is untouched.
 */
export function createFontSinkDocument(): object {
  const sheet = { cssRules: [] as string[], insertRule: (): number => 0 };
  const style = { sheet, remove: (): void => undefined };
  const head = { append: (): void => undefined };
  return {
    createElement: () => style,
    documentElement: { getElementsByTagName: () => [head] },
  };
}
