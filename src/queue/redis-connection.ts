import { VanbanError } from "../errors.js";

/** BullMQ connection options for a redis:// or rediss:// URL; anything else is a usage error. */
export function redisConnection(url: string): { url: string; maxRetriesPerRequest: null } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VanbanError("invalid_options", `--redis must be a URL such as redis://host:6379 (got '${url}').`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new VanbanError("invalid_options", `--redis must be a redis:// or rediss:// URL (got '${url}').`);
  }
  // Workers block on Redis: a command must wait for a reconnection rather than fail after N tries.
  return { url, maxRetriesPerRequest: null };
}

/**
 * For one-shot commands (queue add, status …): give up after a few reconnection tries instead
 * of waiting for Redis forever, so a wrong URL is an error in a second, not a hang.
 */
export function redisAdminConnection(url: string): { url: string; maxRetriesPerRequest: number; connectTimeout: number; retryStrategy: (times: number) => number | null } {
  redisConnection(url);
  return { url, maxRetriesPerRequest: 1, connectTimeout: 5000, retryStrategy: (times) => (times > 3 ? null : 200 * times) };
}
