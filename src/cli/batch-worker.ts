import { enableCompileCache } from "../util/compile-cache.js";

/**
 * Child process of the CLI (dist/batch-worker.js). The compile cache goes on before the parse
 * path is imported, so that the code of what it imports is cached too: a child starts for each
 * `vanban parse` of a PDF, DOCX or .doc, and for each process of a batch.
 */
enableCompileCache();
await import("./serve-documents.js");
