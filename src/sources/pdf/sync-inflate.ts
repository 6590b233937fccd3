import { inflateSync } from "node:zlib";

/**
 * pdf.js inflates every Flate stream (each page's content, fonts, object streams) through the web
 * `DecompressionStream`: in Node, a round trip through the thread pool and a web-streams pipeline
 * per stream. On the Lâm Đồng PDFs that made a bare `getTextContent` loop idle a quarter of its
 * time, and inflating in this thread with zlib took 20–45 % off it (docs/performance.md).
 *
 * While pdf.js works (`withSyncInflate`), the global `DecompressionStream` is one that inflates
 * "deflate" in one call when pdf.js's worker code asks for it. Everyone else — another format,
 * a caller outside pdf.js running in the same process meanwhile — gets the platform's own. The
 * bytes, and the errors on damaged or truncated data, are the platform's: both are zlib's inflate.
 * A stream that would inflate past `MAX_SYNC_BYTES` is handed to the platform's stream instead,
 * so that a compression bomb costs what it cost before, in chunks.
 */
const MAX_SYNC_BYTES = 64 * 1024 * 1024;
/** A stack frame of pdf.js's worker code (the legacy build, bundled or not). */
const PDFJS_WORKER_FRAME = /pdf\.worker(?:\.min)?\.m?js/u;

type DecompressionStreamClass = typeof globalThis.DecompressionStream;
/** What a writer may hand a DecompressionStream: bytes, in a view or a buffer. */
type Chunk = ArrayBufferView | ArrayBuffer;
/** What the reader yields: the one inflated piece, or the platform's stream past the limit. */
type Chunks = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

let active = 0;
let saved: PropertyDescriptor | undefined;

/** Runs `work` (pdf.js calls) with pdf.js's inflating done in this thread; scopes nest and overlap. */
export async function withSyncInflate<T>(work: () => Promise<T>): Promise<T> {
  const platform = globalThis.DecompressionStream;
  if (active === 0 && typeof platform !== "function") return work();
  if (active++ === 0) {
    saved = Object.getOwnPropertyDescriptor(globalThis, "DecompressionStream");
    Object.defineProperty(globalThis, "DecompressionStream", { value: syncFor(platform), writable: true, configurable: true, enumerable: false });
  }
  try {
    return await work();
  } finally {
    if (--active === 0) {
      if (saved) Object.defineProperty(globalThis, "DecompressionStream", saved);
      saved = undefined;
    }
  }
}

function syncFor(Platform: DecompressionStreamClass): DecompressionStreamClass {
  return class DecompressionStream {
    constructor(format: ConstructorParameters<DecompressionStreamClass>[0]) {
      // Returning another object from a constructor makes `new` give that object.
      if (format !== "deflate" || !calledFromPdfJs(new.target)) return new Platform(format);
      return inflateInOneCall(Platform);
    }
  } as unknown as DecompressionStreamClass;
}

/** What the writer answers at once: nothing waits for the inflating but the reader. */
const SETTLED = Promise.resolve();

/**
 * Whether the code that called `constructor` is pdf.js's worker. One raw call site is taken, and
 * no stack text is made (a few frames of text cost several times more, once per stream); raw,
 * because a source-map hook (`node --enable-source-maps`, and pdf.js ships its maps) renames the
 * worker's frames in the text to pdf.js's own sources.
 */
function calledFromPdfJs(constructor: abstract new (...args: never[]) => unknown): boolean {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  Error.stackTraceLimit = 1;
  Error.prepareStackTrace = (_error, sites) => sites;
  try {
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.captureStackTrace(holder, constructor);
    const caller = holder.stack?.[0];
    return caller !== undefined && PDFJS_WORKER_FRAME.test(caller.getFileName() ?? "");
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}

/**
 * What pdf.js's worker uses of a DecompressionStream (`asyncGetBytesFromDecompressionStream`):
 * a writer (`ready`, `write`, `close`) and a readable it iterates with `for await`.
 */
export interface InflatePair {
  readable: AsyncIterable<Uint8Array>;
  writable: { getWriter(): InflateWriter };
}

export interface InflateWriter {
  readonly ready: Promise<void>;
  write(chunk: Chunk): Promise<void>;
  close(): Promise<void>;
}

/**
 * A "deflate" pair that inflates what was written in one zlib call when the writer closes; past
 * `maxBytes` of output, the platform's stream does it in chunks. Not a web-streams
 * TransformStream: its two streams, controllers and the promises between them cost more than the
 * inflating of a typical stream (every promise also passes `containRejections`' hook), and pdf.js
 * inflates thousands per batch of documents (docs/performance.md).
 */
export function inflateInOneCall(Platform: DecompressionStreamClass, maxBytes = MAX_SYNC_BYTES): InflatePair {
  const chunks: Uint8Array[] = [];
  let closing = false;
  let settle!: { resolve: (chunks: Chunks) => void; reject: (error: unknown) => void };
  const output = new Promise<Chunks>((resolve, reject) => (settle = { resolve, reject }));
  // Read by the iterator, or by nobody when the writer gives up: never an unhandled rejection.
  output.catch(() => undefined);
  const refuse = () => Promise.reject(new TypeError("Invalid state: the stream is closed"));
  const writer: InflateWriter = {
    ready: SETTLED,
    write(chunk) {
      if (closing) return refuse();
      chunks.push(ArrayBuffer.isView(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : new Uint8Array(chunk));
      return SETTLED;
    },
    close() {
      if (closing) return refuse();
      closing = true;
      // Inflated in a microtask of its own, as the platform's stream fails from a callback of its
      // own: an error on damaged data must not carry pdf.js's frames, which `containRejections`
      // would report as a problem of the file (pdf.js recovers: its own decoder takes over).
      queueMicrotask(() => {
        const input = Buffer.concat(chunks);
        let inflated: Buffer;
        try {
          inflated = inflateSync(input, { maxOutputLength: maxBytes });
        } catch (error) {
          // Too large to inflate in one piece: the platform's stream, in chunks.
          if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") settle.resolve(inflateByPlatform(Platform, input));
          else settle.reject(error);
          return;
        }
        settle.resolve([new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength)]);
      });
      return SETTLED;
    },
  };
  const readable: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      yield* await output;
    },
  };
  return { readable, writable: { getWriter: () => writer } };
}

function inflateByPlatform(Platform: DecompressionStreamClass, input: Uint8Array): ReadableStream<Uint8Array> {
  const { readable, writable } = new Platform("deflate");
  const writer = writable.getWriter();
  // Its errors reach the reader; the writer's own promise must not be left unhandled.
  writer.write(input).then(() => writer.close()).catch(() => undefined);
  return readable;
}
