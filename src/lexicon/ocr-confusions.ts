/**
 * Letters OCR confuses in Vietnamese print (nhầm lẫn ký tự khi nhận dạng), for post-correction:
 * a word is tried with one of these letters replaced, besides every variant of its diacritics.
 * Lower case, without diacritics: diacritics are varied separately. Kept short on purpose —
 * each pair widens the set of words a correction may turn into.
 */
export const CONFUSABLE_LETTERS: Readonly<Record<string, readonly string[]>> = {
  // "RHÓ" for "PHÓ": the bowl of a P over a speck reads as R.
  r: ["p"],
  p: ["r"],
  // Thin strokes: l, i and t.
  l: ["i", "t"],
  i: ["l"],
  t: ["l"],
  // Open and closed bowls.
  c: ["e", "o"],
  e: ["c"],
  o: ["c", "a"],
  a: ["o"],
  // Arches.
  n: ["u", "h"],
  u: ["n"],
  h: ["n", "b"],
  b: ["h"],
};

