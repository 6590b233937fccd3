#!/usr/bin/env node
// No V8 flags are set here at run time: v8.setFlagsFromString("--no-regexp-tier-up") after
// start-up crashed the process with SIGSEGV in about 1 start of 150 (regexes Node had already
// compiled under the other setting). Child processes get the flag on their command line.
import("../dist/cli.js").then((m) => m.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code ?? 0; },
  (err) => { process.stderr.write(`vanban: internal error: ${err && err.stack || err}\n`); process.exitCode = 70; },
);
