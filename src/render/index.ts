/** Render: text forms of a record for people (Markdown), built from the record alone. */
export { renderMarkdown } from "./render-markdown.js";
