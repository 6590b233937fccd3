import type { SourceDocument } from "../../blocks/index.js";
import type { ResolvedParseOptions } from "../../schema/options.js";

/**
 * Reads a Word 97–2003 .doc into blocks; see `convertDoc`. The reader and word-extractor load on
 * first use so that the CLI starts without them.
 */
export async function readDoc(data: Uint8Array, _options: ResolvedParseOptions): Promise<SourceDocument> {
  const { convertDoc } = await import("./convert-doc.js");
  return convertDoc(data);
}
