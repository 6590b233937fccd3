import { runParseTask, type ParseTask, type TaskResult } from "./parse-task.js";

/** Piscina worker (dist/batch-worker.js): one document per call, the record returned as a JSON string. */
export default function parseInWorker(task: ParseTask): Promise<TaskResult> {
  return runParseTask(task);
}
