#!/usr/bin/env node
import nodeModule from "node:module";
import { setFlagsFromString } from "node:v8";
// Node's built-in modules come with their compiled code in the binary, which V8 accepts only
// under the flags it was made with: once the flag below is set, every built-in loaded after it
// is compiled again. Those the CLI loads on every run go first (a small text's `vanban parse`:
// ~5 ms less on Node 20, 10-15 ms less on Node 22 and 24; docs/performance.md).
import "node:child_process";
import "node:crypto";
import "node:fs/promises";
import "node:os";
import "node:util";

// Node's compile cache (Node >= 22.1; nothing on Node 20): the V8 code of the CLI's modules kept
// on disk, so the next start does not compile them again (src/util/compile-cache.ts).
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
nodeModule.enableCompileCache?.();

// Regexes compiled straight to machine code on first use: by default V8 compiles each one to
// bytecode first and again to machine code on its second run, and the pipeline's few hundred
// patterns cost a small document about 60-100 ms twice over (docs/performance.md). Only the
// starting tick count of regexes created from here on changes; the tier-up machinery stays on.
// (`--no-regexp-tier-up` turned off at run time crashed the CLI in about 1 start of 150, with
// regexes Node had compiled under the other setting; child processes get it on their command line.)
setFlagsFromString("--regexp-tier-up-ticks=0");

import("../dist/cli.js").then((m) => m.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code ?? 0; },
  (err) => { process.stderr.write(`vanban: internal error: ${err && err.stack || err}\n`); process.exitCode = 70; },
);
