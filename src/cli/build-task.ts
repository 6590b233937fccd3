import { join } from "node:path";
import type { ParseCommand } from "./args.js";
import type { InputItem } from "./collect-inputs.js";
import type { ParseTask } from "./parse-task.js";

/** The task of one input, as a worker (or the main thread) runs it. */
export function buildTask(command: ParseCommand, item: InputItem, bytes: Uint8Array | null, pretty: boolean): ParseTask {
  return {
    name: item.name,
    path: item.path,
    bytes,
    options: {
      format: command.format,
      ocr: command.ocr,
      ocrLanguage: command.ocrLanguage,
      password: command.password,
      maxPages: command.maxPages,
      maxBytes: command.maxBytes,
    },
    to: command.to,
    fields: command.fields,
    pretty,
    // The review page writes <document>.corrections.json beside the document: same relative path.
    correctionsPath: command.correctionsDir === null ? null : join(command.correctionsDir, `${item.outRel}.corrections.json`),
  };
}
