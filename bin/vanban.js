#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";
// Regexes compiled straight to native code: V8's default first pass through its regex
// interpreter makes the first parse in a fresh process much slower (docs/performance.md).
setFlagsFromString("--no-regexp-tier-up");
import("../dist/cli.js").then((m) => m.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code ?? 0; },
  (err) => { process.stderr.write(`vanban: internal error: ${err && err.stack || err}\n`); process.exitCode = 70; },
);
