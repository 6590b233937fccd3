import type { Warning } from "../../schema/span.js";

/**
 * Caps on what a Word file may declare, so a number in the file never decides how much is
 * allocated or how deep the reader recurses. Each value is far beyond real documents.
 */
export const FILE_LIMITS = {
  /** Word's own maximum for a list or note start number (its dialogs stop at 32767). */
  startNumber: 32767,
  /** basedOn chain of a style; Word documents rarely go past 10. */
  styleDepth: 64,
} as const;

/** What was capped while reading one file; becomes one `limit_reached` warning. */
export class LimitNotes {
  private readonly notes = new Set<string>();

  note(what: string): void {
    this.notes.add(what);
  }

  /** A start number within bounds (1 … FILE_LIMITS.startNumber); larger ones are capped and noted. */
  capStart(value: number, what: string): number {
    if (value <= FILE_LIMITS.startNumber) return value;
    this.note(`${what} ${value} capped at ${FILE_LIMITS.startNumber}`);
    return FILE_LIMITS.startNumber;
  }

  toWarnings(): Warning[] {
    if (this.notes.size === 0) return [];
    return [{ code: "limit_reached", message: `Values beyond the reader's limits were capped: ${[...this.notes].join("; ")}.` }];
  }
}
