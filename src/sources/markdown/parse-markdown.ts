import MarkdownIt, { type Options } from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import footnote from "markdown-it-footnote";

export type { Token };

/**
 * Nesting markdown-it follows at most. Its CommonMark preset stops at 20 and silently drops what
 * lies deeper; readMarkdown already reads anything deeper than MAX_NESTING (48) as plain text, so
 * this only has to be above that.
 */
const MAX_PARSER_NESTING = 256;

let parser: MarkdownIt | null = null;

/**
 * The Markdown tokens of a document: CommonMark with raw HTML (converters write `<sup>` and
 * `<sub>`), GitHub's tables and strikethrough, and footnotes. Not linkify nor typographic
 * replacements: they change no text we read, or change it. Footnote definitions stay where they
 * are written (the plugin's step that moves them to the end is off) and `^[…]` inline notes,
 * which GitHub does not have, are off.
 *
 * Why markdown-it and not micromark (remark-parse): on a 1 MB report micromark took 300–390 ms,
 * markdown-it 15–60 ms, for the same lines (docs/performance.md: the two readers compared on the
 * seed report and on 5,000 generated documents).
 */
export function parseMarkdown(markdown: string): Token[] {
  parser ??= createParser();
  return parser.parse(markdown, {});
}

function createParser(): MarkdownIt {
  // maxNesting is an option of markdown-it's presets that its type declarations leave out.
  const md = new MarkdownIt("commonmark", { html: true, maxNesting: MAX_PARSER_NESTING } as Options);
  md.enable(["table", "strikethrough"]);
  md.use(footnote);
  md.core.ruler.disable("footnote_tail");
  md.inline.ruler.disable("footnote_inline");
  return md;
}
