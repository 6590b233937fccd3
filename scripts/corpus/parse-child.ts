// Child process of isolated-parser.ts: parses the files it is sent, one at a time, and sends
// each record (or the error) back. A crash or a hang here ends this process only; the parent
// reports it as that file's error and starts a new child for the rest.
import { isVanbanError, parse, type ParseOptions } from "../../src/index.js";

/** Sent once, when the child has loaded the parser and can take files. */
export interface ChildReady {
  ready: true;
}

export interface ChildRequest {
  id: number;
  path: string;
  options: ParseOptions;
}

export type ChildReply =
  | { id: number; ok: true; ms: number; record: unknown }
  | { id: number; ok: false; ms: number; error: { code: string; message: string } };

process.on("message", (message: ChildRequest) => {
  void handle(message);
});
// The static import above has loaded the parser: the parent may start the clock of a file now.
process.send!({ ready: true } satisfies ChildReady);

async function handle({ id, path, options }: ChildRequest): Promise<void> {
  const started = performance.now();
  let reply: ChildReply;
  try {
    const record = await parse(path, options);
    // The layout map doubles the message size and no instrument reads it.
    const { layout: _layout, ...rest } = record;
    reply = { id, ok: true, ms: Math.round(performance.now() - started), record: rest };
  } catch (error) {
    // A thrown error is the outcome being measured (typed VanbanError or a bug): it becomes data.
    const code = isVanbanError(error) ? error.code : `bug:${(error as Error)?.name ?? "unknown"}`;
    const message = error instanceof Error ? error.message : String(error);
    reply = { id, ok: false, ms: Math.round(performance.now() - started), error: { code, message } };
  }
  process.send!(reply);
}
