/**
 * A failure of pdfjs itself on the file's content (a damaged page, an unreadable annotation),
 * as opposed to a bug in our code: only this is turned into a warning, everything else throws.
 */
export class PdfJsError extends Error {
  override readonly name = "PdfJsError";
}

/** Runs one pdfjs call; its failure becomes a `PdfJsError` that says what was being read. */
export async function callPdfJs<T>(what: string, call: () => Promise<T> | T): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new PdfJsError(`${what}: ${describeError(error)}`, { cause: error });
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
