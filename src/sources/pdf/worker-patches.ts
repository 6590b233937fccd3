/**
 * Changes to pdf.js's worker code, applied when the package is built (scripts/build-pdfjs-worker.ts
 * writes the result to dist/pdfjs-<version>/pdf.worker.mjs; `loadPdfJs` imports it when its
 * version is the installed pdf.js's, else the stock worker). Each one is an exact piece of the
 * pinned release's pdf.worker.mjs and its replacement; where a piece is not found exactly once (a
 * pdfjs-dist upgrade) the build fails, to have the patch rewritten or dropped. The text content
 * pdf.js gives is the same with or without them (tests/sources/pdfjs-worker-patches.test.ts).
 */

/** One piece of the worker's source, which must occur exactly once, and what replaces it. */
export interface WorkerEdit {
  find: string;
  replace: string;
}

/** One change, in one or more edits. */
export interface WorkerPatch {
  name: string;
  edits: readonly WorkerEdit[];
}

/**
 * getTextContent stops at every change of font (`Tf` with another name or size): it asks for the
 * font with an async call and resumes in a later microtask, through `Promise.all([font, sink.ready])`,
 * even when the font was loaded by an earlier `Tf` of the same content stream. A page of a
 * Word-made PDF switches fonts hundreds of times (93,000 times in the bench's 170-page decision),
 * ~6 promises each, 600,000 in all, and each also passes `containRejections`' hook. The patch
 * keeps the fonts loaded so far by name, for this content stream and its resources only (a form
 * XObject reads its own through a call of its own), and applies a known one in place, as
 * `handleSetFont` would after its await. Fonts that failed to load (ErrorFont) are asked for again,
 * as before.
 */
const FONT_SWITCH_IN_PLACE: WorkerPatch = {
  name: "font-switch-in-place",
  edits: [
    {
      find: `    async function handleSetFont(fontName, fontRef) {
      const translated = await self.loadFont(fontName, fontRef, resources, task);
      textState.loadedName = translated.loadedName;
      textState.font = translated.font;
      textState.fontMatrix = translated.font.fontMatrix || FONT_IDENTITY_MATRIX;
    }`,
      replace: `    const loadedByName = new Map();
    function applyLoadedFont(translated) {
      textState.loadedName = translated.loadedName;
      textState.font = translated.font;
      textState.fontMatrix = translated.font.fontMatrix || FONT_IDENTITY_MATRIX;
    }
    async function handleSetFont(fontName, fontRef) {
      const translated = await self.loadFont(fontName, fontRef, resources, task);
      if (fontName !== null && !(translated.font instanceof ErrorFont)) {
        loadedByName.set(fontName, translated);
      }
      applyLoadedFont(translated);
    }`,
    },
    {
      find: `            textState.fontName = fontNameArg;
            textState.fontSize = fontSizeArg;
            next(handleSetFont(fontNameArg, null));
            return;`,
      replace: `            textState.fontName = fontNameArg;
            textState.fontSize = fontSizeArg;
            const loadedFont = loadedByName.get(fontNameArg);
            if (loadedFont !== undefined) {
              applyLoadedFont(loadedFont);
              break;
            }
            next(handleSetFont(fontNameArg, null));
            return;`,
    },
  ],
};

/**
 * getTextContent copies its text state at every `q` (StateManager.save), and TextState.clone made
 * each copy an object whose prototype is the state it copies (`Object.create(this)`, then every
 * field copied over). V8 turns an object into a prototype by giving it a map of its own, so each
 * `q` leaves states with maps nobody has seen: the text loop's reads of them go megamorphic, and
 * the copy itself is slow. Word wraps every run of text in `q … Q` (92,000 times in the bench's
 * 170-page decision): `clone` was a tenth of a parse's time, and the loop around it slower. A copy
 * made as a new TextState, every own field copied over, has the same fields and values; nothing
 * in pdf.js reads a state's prototype, and every field a state is given is declared in the class.
 */
const TEXT_STATE_COPY: WorkerPatch = {
  name: "text-state-copy",
  edits: [
    {
      find: `  clone() {
    const clone = Object.assign(Object.create(this), this);
    clone.textMatrix = this.textMatrix.slice();`,
      replace: `  clone() {
    const clone = Object.assign(new TextState(), this);
    clone.textMatrix = this.textMatrix.slice();`,
    },
  ],
};

export const WORKER_PATCHES: readonly WorkerPatch[] = [FONT_SWITCH_IN_PLACE, TEXT_STATE_COPY];

export interface PatchedWorker {
  source: string;
  /** Names of the patches whose piece was not found exactly once; the source is unchanged then. */
  missing: string[];
}

/** Applies every patch, or none: half of a patch's edits could leave the worker broken. */
export function patchWorkerSource(source: string, patches: readonly WorkerPatch[] = WORKER_PATCHES): PatchedWorker {
  const missing = patches.filter((p) => p.edits.some((e) => countOccurrences(source, e.find) !== 1)).map((p) => p.name);
  if (missing.length > 0) return { source, missing };
  let out = source;
  // A function replacement: `$` in the replacement text is taken literally.
  for (const e of patches.flatMap((p) => p.edits)) out = out.replace(e.find, () => e.replace);
  return { source: out, missing };
}

function countOccurrences(text: string, piece: string): number {
  let n = 0;
  for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + piece.length)) n++;
  return n;
}
