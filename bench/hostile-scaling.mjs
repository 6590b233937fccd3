#!/usr/bin/env node
/**
 * Growth of parse time on hostile shapes (issue 19): each shape at n and 2n, in a fresh child
 * process (dist/index.js, so run `npm run build` first). A line is flagged "SUPERLINEAR" when
 * doubling the input more than 2.5× the time. Not part of `npm test` (it takes minutes).
 *   node bench/hostile-scaling.mjs [--only=hardwrap,cr-only,...] [--scale=1]
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith("--only="))?.slice(7).split(",");
const scale = Number(args.find((a) => a.startsWith("--scale="))?.slice(8) ?? 1);
const LIMIT = 2.5;

/** Each shape: a JS expression building the text for `n` (run in the child), and the format. */
const SHAPES = {
  hardwrap: { n: 12_500, format: "text", make: `"xây dựng kế hoạch\\n".repeat(n)` },
  "cr-only": { n: 12_500, format: "text", make: `"xây dựng kế hoạch\\r".repeat(n)` },
  // Five marks of two combining classes (230, 220): NFC has to reorder the run.
  "combining-marks": { n: 250_000, format: "text", make: `"a" + "\\u0301\\u0300\\u0303\\u0309\\u0323".repeat(n / 5)` },
  "noi-nhan": { n: 20_000, format: "text", make: `"Nơi nhận:\\n" + "- UBND tỉnh;\\n".repeat(n)` },
  "markdown-brackets": { n: 50_000, format: "markdown", make: `"[".repeat(n) + "x" + "]".repeat(n)` },
  "footnote-refs": { n: 50_000, format: "markdown", make: `"Văn bản[^1] ".repeat(n) + "\\n\\n[^1]: Chú thích."` },
  percent: { n: 50_000, format: "text", make: `"1%".repeat(n)` },
  "long-line": { n: 250_000, format: "text", make: `"Quyết định số 12/QĐ-UBND ".repeat(n / 25)` },
};

function measure(name, shape, n) {
  const code = `
    const { parseText } = await import(${JSON.stringify(join(ROOT, "dist", "index.js"))});
    const n = ${n};
    const text = ${shape.make};
    const t0 = performance.now();
    const record = parseText(text, { format: ${JSON.stringify(shape.format)} });
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ ms, bytes: Buffer.byteLength(text), out: JSON.stringify(record).length, rssMb: process.memoryUsage().rss / 2 ** 20 }));`;
  try {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", timeout: 300_000, maxBuffer: 1 << 20 });
    return JSON.parse(out.trim().split("\n").at(-1));
  } catch (error) {
    return { ms: Infinity, error: String(error.message).split("\n")[0] };
  }
}

let flagged = 0;
for (const [name, shape] of Object.entries(SHAPES)) {
  if (only && !only.includes(name)) continue;
  const n = Math.round(shape.n * scale);
  const a = measure(name, shape, n);
  const b = measure(name, shape, 2 * n);
  const growth = b.ms / a.ms;
  const bad = !(growth <= LIMIT);
  if (bad) flagged++;
  const fmt = (r) => (r.error ? `error (${r.error})` : `${(r.ms / 1000).toFixed(2)} s, ${(r.bytes / 1024).toFixed(0)} KB in, ${(r.out / 2 ** 20).toFixed(1)} MB out, rss ${r.rssMb.toFixed(0)} MB`);
  console.log(`${bad ? "SUPERLINEAR" : "ok         "} ${name.padEnd(18)} ×${Number.isFinite(growth) ? growth.toFixed(2) : "∞"}  n: ${fmt(a)} | 2n: ${fmt(b)}`);
}
process.exitCode = flagged > 0 ? 1 : 0;
