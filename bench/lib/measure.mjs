import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

export const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/u, "");

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value, digits = 2) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

let defaultNode = process.execPath;

/** Runs every later child with another Node binary (`node bench/run.mjs --node=PATH`). */
export function useNodeBinary(path) {
  defaultNode = path;
}

/**
 * Runs `node ...args` with a time limit (and `env` added to this process's; `node`: another
 * Node binary than `useNodeBinary`'s, by default this one); returns
 * { code, ms, stdout, stderr, timedOut }.
 * The child's last stdout line is often a JSON result (see `lastJson`).
 */
export function runNode(args, { timeoutMs = 180_000, cwd = ROOT, stdout = "pipe", env = {}, node = defaultNode } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(node, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", stdout, "pipe"] });
    const out = [];
    const err = [];
    child.stdout?.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - started, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), timedOut });
    });
  });
}

export function lastJson(text) {
  const lines = text.trim().split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      return JSON.parse(lines[i]);
    } catch {
      // not JSON: keep looking
    }
  }
  return null;
}

export function log(message) {
  process.stderr.write(`${message}\n`);
}

/** CPU time this process has used (user + system), in ms. */
export function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `fn` once: its wall and CPU time in ms. */
export async function timed(fn) {
  const cpu = cpuMs();
  const t = performance.now();
  await fn();
  return { ms: performance.now() - t, cpuMs: cpuMs() - cpu };
}

/** The first `count` PDFs of a directory by name, as paths (the typical-document workloads). */
export function firstPdfs(dir, count) {
  return firstFiles(dir, ".pdf", count);
}

/** The first `count` files of a directory with this extension, by name, as paths. */
export function firstFiles(dir, extension, count = Infinity) {
  return readdirSync(dir).filter((f) => f.toLowerCase().endsWith(extension)).sort().slice(0, count).map((f) => join(dir, f));
}
