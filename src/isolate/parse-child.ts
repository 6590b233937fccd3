import { serveTasks } from "./serve-tasks.js";
import type { IsolatedRequest, IsolatedResponse } from "./parse-isolated.js";

/** Child process of `parseIsolated` (dist/parse-child.js): parses, sends the record or the error back. */
serveTasks(async (payload, markStarted) => {
  const request = payload as IsolatedRequest;
  const [{ parse }, { isVanbanError }] = await Promise.all([import("../parse.js"), import("../errors.js")]);
  markStarted();
  try {
    return { ok: true, record: await parse(request.input, request.options) } satisfies IsolatedResponse;
  } catch (error) {
    // Errors cross the process boundary as values; the parent throws them again.
    if (isVanbanError(error)) return { ok: false, code: error.code, message: error.message } satisfies IsolatedResponse;
    return { ok: false, code: null, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies IsolatedResponse;
  }
});
