import { readFile } from "node:fs/promises";

/** CPU time and resident memory of a process, from Linux /proc; null where /proc is not there. */
export interface ProcessUsage {
  cpuMs: number;
  rssMb: number;
}

/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

export async function readProcessUsage(pid: number): Promise<ProcessUsage | null> {
  const [stat, status] = await Promise.all([readFile(`/proc/${pid}/stat`, "utf8").catch(() => null), readFile(`/proc/${pid}/status`, "utf8").catch(() => null)]);
  if (stat === null || status === null) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  const rss = /VmRSS:\s+(\d+) kB/u.exec(status);
  if (!Number.isFinite(ticks) || rss === null) return null;
  return { cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND, rssMb: Number(rss[1]) / 1024 };
}
