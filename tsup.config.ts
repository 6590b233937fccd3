import { defineConfig } from "tsup";

// Heavy parsers stay external and are imported lazily, so start-up stays fast.
const external = ["pdfjs-dist", "mammoth", "word-extractor", "tesseract.js", "@napi-rs/canvas", "@tesseract.js-data/vie", "piscina", "cli-progress"];
// Bundled: a 4 KB CommonJS package on every parse's path. Imported from ESM it makes Node start
// its CommonJS loader and export lexer for it, a few ms of every CLI start (docs/performance.md).
const noExternal = ["fastest-levenshtein"];

export default defineConfig([
  {
    // The library: ESM + CJS with declarations.
    entry: { index: "src/index.ts", "parse-child": "src/isolate/parse-child.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "node20",
    platform: "node",
    sourcemap: true,
    // Both builds write dist/ at once: neither cleans it (npm run build empties it first).
    clean: false,
    splitting: true,
    shims: true,
    external,
    noExternal,
  },
  {
    // The CLI, its batch worker and the queue's parse thread: ESM only, loaded by bin/vanban.js.
    entry: { cli: "src/cli/main.ts", "batch-worker": "src/cli/batch-worker.ts", "queue-thread": "src/queue/parse-thread.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    sourcemap: true,
    clean: false,
    splitting: true,
    external,
    noExternal,
  },
]);
