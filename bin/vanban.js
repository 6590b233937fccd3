#!/usr/bin/env node
import("../dist/cli.js").then((m) => m.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code ?? 0; },
  (err) => { process.stderr.write(`vanban: internal error: ${err && err.stack || err}\n`); process.exitCode = 70; },
);
