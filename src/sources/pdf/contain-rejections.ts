import { promiseHooks } from "node:v8";

/** Node's code for a web stream used after it was released or closed. */
const STREAM_TEARDOWN = "ERR_INVALID_STATE";

/**
 * pdf.js leaves some of its own promises without a handler: Catalog.getPageDict prefetches every
 * kid of the page tree (xref.fetchAsync) and never awaits those it does not walk, so a damaged
 * xref entry rejects with nobody listening — an `unhandledRejection` that ends an application
 * (Node's default) or a batch worker. There is no pdf.js option against it, and the promise is
 * not reachable from its API, so while pdf.js works every promise created gets a handler of its
 * own; the original promise still rejects to whoever awaits it. Rejections raised by pdf.js are
 * kept, to be reported as problems of the file.
 */
export async function containRejections<T>(work: () => Promise<T>): Promise<{ value: T; rejections: string[] }> {
  const rejections: string[] = [];
  let inHook = false;
  const note = (reason: unknown): void => {
    const stack = reason instanceof Error ? (reason.stack ?? "") : "";
    // A stream torn down while a read was pending ("Invalid state: Reader released", when pdf.js
    // destroys a document whose data stream is still open): pdf.js handles it, and it says
    // nothing about the file. Whether it happens depends on timing alone.
    if ((reason as { code?: unknown } | null | undefined)?.code === STREAM_TEARDOWN) return;
    if (stack.includes("pdf.worker") || stack.includes("pdfjs-dist")) rejections.push((reason as Error).message);
  };
  const stop = promiseHooks.onInit((promise) => {
    // .catch makes a promise too: the hook must not handle its own.
    if (inHook) return;
    inHook = true;
    promise.catch(note);
    inHook = false;
  });
  try {
    return { value: await work(), rejections: [...new Set(rejections)] };
  } finally {
    stop();
  }
}
