import { open } from "node:fs/promises";

/** Bytes sniffFormat looks at (a PDF header lies within the first KiB). */
export const HEAD_BYTES = 1024;

/**
 * The first bytes of a regular file and its size, to choose how to parse it before reading it
 * all; null when it cannot be read here (the parse then reports why, with its error code).
 */
export async function readHead(path: string): Promise<{ bytes: Uint8Array; size: number } | null> {
  const handle = await open(path, "r").catch(() => null);
  if (handle === null) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    const buffer = new Uint8Array(Math.min(HEAD_BYTES, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), size: info.size };
  } catch {
    // A read error here is the file's, not ours: the parse reports it.
    return null;
  } finally {
    await handle.close();
  }
}
