import { serveTasks } from "../isolate/index.js";
import { runParseTask, type ParseTask } from "./parse-task.js";

/** Child process of the CLI (dist/batch-worker.js): one document per message, the output rendered here so only a string goes back. */
serveTasks((payload, markStarted) => runParseTask(payload as ParseTask, markStarted));
