/**
 * pdfjs's legacy build (and its worker) bundle core-js polyfills that replace, for the whole
 * process, builtins Node 20 already has: `Array.prototype.push` (for a V8 edge case: push() with
 * no argument on an array whose length is read-only), `JSON.stringify` and `JSON.parse` (for
 * `JSON.rawJSON`, which neither pdfjs nor vanban uses). The JavaScript stand-ins are many times
 * slower, and once pdfjs was loaded every push of pdfjs and of the pipeline, and the record's
 * serialization, paid for them: a sixth of a 170-page PDF's time, and 0.3 s instead of 15 ms to
 * stringify its 1.6 MB record (docs/performance.md).
 */
interface Builtins {
  push: typeof Array.prototype.push;
  stringify: typeof JSON.stringify;
  parse: typeof JSON.parse;
}

/** Runs `load` (imports that may install polyfills), then puts the platform's builtins back. */
export async function keepBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const saved: Builtins = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
  try {
    return await load();
  } finally {
    restore(saved);
  }
}

function restore(saved: Builtins): void {
  // Assigned only when replaced: the property keeps its attributes (writable, not enumerable).
  if (Array.prototype.push !== saved.push) Object.defineProperty(Array.prototype, "push", { value: saved.push });
  if (JSON.stringify !== saved.stringify) Object.defineProperty(JSON, "stringify", { value: saved.stringify });
  if (JSON.parse !== saved.parse) Object.defineProperty(JSON, "parse", { value: saved.parse });
}
