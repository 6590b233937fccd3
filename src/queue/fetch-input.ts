import { createHash } from "node:crypto";

/** Why a URL could not be read: `too_large` is final; anything else (network, HTTP status) is retried. */
export class FetchInputError extends Error {
  override readonly name = "FetchInputError";
  constructor(
    readonly code: "too_large" | "fetch_failed",
    message: string,
  ) {
    super(message);
  }
}

/** Time allowed for one download, start to end. */
const FETCH_TIMEOUT_MS = 300_000;

/** Reads an http(s) body chunk by chunk, refusing more than `maxBytes` (as `parse` would). */
async function streamBody(url: string, maxBytes: number, onChunk: (chunk: Uint8Array) => void): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new FetchInputError("fetch_failed", `cannot fetch ${nameOfUrl(url)}: ${(error as Error).message}`);
  }
  if (!response.ok || response.body === null) throw new FetchInputError("fetch_failed", `cannot fetch ${nameOfUrl(url)}: HTTP ${response.status}`);
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body.cancel();
      throw new FetchInputError("too_large", `${nameOfUrl(url)} is larger than ${maxBytes} bytes (--max-bytes).`);
    }
    onChunk(chunk);
  }
  return total;
}

/** sha256 of a URL's body, streamed (nothing kept in memory): what `queue add` records. */
export async function hashUrl(url: string, maxBytes: number): Promise<string> {
  const hash = createHash("sha256");
  await streamBody(url, maxBytes, (chunk) => hash.update(chunk));
  return hash.digest("hex");
}

/** A URL's body in memory, for a worker to parse. */
export async function fetchBytes(url: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const total = await streamBody(url, maxBytes, (chunk) => chunks.push(chunk));
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The name a URL gets in records and logs: no query string, which may hold a presigned signature. */
export function nameOfUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export function isHttpUrl(text: string): boolean {
  return /^https?:\/\//iu.test(text);
}
