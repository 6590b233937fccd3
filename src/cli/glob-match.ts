/**
 * Globs for `vanban parse 'dir/**\/*.pdf'`: picomatch parses and matches them, tinyglobby walks
 * the folders (collect-inputs.ts). `*`, `?`, `**`, `{a,b}` and the rest of picomatch's syntax.
 */
import picomatch from "picomatch";

/**
 * picomatch compiles a glob to a backtracking regular expression: a segment with many `*`
 * (`*a*a*a*a*b`) takes exponential time on a long name that fails to match. Real patterns
 * use one or two; more than this is refused up front instead of hanging the walk.
 */
export const MAX_STARS_PER_SEGMENT = 3;

/** True when the argument holds glob syntax. */
export function hasGlobMagic(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** Splits a pattern into its literal base directory and the glob to match below it. */
export function splitGlob(pattern: string): { base: string; glob: string } {
  const { base, glob } = picomatch.scan(pattern.replace(/\\/gu, "/"));
  return { base: base === "" ? "." : base, glob };
}

/** Matches a relative path (`/`-separated) against a glob; hidden names only when the pattern spells the dot. */
export function matchGlob(glob: string, path: string): boolean {
  return picomatch.isMatch(path, glob);
}

/** Why a pattern cannot be used, or null: too many `*` in one segment (see MAX_STARS_PER_SEGMENT). */
export function checkGlob(pattern: string): string | null {
  for (const segment of pattern.split("/")) {
    if (segment === "**") continue;
    const stars = segment.replace(/\*{2,}/gu, "*").split("*").length - 1;
    if (stars > MAX_STARS_PER_SEGMENT) {
      return `the glob ${pattern} has ${stars} * in one path segment; at most ${MAX_STARS_PER_SEGMENT} are allowed (more can take exponential time)`;
    }
  }
  return null;
}
