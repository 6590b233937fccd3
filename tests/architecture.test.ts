/**
 * The import graph of src/: the pipeline's stages (sources → blocks → normalize → structure →
 * extract → record) talk only through each stage's entry, shared vocabularies live in lexicon/,
 * and the CLI is a shell over the library. Read from the source files, so a new import that
 * breaks a rule fails here with its file and line.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../src");

/** Every module a stage may import from, besides itself. `(top)` is src/*.ts (the public API, errors). */
const ALLOWED: Record<string, readonly string[]> = {
  util: [],
  lexicon: ["schema", "text", "util"],
  text: ["lexicon", "util"],
  schema: ["util"],
  blocks: ["schema", "lexicon", "text", "util"],
  normalize: ["blocks", "schema", "lexicon", "text", "util"],
  sources: ["(top)", "blocks", "normalize", "schema", "lexicon", "text", "util"],
  structure: ["blocks", "schema", "lexicon", "text", "util"],
  extract: ["schema", "lexicon", "text", "util"],
  pipeline: ["blocks", "normalize", "structure", "extract", "schema"],
  render: ["schema"],
  link: ["(top)", "schema", "lexicon", "text", "util"],
  isolate: ["(top)", "schema"],
  cli: ["(top)", "render", "link", "schema", "isolate", "review", "queue", "util"],
  queue: ["(top)", "schema", "util"],
  review: ["(top)", "schema", "render", "util"],
  "(top)": ["blocks", "normalize", "extract", "pipeline", "sources", "render", "link", "isolate", "schema", "lexicon", "text", "util"],
};
/** Stages whose internals are private: others import their `index.ts` only. */
const ENTRY_ONLY = new Set(["blocks", "normalize", "structure", "extract", "render", "link"]);
/** Shared modules: any file may be imported, they have no single entry. */
const SHARED = new Set(["schema", "lexicon", "text", "util"]);

interface Edge {
  from: string;
  to: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((text, i) => {
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
        out.push({ from: file, to: resolve(dirname(file), m[1].replace(/\.js$/u, ".ts")), line: i + 1 });
      }
    });
  }
  return out;
}

/** The stage of a file: its first folder under src/ (`(top)` for src/*.ts); sources split by format. */
function stageOf(file: string): { stage: string; unit: string } {
  const parts = relative(SRC, file).split("/");
  if (parts.length === 1) return { stage: "(top)", unit: "(top)" };
  return { stage: parts[0], unit: parts[0] === "sources" ? `sources/${parts[1]}` : parts[0] };
}

const where = (e: Edge): string => `${relative(SRC, e.from)}:${e.line} → ${relative(SRC, e.to)}`;

describe("the import graph of src/", () => {
  const all = edges();
  const crossing = all.filter((e) => stageOf(e.from).unit !== stageOf(e.to).unit);

  it("reads a real graph", () => {
    expect(all.length).toBeGreaterThan(200);
    expect(crossing.length).toBeGreaterThan(50);
  });

  it("every stage imports only the stages below it", () => {
    const wrong = crossing.filter((e) => {
      const from = stageOf(e.from).stage;
      const to = stageOf(e.to).stage;
      if (from === to) return false; // sources/pdf → sources/ocr: checked below
      return !(ALLOWED[from] ?? []).includes(to);
    });
    expect(wrong.map(where)).toEqual([]);
  });

  it("no stage imports another stage's internals: only its index.ts", () => {
    const wrong = crossing.filter((e) => {
      const to = stageOf(e.to);
      if (SHARED.has(to.stage) || to.stage === "(top)") return false;
      if (to.unit === "sources/word") return !["sources/doc", "sources/docx"].includes(stageOf(e.from).unit);
      if (to.stage === "sources" || ENTRY_ONLY.has(to.stage)) return !e.to.endsWith("/index.ts");
      return false;
    });
    expect(wrong.map(where)).toEqual([]);
  });

  it("vocabularies live in lexicon/: no stage defines a word list of Vietnamese document words", () => {
    // A regex or set literal with two or more Vietnamese words separated by | or quotes is a vocabulary.
    const vocabulary = /(?:Ủy|ỦY|Quyết|QUYẾT|Nghị|NGHỊ|Căn|CĂN|Nơi|NƠI|Kính|KÍNH)\\s[+*]|"(?:về|của|theo)", "/u;
    const offenders = sourceFiles(SRC)
      .filter((f) => ["structure", "extract", "normalize", "blocks", "pipeline"].includes(stageOf(f).stage))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .map((text, i) => ({ text, at: `${relative(SRC, f)}:${i + 1}` }))
          .filter(({ text }) => !/^\s*(?:\*|\/\/)/u.test(text) && vocabulary.test(text)),
      )
      .map((o) => o.at);
    expect(offenders).toEqual([]);
  });
});
