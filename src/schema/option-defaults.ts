/**
 * Default parse options, zod-free so the CLI can start without loading zod; the schema in
 * options.ts takes its defaults from here (and a test checks they agree).
 */
export const DEFAULT_OPTIONS = Object.freeze({
  format: "auto" as const,
  maxBytes: 256 * 1024 * 1024,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxPages: null,
  ocr: "auto" as const,
  ocrLanguage: "vie",
});
