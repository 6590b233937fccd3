/**
 * A tiny glob matcher for `vanban parse 'dir/**\/*.pdf'`: `*` (any run of characters within
 * one path segment), `?` (one character), `**` (any number of whole segments) and `{a,b}`
 * alternatives. No regular expressions: the two-pointer wildcard match is linear per segment
 * in practice and cannot backtrack catastrophically. Node 20 has no stable `fs.glob`.
 */

import { sep } from "node:path";

const MAGIC = /[*?{]/u;

/** True when the argument holds glob syntax. */
export function hasGlobMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** `a/{b,c}/*.{pdf,docx}` → four patterns without braces; nested braces expand too. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf("{");
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (c === "," && depth === 1) commas.push(i);
  }
  // An unclosed or comma-less brace is literal text.
  if (close < 0 || commas.length === 0) {
    if (close < 0) return [pattern];
    return expandBraces(pattern.slice(close + 1)).map((rest) => pattern.slice(0, close + 1) + rest);
  }
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const cuts = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const alternative = pattern.slice(cuts[k] + 1, cuts[k + 1]);
    for (const expanded of expandBraces(head + alternative + tail)) out.push(expanded);
  }
  return out;
}

/** Matches one path segment against one pattern segment (`*`, `?`; no `/`). */
export function matchSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

/** Matches a relative path (segments) against pattern segments, `**` spanning zero or more segments. */
export function matchPath(patternSegments: readonly string[], pathSegments: readonly string[]): boolean {
  // memo[i][j]: pattern from i matches path from j; paths are short, so the table is small.
  const memo = new Map<number, boolean>();
  const width = pathSegments.length + 1;
  const visit = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === patternSegments.length) result = j === pathSegments.length;
    else if (patternSegments[i] === "**") result = visit(i + 1, j) || (j < pathSegments.length && visit(i, j + 1));
    else result = j < pathSegments.length && matchSegment(patternSegments[i], pathSegments[j]) && visit(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return visit(0, 0);
}

/** Splits a brace-free pattern into its literal base directory and the segments to match under it. */
export function splitGlob(pattern: string): { base: string; segments: string[] } {
  const normalized = sep === "\\" ? pattern.replace(/\\/gu, "/") : pattern;
  const absolute = normalized.startsWith("/");
  const parts = normalized.split("/").filter((s) => s !== "" && s !== ".");
  const firstMagic = parts.findIndex((s) => hasGlobMagic(s));
  const literal = firstMagic < 0 ? parts : parts.slice(0, firstMagic);
  const segments = firstMagic < 0 ? [] : parts.slice(firstMagic);
  const base = (absolute ? "/" : "") + literal.join("/");
  return { base: base === "" ? "." : base, segments };
}
