import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "tsup";
import { bundling } from "../../tsup.config.js";

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * Builds `entries` (name → source file) into `outDir` as tsup.config.ts builds the package (ESM,
 * and CommonJS when asked; Node 20, shared chunks, the same packages bundled), without source
 * maps or declarations: the tests' own builds of the CLI and the library, which never touch (or
 * race on) the repo's dist/.
 */
export async function buildEntries(entries: Record<string, string>, outDir: string, formats: Array<"esm" | "cjs"> = ["esm"]): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
  await build({
    config: false,
    entry: entries,
    outDir,
    format: formats,
    // As the library's build: import.meta.url and __filename in both formats.
    shims: true,
    target: "node20",
    platform: "node",
    splitting: true,
    sourcemap: false,
    dts: false,
    clean: false,
    silent: true,
    ...bundling,
    // The package's dependencies stay imports, but those it bundles.
    external: [...bundling.external, ...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})].filter((name) => !bundling.noExternal.includes(name)),
  });
}
