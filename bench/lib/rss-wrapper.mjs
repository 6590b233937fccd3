/**
 * Runs the built CLI in this process and reports the peak resident memory of the whole process
 * tree on stderr, as a JSON line tagged "rss": this process (main and worker threads) plus the
 * child processes that parse the documents, summed every 50 ms from /proc (Linux; elsewhere
 * only this process's own peak is known).
 *   node bench/lib/rss-wrapper.mjs parse DIR -q ...
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./measure.mjs";

/** Resident memory (MB) of this process and all its descendants, now; null without /proc. */
function treeRssMb() {
  let pids;
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/u.test(d));
  } catch {
    return null;
  }
  const parent = new Map();
  const rss = new Map();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(pid, fields[1]);
      rss.set(pid, (Number(fields[21]) * 4096) / 1048576);
    } catch {
      // the process ended between the listing and the read
    }
  }
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) if (p === String(process.pid)) return true;
    return false;
  };
  let total = 0;
  for (const [pid, mb] of rss) if (inTree(pid)) total += mb;
  return total;
}

let peakTreeMb = treeRssMb();
const timer = setInterval(() => {
  const now = treeRssMb();
  if (now !== null && (peakTreeMb === null || now > peakTreeMb)) peakTreeMb = now;
}, 50);
const { main } = await import(join(ROOT, "dist/cli.js"));
const code = await main(process.argv.slice(2));
clearInterval(timer);
process.stderr.write(`${JSON.stringify({ rss: true, code, maxRssMb: process.resourceUsage().maxRSS / 1024, peakTreeRssMb: peakTreeMb })}\n`);
process.exitCode = code;
