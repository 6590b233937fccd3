/** A literal string made safe inside a regular expression ("TP." → "TP\."). */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
