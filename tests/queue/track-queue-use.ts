import { Queue } from "bullmq";
import { startWorkerProcess, type QueueCli, type WorkerProcess } from "./build-queue-cli.js";

export interface QueueUse {
  /** A BullMQ queue on the test's Redis, closed by `close`. */
  openQueue(name: string): Queue;
  /** `vanban worker --redis <url> …args`, killed by `close` if still running. */
  worker(args: string[]): WorkerProcess;
  /** Kills the workers still running, waits for every worker to end, closes the queues. */
  close(): Promise<void>;
}

/**
 * The queues and worker processes a test file opens, ended together in its `afterAll`.
 * `connect` is read at each call: the CLI and Redis exist only once `beforeAll` has run.
 */
export function trackQueueUse(connect: () => { cli: QueueCli; redisUrl: string }): QueueUse {
  const workers: WorkerProcess[] = [];
  const queues: Queue[] = [];
  return {
    openQueue(name) {
      const queue = new Queue(name, { connection: { url: connect().redisUrl, maxRetriesPerRequest: null } });
      queues.push(queue);
      return queue;
    },
    worker(args) {
      const { cli, redisUrl } = connect();
      const w = startWorkerProcess(cli, ["--redis", redisUrl, ...args]);
      workers.push(w);
      return w;
    },
    async close() {
      for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
      await Promise.all(workers.map((w) => w.exited));
      await Promise.all(queues.map((q) => q.close()));
    },
  };
}
