/**
 * Normalize: the one entry of the stage. Bytes become text (`decodeTextBytes`: UTF-8, UTF-16,
 * Windows-1258, legacy VNI/TCVN3 fonts), text becomes NFC with tone marks in place
 * (`normalizeText`), and the ordered blocks of a source are normalized and laid out as the
 * record's `text` (`placeBlocks`), after which every offset is final.
 */
export { decodeTextBytes, type DecodedText } from "./decode-bytes.js";
export { normalizeText, normalizeSegment } from "./normalize-text.js";
export { normalizeLines } from "./normalize-lines.js";
export { placeBlocks } from "./place-blocks.js";
export { decodeLegacy, describeLegacyFont, encodeLegacy, legacyEncodingOfFont, type LegacyEncoding, type LegacyFont } from "./legacy-encoding.js";
export { isAcronym, isVietnameseWord, measureVietnamese, type VietnameseMeasure } from "./text-health.js";
