import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, ROOT, runCli, type BuiltCli } from "./helpers.js";

let cli: BuiltCli;

beforeAll(async () => {
  cli = await buildCli();
}, 120_000);

afterAll(() => cli?.cleanup());

/**
 * Loaded before bin/vanban.js: notes the built-in modules loaded when the bin first sets a V8
 * flag, and prints those loaded after it when the process exits.
 */
const HOOK = `
import { createRequire, syncBuiltinESMExports } from "node:module";
const v8 = createRequire(import.meta.url)("node:v8");
const set = v8.setFlagsFromString;
let before = null;
v8.setFlagsFromString = (flags) => {
  before ??= new Set(process.moduleLoadList);
  return set(flags);
};
syncBuiltinESMExports();
process.on("exit", () => {
  const late = before === null ? ["(no flag set)"] : process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith("NativeModule ")).map((m) => m.slice(13));
  process.stderr.write("late built-ins: " + JSON.stringify(late) + "\\n");
});
`;

describe("the CLI's start", () => {
  it("loads the built-in modules a small document needs before it changes V8's flags", async () => {
    // Node's built-ins carry compiled code that V8 rejects once a flag differs (bin/vanban.js).
    const hook = join(cli.dir, "flag-hook.mjs");
    writeFileSync(hook, HOOK);
    const run = await runCli(cli, ["parse", join(ROOT, "fixtures/seed-002-kontum-phatdong-text/input.txt")], { env: { NODE_OPTIONS: `--import=${pathToFileURL(hook).href}` } });
    expect(run.code).toBe(0);
    const late = JSON.parse(/late built-ins: (.*)/.exec(run.stderr)?.[1] ?? "null") as string[];
    // A few internal helpers of streams and files are loaded by the first write; no module of Node's own API.
    expect(late.filter((m) => !m.startsWith("internal/"))).toEqual([]);
    expect(late.length).toBeLessThan(6);
  }, 60_000);
});
