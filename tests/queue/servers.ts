import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Script that installs the servers in CI (named in skip messages). */
export const SETUP_SCRIPT = ".ci/setup.d/20-redis-postgres.sh";

/** A free TCP port on 127.0.0.1 (the OS picks it; released before the server binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

/** Polls `check` every `everyMs` until it is true; throws after `timeoutMs` (no unbounded loop). */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

function which(name: string): string | null {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** PostgreSQL's server binaries: Debian keeps them in /usr/lib/postgresql/<version>/bin, off PATH. */
function postgresBin(): string | null {
  const onPath = which("initdb");
  if (onPath !== null) return join(onPath, "..");
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], "bin") : null;
}

/** Why the server tests cannot run here, or null when they can. In CI a missing server is a failure, not a skip. */
export function serversMissing(): string | null {
  const missing = [which("redis-server") === null ? "redis-server" : null, postgresBin() === null ? "PostgreSQL (initdb)" : null].filter(Boolean);
  if (missing.length === 0) return null;
  const message = `${missing.join(" and ")} not installed: run ${SETUP_SCRIPT} (as root)`;
  if (process.env.CI) throw new Error(`CI: ${message}`);
  return message;
}

export interface RedisServer {
  url: string;
  /** Stops the server (it saves its append-only file) and starts it again on the same port and data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Answers PING with +PONG. */
function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** A redis-server of its own, with an append-only file fsynced on every write, so a restart loses nothing. */
export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "vanban-redis-"));
  const port = await freePort();
  let child: ChildProcess;
  const launch = async (): Promise<void> => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--appendfsync", "always"], { stdio: "ignore" });
    await waitFor("redis-server to answer", () => pingRedis(port));
  };
  const halt = async (): Promise<void> => {
    child.kill("SIGTERM");
    await exited(child);
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      await halt();
      await launch();
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL cluster of its own in a temp dir. PostgreSQL refuses to run as root, so as root
 * initdb and pg_ctl run as the `postgres` user, which owns the temp dir.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin()!;
  const dir = mkdtempSync(join(tmpdir(), "vanban-pg-"));
  chmodSync(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gids = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    chownSync(dir, Number(ids.stdout), Number(gids.stdout));
  }
  const run = (tool: string, args: string[]): void => {
    const command = asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]] as const : [join(bin, tool), args] as const;
    const result = spawnSync(command[0], [...command[1]], { encoding: "utf8", cwd: dir });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  const data = join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "--auth=trust", "--username=vanban", "--no-sync", "--encoding=UTF8", "--locale=C"]);
  run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-t", "30", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, "start"]);
  return {
    url: `postgres://vanban@127.0.0.1:${port}/postgres`,
    async stop() {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
