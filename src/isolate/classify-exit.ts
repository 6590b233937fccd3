/** Why a child died mid-document, as a stable code and a message that says what happened. */
export interface ChildDeath {
  code: "out_of_memory" | "crashed";
  message: string;
}

/**
 * Reads the last lines a dead child wrote on stderr: V8 prints "Reached heap limit" or
 * "JavaScript heap out of memory" before aborting, and "invalid size error" (an array or string
 * too large to allocate) as a fatal error; both are memory. Anything else is a crash.
 */
export function classifyExit(stderrTail: string, exitCode: number | null, signal: string | null): ChildDeath {
  const how = signal !== null ? `signal ${signal}` : `exit code ${exitCode}`;
  if (/heap limit|heap out of memory|invalid (?:array |string |table )?size|Allocation failed/iu.test(stderrTail)) {
    return { code: "out_of_memory", message: `The document needed more memory than allowed (--max-memory); its process was stopped (${how}).` };
  }
  const fatal = /^(?:#\s*)?(Fatal .*|FATAL ERROR: .*|.*Error: .*)$/mu.exec(stderrTail)?.[1]?.trim();
  return { code: "crashed", message: `The parser process died (${how})${fatal ? `: ${fatal.slice(0, 200)}` : ""}.` };
}
