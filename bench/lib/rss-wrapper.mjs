/**
 * Runs the built CLI in this process and reports the peak RSS of the whole process (main
 * thread and worker threads together) on stderr as a JSON line tagged "rss".
 *   node bench/lib/rss-wrapper.mjs parse DIR -q ...
 */
import { join } from "node:path";
import { ROOT } from "./measure.mjs";

const { main } = await import(join(ROOT, "dist/cli.js"));
const code = await main(process.argv.slice(2));
process.stderr.write(`${JSON.stringify({ rss: true, code, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exitCode = code;
