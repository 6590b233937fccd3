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
      if (format !== "deflate" || !PDFJS_WORKER_FRAME.test(callerFrames())) return new Platform(format);
      return inflateInOneCall(Platform);
    }
  } as unknown as DecompressionStreamClass;
}

/** Frames read to find the caller: this constructor, its caller, and a little more. */
const CALLER_FRAMES = 4;

/** The top of the current stack, as text: only a few frames are built (a full stack costs several times more). */
function callerFrames(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = CALLER_FRAMES;
  try {
    return new Error().stack ?? "";
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * A "deflate" DecompressionStream that inflates what was written in one zlib call when the
 * writer closes; past `maxBytes` of output, the platform's stream does it in chunks.
 */
export function inflateInOneCall(Platform: DecompressionStreamClass, maxBytes = MAX_SYNC_BYTES): { readable: ReadableStream<Uint8Array>; writable: WritableStream<Chunk> } {
  const chunks: Uint8Array[] = [];
  const { readable, writable } = new TransformStream<Chunk, Uint8Array>({
    transform(chunk) {
      chunks.push(ArrayBuffer.isView(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : new Uint8Array(chunk));
    },
    async flush(controller) {
      const input = Buffer.concat(chunks);
      let output: Buffer;
      try {
        output = inflateSync(input, { maxOutputLength: maxBytes });
      } catch (error) {
        if ((error as { code?: unknown }).code !== "ERR_BUFFER_TOO_LARGE") throw error;
        // Too large to inflate in one piece: the platform's stream, in chunks.
        for await (const chunk of inflateByPlatform(Platform, input)) controller.enqueue(chunk);
        return;
      }
      controller.enqueue(new Uint8Array(output.buffer, output.byteOffset, output.byteLength));
    },
  });
  return { readable, writable };
}

function inflateByPlatform(Platform: DecompressionStreamClass, input: Uint8Array): ReadableStream<Uint8Array> {
  const { readable, writable } = new Platform("deflate");
  const writer = writable.getWriter();
  // Its errors reach the reader; the writer's own promise must not be left unhandled.
  writer.write(input).then(() => writer.close()).catch(() => undefined);
  return readable;
}
