/** A child for the pool tests: misbehaves as its payload says. */
import { serveTasks } from "../../src/isolate/index.js";

serveTasks(async (payload, markStarted) => {
  markStarted();
  const what = payload as string;
  if (what === "exhaust-heap") {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 1e5 }, (_, i) => `${i}-${hoard.length}`));
  }
  if (what === "abort") process.abort();
  if (what === "spin") for (;;);
  if (what === "flags") return process.execArgv.join(" ");
  if (what === "sleep") await new Promise((resolve) => setTimeout(resolve, 60_000));
  return `done: ${what} in ${process.pid}`;
});
