import { redisAdminConnection } from "./redis-connection.js";
import { ServerUnreachableError } from "./server-unreachable-error.js";

export type JobCounts = Record<string, number>;

/**
 * Opens the queue for one administrative call and closes it again. A failure while Redis
 * reported a connection error is a ServerUnreachableError.
 */
export async function withQueue<T>(redis: string, name: string, use: (queue: import("bullmq").Queue) => Promise<T>): Promise<T> {
  const { Queue } = await import("bullmq");
  const queue = new Queue(name, { connection: redisAdminConnection(redis) });
  let connectionError: unknown = null;
  queue.on("error", (error) => {
    connectionError = error;
  });
  try {
    return await use(queue);
  } catch (error) {
    if (connectionError !== null) throw new ServerUnreachableError("Redis", redis, connectionError);
    throw error;
  } finally {
    await queue.close().catch((error: unknown) => {
      if (connectionError === null) throw error;
    });
  }
}

/** Jobs per state, and failures per error code (the code leads every failure message). */
export function readQueueStatus(redis: string, name: string): Promise<{ counts: JobCounts; failedByCode: Record<string, number> }> {
  return withQueue(redis, name, async (queue) => {
    const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children", "completed", "failed");
    const failedByCode: Record<string, number> = {};
    const pageSize = 1000;
    // Bounded: at most counts.failed jobs, read a page at a time.
    for (let start = 0; start < counts.failed; start += pageSize) {
      const jobs = await queue.getFailed(start, start + pageSize - 1);
      if (jobs.length === 0) break;
      for (const job of jobs) {
        const code = /^([a-z_]+):/u.exec(job.failedReason ?? "")?.[1] ?? "other";
        failedByCode[code] = (failedByCode[code] ?? 0) + 1;
      }
    }
    return { counts, failedByCode };
  });
}

/** Puts every failed job back in the queue (after fixing a mount, raising --timeout …); returns how many. */
export function retryFailedJobs(redis: string, name: string): Promise<number> {
  return withQueue(redis, name, async (queue) => {
    const failed = await queue.getJobCountByTypes("failed");
    await queue.retryJobs({ state: "failed" });
    return failed;
  });
}

/** Removes the jobs not started yet (waiting and delayed); running ones finish. Returns how many. */
export function drainQueue(redis: string, name: string): Promise<number> {
  return withQueue(redis, name, async (queue) => {
    const before = await queue.getJobCountByTypes("waiting", "delayed", "prioritized");
    await queue.drain(true);
    return before;
  });
}
