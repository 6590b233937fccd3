/** Redis or PostgreSQL could not be reached: the CLI says so and exits 1 (not a usage error, not a bug). */
export class ServerUnreachableError extends Error {
  override readonly name = "ServerUnreachableError";
  constructor(server: "Redis" | "PostgreSQL", url: string, cause: unknown) {
    super(`cannot reach ${server} at ${redactUrl(url)}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}
