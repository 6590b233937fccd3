/**
 * Độ tương đồng chỉ tiêu: indicators compared as tone-insensitive TF-IDF vectors of their
 * syllables and syllable pairs (Vietnamese words are mostly two syllables: "tỷ lệ", "hộ nghèo").
 * The document frequencies come from every indicator of the corpus, so words every indicator
 * carries ("tỷ lệ", "số") weigh little and the ones that name the thing measured weigh most.
 */
import { stripTones } from "./strip-tones.js";

export type TermVector = Map<string, number>;

const SYLLABLE_SPLIT = /[^\p{L}\p{N}]+/u;

/** Syllables and adjacent pairs, tone-stripped. */
export function indicatorTerms(indicator: string): string[] {
  const syllables = stripTones(indicator).split(SYLLABLE_SPLIT).filter((s) => s.length > 0);
  const terms = [...syllables];
  for (let i = 0; i + 1 < syllables.length; i++) terms.push(`${syllables[i]}_${syllables[i + 1]}`);
  return terms;
}

/** Document frequencies over a collection of indicators, and the vectors weighted by them. */
export class IndicatorSpace {
  private readonly df = new Map<string, number>();
  private count = 0;

  add(indicator: string): void {
    this.count++;
    for (const term of new Set(indicatorTerms(indicator))) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  /** The unit-length TF-IDF vector of an indicator (smoothed idf: a term seen everywhere still counts a little). */
  vectorize(indicator: string): TermVector {
    const tf = new Map<string, number>();
    for (const term of indicatorTerms(indicator)) tf.set(term, (tf.get(term) ?? 0) + 1);
    const v: TermVector = new Map();
    let norm = 0;
    for (const [term, f] of tf) {
      const w = f * (Math.log((1 + this.count) / (1 + (this.df.get(term) ?? 0))) + 1);
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, w] of v) v.set(term, w / norm);
    return v;
  }
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}
