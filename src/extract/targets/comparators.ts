/**
 * So sánh và chiều (comparator and direction): read from the words just before a figure, and
 * from "trở lên"/"trở xuống" or a range just after it.
 *
 * - "từ 10% trở lên", "ít nhất", "tối thiểu", "không dưới" → gte; "trên", "hơn" → gt;
 *   "dưới" → lt; "tối đa", "không quá" → lte; "khoảng", "gần", "xấp xỉ" → approx;
 *   "đạt", "là" or nothing → eq; "từ 15 đến 18", "60-70" → range.
 * - "tăng"/"lên" → increase, "giảm"/"xuống" → decrease, only when they reach the figure through
 *   comparators, value verbs and fillers ("giảm ít nhất 4%/năm", "tăng bình quân 12%/năm"); the
 *   "tăng" of "Tỷ lệ tăng dân số bình quân 2,9%/năm" names the indicator and is not a direction.
 * - A label word right before the number ("Điều 3", "năm 2022", "số 56") makes it no figure.
 */
import type { Comparator } from "../../schema/target.js";
import { COMPARATOR_SYMBOLS, LABEL_WORDS, WALK_ROLES, type WalkRole } from "../../lexicon/target-words.js";
import { prevNonSpace, WordsBefore } from "./words.js";

export interface LeadReading {
  /** Comparator word nearest to the number, null when none ("đạt" alone is eq). */
  comparator: Comparator | null;
  /** The comparator is "từ": a range or a baseline may follow. */
  from: boolean;
  direction: "increase" | "decrease" | null;
  /** A value verb ("đạt", "là", "có", "chiếm" …) introduces the figure. */
  verb: boolean;
  /** "giao" right before the figure: an assigned figure (dự toán … giao 4.000 tỷ đồng), a target. */
  assign: boolean;
  /** A label word is right before the number: an article, ordinal, date part, not a figure. */
  label: boolean;
  /** A capitalised word that plays no role is right before: a name ("Bảo Hưng 2"). */
  name: boolean;
  /** Start of the earliest word read: the indicator ends here. */
  leadStart: number;
}

/** How far back the walk may look: a comparator phrase plus verbs and fillers fit in it. */
const WALK_CHARS = 100;
const WALK_WORDS = 9;


/** Every word that occurs in a walk phrase or a label: a word outside this set ends the walk at once. */
const VOCABULARY: ReadonlySet<string> = new Set(
  [...WALK_ROLES.keys(), ...LABEL_WORDS].flatMap((phrase) => phrase.split(" ")),
);

/** The phrase of `length` words ending at word `i` (nearest first), in text order; null past the words. */
function phraseAt(words: WordsBefore, i: number, length: number): string | null {
  const last = words.get(i + length - 1);
  if (!last) return null;
  let key = last.key;
  for (let k = i + length - 2; k >= i; k--) key += ` ${words.get(k)!.key}`;
  return key;
}

/** Reads the comparator, direction and verbs before the number at `pos` (`floor`: start of the unit). */
export function readLead(s: string, pos: number, floor: number): LeadReading {
  const out: LeadReading = {
    comparator: null, from: false, direction: null, verb: false, assign: false, label: false, name: false, leadStart: pos,
  };
  let walkFrom = pos;
  const symbolAt = prevNonSpace(s, pos, Math.max(floor, pos - 4));
  if (symbolAt >= 0) {
    const symbol = COMPARATOR_SYMBOLS.get(s.charAt(symbolAt));
    if (symbol) {
      out.comparator = symbol;
      out.leadStart = symbolAt;
      walkFrom = symbolAt;
    }
  }
  const words = new WordsBefore(s, walkFrom, Math.max(floor, walkFrom - WALK_CHARS), WALK_WORDS);
  const nearest = words.get(0);
  if (!nearest) return out;
  if (!VOCABULARY.has(nearest.key)) {
    // Nothing to read: only a name ("Bảo Hưng 2") is worth noting.
    if (out.comparator === null && nearest.capital) out.name = true;
    return out;
  }

  if (walkFrom === pos) {
    for (let length = 3; length >= 1; length--) {
      const phrase = phraseAt(words, 0, length);
      if (phrase !== null && LABEL_WORDS.has(phrase)) {
        out.label = true;
        return out;
      }
    }
  }

  let i = 0;
  for (let word = words.get(0); word !== undefined && VOCABULARY.has(word.key); word = words.get(i)) {
    let role: WalkRole | undefined;
    let length = 3;
    for (; length >= 1; length--) {
      const phrase = phraseAt(words, i, length);
      role = phrase === null ? undefined : WALK_ROLES.get(phrase);
      if (role) break;
    }
    if (!role) break;
    switch (role.kind) {
      case "comparator":
        if (out.comparator === null) {
          out.comparator = role.comparator;
          out.from = role.from === true;
        }
        break;
      case "verb":
        out.verb = true;
        break;
      case "direction":
        if (out.direction === null) out.direction = role.direction;
        break;
      case "assign":
        // Only an assignment right before the figure: "giao quân … đạt 100%" is not one.
        if (i !== 0) return out;
        out.assign = true;
        break;
      case "filler":
        break;
    }
    out.leadStart = words.get(i + length - 1)!.start;
    i += length;
  }
  // Nothing was read and a capitalised word touches the number: a name such as "Bảo Hưng 2".
  if (i === 0 && out.comparator === null && nearest.capital) out.name = true;
  return out;
}

/** Final comparator of a figure from what surrounds it. */
export function resolveComparator(lead: LeadReading, isRange: boolean, bound: "gte" | "lte" | null): Comparator {
  if (isRange) return "range";
  if (bound) return bound;
  return lead.comparator ?? "eq";
}
