import type { SourceDocument } from "../../blocks/index.js";
import type { ResolvedParseOptions } from "../../schema/options.js";

/**
 * Reads a DOCX (Word 2007+) file into blocks; see `convertDocx`. The reader is loaded on first use
 * so that the CLI starts without the zip and XML code.
 */
export async function readDocx(data: Uint8Array, options: ResolvedParseOptions): Promise<SourceDocument> {
  const { convertDocx } = await import("./convert-docx.js");
  return convertDocx(data, options);
}
