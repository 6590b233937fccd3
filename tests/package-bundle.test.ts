import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEntries } from "./helpers/build-entries.js";

/**
 * The library entry as tsup.config.ts bundles it (dist/index.js): zod and markdown-it inside it,
 * so that `import "vanban"` does not make Node resolve and compile their ~190 files one by one,
 * and zod's locales left out but its English one. Its schemas must still compose with the
 * caller's own zod. From both of its builds (ESM and CommonJS), a PDF is read with the build's
 * patched pdf.js worker (src/sources/pdf/worker-patches.ts).
 */
const ROOT = join(import.meta.dirname, "..");
let dir = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vanban-bundle-"));
  await buildEntries({ index: join(ROOT, "src/index.ts") }, join(dir, "dist"), ["esm", "cjs"]);
  // The patched pdf.js worker, where `npm run build` writes it (beside the entries).
  execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/build-pdfjs-worker.ts"), join(dir, "dist")], { cwd: ROOT });
  // The package's own dependencies (pdfjs-dist …) resolve as from the package's folder, and its
  // package.json makes the .js files ES modules.
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  symlinkSync(join(ROOT, "package.json"), join(dir, "package.json"));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs an ES module snippet in a fresh Node process in the bundle's folder; its last line, parsed. */
function run(snippet: string): unknown {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", snippet], { cwd: dir, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!);
}

describe("the bundled library entry", () => {
  it("loads no file of zod or markdown-it from node_modules, parsing Markdown included", () => {
    const loaded = run(`
      import { register } from "node:module";
      const files = [];
      // Every module Node loads is reported by a loader hook (its own thread) through a port.
      const { port1, port2 } = new MessageChannel();
      port1.on("message", (url) => files.push(url));
      port1.unref();
      register("data:text/javascript," + encodeURIComponent(
        "let port; export function initialize(data) { port = data.port; } " +
        "export async function load(url, context, next) { port.postMessage(url); return next(url, context); }"
      ), { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
      const { parseText } = await import("./dist/index.js");
      parseText("# Báo cáo\\n\\nNội dung[^1].\\n\\n[^1]: Ghi chú.\\n", { format: "markdown" });
      await new Promise((resolve) => setTimeout(resolve, 100));
      console.log(JSON.stringify({
        entry: files.some((url) => url.endsWith("/dist/index.js")),
        packages: files.filter((url) => /node_modules\\/(zod|markdown-it|markdown-it-footnote|entities|linkify-it|mdurl|uc\\.micro|punycode\\.js)\\//.test(url)),
      }));
    `);
    // The hook saw the entry itself: the list is not empty for want of reports.
    expect(loaded).toEqual({ entry: true, packages: [] });
  });

  it.each([
    { format: "ESM", load: `const { parse } = await import("./dist/index.js");` },
    { format: "CommonJS", load: `const { parse } = (await import("node:module")).createRequire(import.meta.url)("./dist/index.cjs");` },
  ])("reads a PDF with the build's patched pdf.js worker, from $format", ({ load }) => {
    const result = run(`
      import { readdirSync } from "node:fs";
      ${load}
      const record = await parse(${JSON.stringify(join(ROOT, "fixtures/gm-ubnd-laocai-pdf/input.pdf"))}, { ocr: "never" });
      const ran = globalThis.pdfjsWorker.WorkerMessageHandler;
      const [folder] = readdirSync("./dist").filter((name) => name.startsWith("pdfjs-"));
      const patched = await import("./dist/" + folder + "/pdf.worker.mjs");
      console.log(JSON.stringify({ title: record.title, patched: ran === patched.WorkerMessageHandler }));
    `);
    expect(result).toEqual({ title: "GIẤY MỜI HỌP", patched: true });
  });

  it("keeps zod's English locale alone", () => {
    const code = readdirSync(join(dir, "dist"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(dir, "dist", f), "utf8"))
      .join("\n");
    const locales = [...new Set([...code.matchAll(/node_modules\/zod\/v4\/locales\/(?<name>[\w-]+)\.js/gu)].map((m) => m.groups!.name))];
    expect(locales).toEqual(["en"]);
  });

  it("gives schemas that compose with the caller's zod and report in English", () => {
    const result = run(`
      import { z } from "zod";
      const { parseText, VanBanDocumentSchema, HeaderSchema } = await import("./dist/index.js");
      const record = parseText("ỦY BAN NHÂN DÂN\\nTỈNH LÂM ĐỒNG\\n\\nSố: 12/BC-UBND\\n\\nBÁO CÁO\\nKết quả\\n", { format: "text" });
      const bad = VanBanDocumentSchema.safeParse({ schemaVersion: 2 });
      console.log(JSON.stringify({
        instance: VanBanDocumentSchema instanceof z.ZodType,
        array: z.array(VanBanDocumentSchema).safeParse([record]).success,
        object: z.object({ header: HeaderSchema }).safeParse({ header: record.header }).success,
        message: bad.success ? null : bad.error.issues[0].message,
      }));
    `);
    expect(result).toEqual({ instance: true, array: true, object: true, message: "Invalid input: expected 1" });
  });
});
