/** RFC 6901 JSON Pointers: "/citations/3/symbol" ⇄ ["citations", "3", "symbol"]. */

/** The reference tokens of a pointer; null when it is not a pointer ("" is the whole document). */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return null;
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/gu, "/").replace(/~0/gu, "~"));
}

/** A pointer from its tokens, escaped. */
export function formatPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${String(t).replace(/~/gu, "~0").replace(/\//gu, "~1")}`).join("");
}
