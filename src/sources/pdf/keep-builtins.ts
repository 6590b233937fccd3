/**
 * pdfjs's legacy build (and its worker) bundle core-js polyfills that replace, for the whole
 * process, builtins Node 20 already has: `Array.prototype.push` (for a V8 edge case: push() with
 * no argument on an array whose length is read-only), `JSON.stringify` and `JSON.parse` (for
 * `JSON.rawJSON`, which neither pdfjs nor vanban uses). The JavaScript stand-ins are many times
 * slower, and once pdfjs was loaded every push of pdfjs and of the pipeline, and the record's
 * serialization, paid for them: a sixth of a 170-page PDF's time, and 0.3 s instead of 15 ms to
 * stringify its 1.6 MB record (docs/performance.md).
 *
 * They also add `Uint8Array.prototype.toBase64`, which Node 20 lacks, written byte by byte. pdfjs
 * calls it on every font file it hands to its font loader (as a CSS rule, which the reader's
 * document drops: font-sink-document.ts), and on the Lâm Đồng PDFs that was a third of what a
 * page's operator list costs beyond its text. Where the platform has no `toBase64`, the stand-in
 * is kept for the options it takes, and Buffer's encoder does the default case (padded base64).
 */
type ToBase64 = (this: Uint8Array, options?: unknown) => string;

interface Builtins {
  push: typeof Array.prototype.push;
  stringify: typeof JSON.stringify;
  parse: typeof JSON.parse;
  toBase64: ToBase64 | undefined;
}

const uint8Array = Uint8Array.prototype as Uint8Array & { toBase64?: ToBase64 };

/** Runs `load` (imports that may install polyfills), then puts the platform's builtins back. */
export async function keepBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const saved: Builtins = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse, toBase64: uint8Array.toBase64 };
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
  const added = uint8Array.toBase64;
  if (added === saved.toBase64 || added === undefined) return;
  if (saved.toBase64) {
    Object.defineProperty(uint8Array, "toBase64", { value: saved.toBase64 });
    return;
  }
  Object.defineProperty(uint8Array, "toBase64", {
    value: function toBase64(this: Uint8Array, options?: unknown): string {
      // Anything but the plain case (options, another receiver, an empty or detached array) is the stand-in's.
      if (options !== undefined || !(this instanceof Uint8Array) || this.byteLength === 0) return added.call(this, options);
      return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString("base64");
    },
  });
}
