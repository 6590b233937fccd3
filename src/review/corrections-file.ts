import { readFile, rename, writeFile } from "node:fs/promises";
import { VanbanError } from "../errors.js";
import { CorrectionsSchema, type Corrections } from "../schema/corrections.js";

/** The suffix of a corrections file, written beside its document: `qd-1696.pdf.corrections.json`. */
export const CORRECTIONS_SUFFIX = ".corrections.json";

/** The corrections file of a document; none yet is an empty patch. A malformed one is `invalid_corrections`. */
export async function readCorrections(path: string): Promise<Corrections> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new VanbanError("read_failed", `Cannot read the corrections ${path}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new VanbanError("invalid_corrections", `The corrections ${path} are not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = CorrectionsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VanbanError("invalid_corrections", `The corrections ${path} are not a JSON Patch: ${issue?.message} at ${issue?.path.join(".")}`);
  }
  return parsed.data;
}

/** Writes the patch whole, through a temporary file, so a crash never leaves half a patch. */
export async function writeCorrections(path: string, corrections: Corrections): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(corrections, null, 2)}\n`, "utf8");
  await rename(temporary, path);
}
