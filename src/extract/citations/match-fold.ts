import { foldTones } from "../../normalize/fold.js";

/**
 * The text citation patterns run on: `foldTones` (classic tone placement, same length, so
 * offsets are shared). Kept as a name of its own for the citations module's callers.
 */
export const foldForMatching: (text: string) => string = foldTones;
