import nodeModule from "node:module";

/**
 * Node's compile cache (Node ≥ 22.1; Node 20 has none, and these calls do nothing there): the
 * V8 code of each module a process compiles, kept on disk (`os.tmpdir()/node-compile-cache`, or
 * the folder `NODE_COMPILE_CACHE` names; `NODE_DISABLE_COMPILE_CACHE=1` turns it off), so the
 * next process loads it instead of compiling again. Node checks each entry against its module's
 * source and Node version. TypeScript's, Vite's and Rolldown's command-line tools turn it on the
 * same way.
 */
interface CompileCacheApi {
  enableCompileCache?: () => unknown;
  flushCompileCache?: () => void;
}

// @types/node 20 does not declare them.
const api = nodeModule as unknown as CompileCacheApi;

/** Turns the cache on for the modules this process compiles from now on. */
export function enableCompileCache(): void {
  api.enableCompileCache?.();
}

/**
 * Writes what was compiled so far. Node writes the cache only when a process ends by itself, and
 * the CLI's children are stopped by their parent.
 */
export function flushCompileCache(): void {
  api.flushCompileCache?.();
}
