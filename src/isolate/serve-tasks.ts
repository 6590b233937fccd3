/** Messages between a pool and its child process. */
export type ToChild = { id: number; payload: unknown };
export type FromChild = { id: number; type: "start"; cpuMs: number } | { id: number; type: "result"; value: unknown };

/**
 * The child's side of the pool: runs one task at a time, as they come over IPC. `handle` calls
 * `markStarted` once its modules are loaded, so CPU time spent loading is not the document's.
 * `handle` must not throw (it returns its errors as values); a throw is a bug and ends the child.
 */
export function serveTasks(handle: (payload: unknown, markStarted: () => void) => Promise<unknown>): void {
  if (!process.send) throw new Error("serveTasks: not started as a child process with an IPC channel");
  const send = (message: FromChild): void => {
    process.send!(message);
  };
  let queue = Promise.resolve();
  process.on("message", (message: ToChild) => {
    queue = queue.then(async () => {
      const markStarted = (): void => {
        const cpu = process.cpuUsage();
        send({ id: message.id, type: "start", cpuMs: (cpu.user + cpu.system) / 1000 });
      };
      send({ id: message.id, type: "result", value: await handle(message.payload, markStarted) });
    });
  });
  // The parent went away (killed, Ctrl-C): nothing left to work for.
  process.on("disconnect", () => process.exit(0));
}
