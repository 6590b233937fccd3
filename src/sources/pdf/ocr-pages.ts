import type { Warning } from "../../schema/span.js";
import type { SourceLine } from "../../blocks/index.js";
import type { PageOcr } from "../../schema/page-ocr.js";

export interface OcrOutcome {
  engine: string;
  pages: Map<number, SourceLine[]>;
  confidences: Array<number | null>;
  warnings: Warning[];
}

/**
 * Sends pages to the OCR module, imported only now: a PDF with a good text layer, or `ocr:
 * "never"`, never loads it. A missing module or engine is a warning, not a failure.
 */
export async function recognizePages(
  data: Uint8Array,
  pages: number[],
  options: { language: string; password?: string; given?: readonly PageOcr[] },
): Promise<OcrOutcome | { unavailable: string }> {
  let ocr: typeof import("../ocr/index.js");
  try {
    ocr = await import("../ocr/index.js");
  } catch (error) {
    return { unavailable: `The OCR module could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
  }
  const given = new Map((options.given ?? []).map((p) => [p.page, p]));
  const missing = pages.filter((p) => !given.has(p));
  // recognizePdfPages turns what the OCR packages cannot do into warnings; anything else is a bug.
  const read = missing.length > 0 ? await ocr.recognizePdfPages(data, missing, { language: options.language, password: options.password }) : null;
  let result;
  if (given.size === 0 && read !== null) {
    if ("unavailable" in read) return read;
    result = read;
  } else {
    // Pages read elsewhere (parse option pageOcr), the others here: one result, as if read together.
    const fresh = read === null ? { pages: [], warnings: [] } : "unavailable" in read ? { pages: [], warnings: [unavailableWarning(read.unavailable, missing)] } : ocr.splitOcrResult(read);
    result = ocr.combinePageOcr([...pages.flatMap((p) => given.get(p) ?? []), ...fresh.pages], fresh.warnings);
  }
  const byPage = new Map<number, SourceLine[]>();
  for (const p of result.pages) byPage.set(p.page, p.lines);
  return {
    engine: result.engine,
    pages: byPage,
    confidences: result.pages.map((p) => p.confidence),
    warnings: result.warnings ?? [],
  };
}

function unavailableWarning(message: string, pages: number[]): Warning {
  return { code: "ocr_unavailable", message, pages };
}
