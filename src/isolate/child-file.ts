import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A child's script and the Node flags to run it: the bundled .js in dist, else the .ts source through tsx (tests, scripts). */
export interface ChildScript {
  file: string;
  execArgv: string[];
}

export function findChildScript(base: string, name: string): ChildScript {
  for (const ext of [".js", ".cjs"]) {
    const js = fileURLToPath(new URL(`./${name}${ext}`, base));
    if (existsSync(js)) return { file: js, execArgv: [] };
  }
  return { file: fileURLToPath(new URL(`./${name}.ts`, base)), execArgv: ["--import", "tsx"] };
}
