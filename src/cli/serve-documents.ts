import { serveTasks } from "../isolate/index.js";
import { flushCompileCache } from "../util/compile-cache.js";
import { runParseTask, type ParseTask } from "./parse-task.js";

/** The CLI child's work: one document per message, the output rendered here so only a string goes back. */
serveTasks(async (payload, markStarted) => {
  const value = await runParseTask(payload as ParseTask, markStarted);
  // Before the answer, after which the pool may kill this process at any moment: a document of a
  // new format compiled modules the cache does not hold yet. ~2 ms when it writes, else ~0.2 ms.
  flushCompileCache();
  return value;
});
