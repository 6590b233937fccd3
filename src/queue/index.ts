export { DEFAULT_QUEUE_NAME, JobParseOptionsSchema, ParseJobSchema, type JobParseOptions, type ParseJob, type ParseJobResult } from "./job-payload.js";
export { addParseJobs, type AddOptions, type AddedFile, type QueueInput } from "./add-jobs.js";
export { FetchInputError, isHttpUrl } from "./fetch-input.js";
export { readQueueStatus, retryFailedJobs, drainQueue, type JobCounts } from "./queue-admin.js";
export { startWorker, type RunningWorker, type WorkerEvents } from "./run-worker.js";
export { validateWorkerOptions, WorkerOptionsSchema, type WorkerOptions } from "./worker-options.js";
export { DEFAULT_TABLE } from "./pg-store.js";
export { redisConnection } from "./redis-connection.js";
export { ServerUnreachableError, redactUrl } from "./server-unreachable-error.js";
