import { foldKey } from "../text/fold.js";

/** The five tone marks (dấu thanh) as combining characters; vowel shapes (â, ă, ơ, ư) are kept. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * A tone-insensitive comparison key: foldKey (case, spaces, tone placement), then the tone marks
 * dropped, so an OCR'd "Ke hoạch" or a mistyped tone still meets "Kế hoạch".
 */
export function stripTones(text: string): string {
  return foldKey(text).normalize("NFD").replace(TONE_MARKS, "").normalize("NFC");
}
