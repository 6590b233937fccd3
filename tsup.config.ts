import { dirname, join, sep } from "node:path";
import { defineConfig, type Options } from "tsup";

// Heavy parsers stay external and are imported lazily, so start-up stays fast.
const external = ["pdfjs-dist", "mammoth", "word-extractor", "tesseract.js", "@napi-rs/canvas", "@tesseract.js-data/vie", "piscina", "cli-progress"];
// Bundled: a 4 KB CommonJS package on every parse's path (imported from ESM it makes Node start its
// CommonJS loader and export lexer for it, a few ms of every CLI start); and zod and markdown-it,
// which `import "vanban"` loads at once (the exported schemas, the Markdown reader): as packages
// they are ~190 files for Node to resolve, read and compile one by one, over a third of the
// import's time (docs/performance.md). The declarations still name zod's types, so zod stays a
// dependency; the other three are devDependencies, needed to build only.
const noExternal = ["fastest-levenshtein", "zod", "markdown-it", "markdown-it-footnote"];

/**
 * zod re-exports its 64 locales as a namespace (`z.locales`), which nothing of vanban's reads: its
 * schemas report in English, zod's default, which zod's schemas import directly. The bundled copy
 * is private to vanban, so its `locales` is the English one alone.
 */
const zodEnglishOnly: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "zod-english-only",
  setup(build) {
    // A Go regular expression (esbuild): no flags.
    build.onResolve({ filter: /[\\/]locales[\\/]index\.js$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}zod${sep}`) ? { path: join(dirname(args.importer), "..", "locales", "en.js") } : undefined,
    );
  },
};

/** What every build bundles and leaves to node_modules; the tests' own builds take it too. */
export const bundling = { external, noExternal, esbuildPlugins: [zodEnglishOnly] } satisfies Options;

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
    ...bundling,
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
    ...bundling,
  },
]);
