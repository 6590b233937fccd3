export * from "./span.js";
export * from "./header.js";
export * from "./section.js";
export * from "./footnote.js";
export * from "./citation.js";
export * from "./target.js";
export * from "./document.js";
export * from "./options.js";
export { toJsonSchema } from "./json-schema.js";
