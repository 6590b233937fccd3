#!/usr/bin/env node
/**
 * What the first parse of a small document spends on regular expressions: each regex object's
 * first `exec`/`test` timed (V8 compiles it to machine code then, with the CLI's
 * `--regexp-tier-up-ticks=0`), summed, and the costliest listed with where they ran.
 *   node bench/regex-first-use.mjs [FILE] [TOP]      (DIST=DIR: another build than dist/)
 * FILE defaults to the 16 KB seed of the start-up bench. Timing wraps RegExp.prototype: the sum is
 * an upper bound, and it includes the first match itself. Regex objects that share a pattern
 * share V8's compiled code, so "patterns" counts what is compiled.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { ROOT } from "./lib/measure.mjs";

// As bin/vanban.js does, before any pattern of ours exists.
setFlagsFromString("--regexp-tier-up-ticks=0");

const [fileArg, top = "20"] = process.argv.slice(2);
const file = fileArg || join(ROOT, "fixtures/seed-002-kontum-phatdong-text/input.txt");
const seen = new WeakSet();
const firsts = [];
const originals = {};
for (const method of ["exec", "test"]) {
  const original = (originals[method] = RegExp.prototype[method]);
  RegExp.prototype[method] = function (...args) {
    if (seen.has(this)) return original.apply(this, args);
    seen.add(this);
    const started = performance.now();
    const result = original.apply(this, args);
    const ms = performance.now() - started;
    // The stack is read as it is; its text is tidied once the parse is over (a regex here would recurse).
    firsts.push({ ms, pattern: this.source, matched: result !== null && result !== false, stack: new Error().stack ?? "" });
    return result;
  };
}

const { parse } = await import(join(resolve(process.env.DIST ?? join(ROOT, "dist")), "index.js"));
const started = performance.now();
await parse(readFileSync(file), { name: file });
const parseMs = performance.now() - started;
Object.assign(RegExp.prototype, originals);
for (const f of firsts) {
  f.caller = (f.stack.split("\n")[2] ?? "?").trim().replace(/^at /u, "").replace(/\(file:\/\/.*\/(dist\/[^)]*)\)/u, "($1)");
}

const patterns = new Map();
for (const f of firsts) patterns.set(f.pattern, (patterns.get(f.pattern) ?? 0) + f.ms);
const total = firsts.reduce((sum, f) => sum + f.ms, 0);
process.stdout.write(
  `first parse ${parseMs.toFixed(0)} ms; first uses of ${firsts.length} regex objects (${patterns.size} patterns): ${total.toFixed(0)} ms\n\n` +
    "    ms  chars  first use  where\n",
);
for (const f of firsts.sort((x, y) => y.ms - x.ms).slice(0, Number(top))) {
  process.stdout.write(`${f.ms.toFixed(2).padStart(6)} ${String(f.pattern.length).padStart(6)}  ${f.matched ? "match   " : "no match"}   ${f.caller}\n        ${f.pattern.slice(0, 100)}\n`);
}
