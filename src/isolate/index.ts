export { createChildPool, type ChildOutcome, type ChildPool, type ChildPoolOptions } from "./child-pool.js";
export { findChildScript, type ChildScript } from "./child-file.js";
export { serveTasks } from "./serve-tasks.js";
export { parseIsolated, DEFAULT_MAX_MEMORY_MB, type IsolatedParseOptions } from "./parse-isolated.js";
