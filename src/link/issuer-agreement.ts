/**
 * Cơ quan ban hành nhất quán: whether the issuer printed in a citation ("UBND tỉnh", "Sở Nội
 * vụ") can be the body in a record's header ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", under its parent).
 * A citation names its issuer shorter than the header does, so the test is inclusion of words,
 * not equality.
 */
import { ISSUER_ABBREVIATIONS, ISSUER_PERSON_WORDS } from "../lexicon/relation-words.js";
import { BoundedCache } from "../util/bounded-cache.js";
import { stripTones } from "./strip-tones.js";

/** The same few issuers ("Chính phủ", "UBND tỉnh") are cited thousands of times in a corpus. */
const WORDS_CACHE = new BoundedCache<string, Set<string>>(4096);

const PERSON_WORDS = ISSUER_PERSON_WORDS.map(stripTones);
const ABBREVIATIONS = new Map([...ISSUER_ABBREVIATIONS].map(([k, v]) => [stripTones(k), stripTones(v)]));
const WORD_SPLIT = /[^\p{L}\p{N}.]+/u;

/** The words of a body's name: tone-stripped, abbreviations expanded, the signing person dropped. */
export function issuerWords(name: string | null): Set<string> {
  if (!name) return new Set();
  return WORDS_CACHE.getOrCompute(name, readIssuerWords);
}

function readIssuerWords(name: string): Set<string> {
  let folded = stripTones(name);
  for (const person of PERSON_WORDS) folded = folded.split(person).join(" ");
  const words = folded.split(WORD_SPLIT).flatMap((w) => (ABBREVIATIONS.get(w) ?? w).split(" "));
  return new Set(words.filter((w) => w.length > 0 && w !== "."));
}

/** Every word of the smaller name is in the larger one; an unknown issuer agrees with any. */
export function issuersAgree(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (!large.has(w)) return false;
  return true;
}
