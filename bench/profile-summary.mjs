#!/usr/bin/env node
/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by file.
 *   node bench/profile-summary.mjs PROFILE.cpuprofile [TOP]
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Self time (ms) per function and per file, biggest first. */
export function summarizeProfile(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
  }
  const fns = new Map();
  const files = new Map();
  let total = 0;
  for (const [id, micros] of self) {
    const node = byId.get(id);
    const frame = node.callFrame;
    const file = shortFile(frame.url) || `(${frame.functionName || "native"})`;
    const fn = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + micros);
    files.set(file, (files.get(file) ?? 0) + micros);
    total += micros;
  }
  const rank = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: Math.round((us / total) * 1000) / 10 }));
  return { totalMs: Math.round(total / 1000), functions: rank(fns), files: rank(files) };
}

function shortFile(url) {
  if (!url) return "";
  url = url.replace(/\?.*$/u, "");
  const i = url.indexOf("/node_modules/");
  if (i >= 0) return url.slice(i + 1);
  const s = url.indexOf("/src/");
  if (s >= 0) return url.slice(s + 1);
  const d = url.indexOf("/dist/");
  if (d >= 0) return url.slice(d + 1);
  return url.replace(/^file:\/\//u, "");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Piped into `head`: stop quietly when the reader has had enough.
  process.stdout.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const [path, top] = process.argv.slice(2);
  if (!path) {
    process.stderr.write("usage: node bench/profile-summary.mjs PROFILE.cpuprofile [TOP]\n");
    process.exit(2);
  }
  const summary = summarizeProfile(JSON.parse(readFileSync(path, "utf8")), Number(top) || 15);
  process.stdout.write(`total ${summary.totalMs} ms\n\nby function (self):\n`);
  for (const f of summary.functions) process.stdout.write(`  ${String(f.ms).padStart(7)} ms ${String(f.share).padStart(5)}%  ${f.name}\n`);
  process.stdout.write("\nby file (self):\n");
  for (const f of summary.files) process.stdout.write(`  ${String(f.ms).padStart(7)} ms ${String(f.share).padStart(5)}%  ${f.name}\n`);
}
