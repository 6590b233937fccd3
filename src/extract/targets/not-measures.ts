import { BODY_MAKEUP_BEFORE, RATE_AFTER, RATE_BEFORE, SCOPE_OPENING, SHORTCOMING_BEFORE } from "../../lexicon/target-words.js";
import type { Measure } from "./find-measures.js";

/** How much text before a figure is read: the phrases are short. */
const LOOK_BEHIND = 120;

/**
 * A figure that is neither target nor result whatever the cues around it say: a benefit rate,
 * the make-up of a body, a shortcoming, the scope a sentence opens on (lexicon: `RATE_*`,
 * `BODY_MAKEUP_BEFORE`, `SHORTCOMING_BEFORE`, `SCOPE_OPENING`). `s` is the unit's text, `sentenceStart` where the figure's sentence starts.
 */
export function measuresNothing(s: string, m: Measure, sentenceStart: number): boolean {
  // Up to the value itself: the lead ("bằng", "đạt") is part of what is read.
  const before = s.slice(Math.max(sentenceStart, m.start - LOOK_BEHIND), m.start);
  if (RATE_BEFORE.test(before) || BODY_MAKEUP_BEFORE.test(before) || SHORTCOMING_BEFORE.test(before)) return true;
  // The scope a sentence opens on ("Đối với 29 xã …"): only when the figure is the sentence's first words.
  if (SCOPE_OPENING.test(s.slice(sentenceStart, m.start))) return true;
  return RATE_AFTER.test(s.slice(m.end, m.end + 40));
}
