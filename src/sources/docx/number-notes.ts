import { formatNumber } from "../word/format-number.js";
import type { NoteKind } from "../word/word-items.js";
import type { LimitNotes } from "../word/file-limits.js";
import { childElement, childValue, type XmlElement } from "./parse-xml.js";

interface NoteFormat {
  format: string;
  start: number;
}

/**
 * Labels of footnotes and endnotes (chú thích cuối trang / cuối văn bản) as Word prints them:
 * numbered by order of reference — footnotes 1, 2, 3 … and endnotes i, ii, iii … unless the
 * settings or the section say otherwise — and a custom mark (w:customMarkFollows) printed as typed,
 * without taking a number.
 */
export class NoteNumbering {
  private readonly formats: Record<NoteKind, NoteFormat>;
  private readonly counters: Record<NoteKind, number> = { footnote: 0, endnote: 0 };
  /** Labels by note id, in order of first reference. */
  readonly labels: Record<NoteKind, Map<string, string>> = { footnote: new Map(), endnote: new Map() };
  /** Notes whose label is a custom mark (typed again at the head of the definition). */
  readonly customMarks: Record<NoteKind, Set<string>> = { footnote: new Set(), endnote: new Set() };

  constructor(settings: XmlElement | null, body: XmlElement | undefined, private readonly limits: LimitNotes) {
    this.formats = {
      footnote: { format: "decimal", start: 1 },
      endnote: { format: "lowerRoman", start: 1 },
    };
    // Document settings first, then the final section's properties, which win.
    const sectPr = childElement(body, "w:sectPr");
    for (const source of [settings ?? undefined, sectPr]) {
      this.applyProps("footnote", childElement(source, "w:footnotePr"));
      this.applyProps("endnote", childElement(source, "w:endnotePr"));
    }
  }

  private applyProps(kind: NoteKind, props: XmlElement | undefined): void {
    if (!props) return;
    const format = childValue(props, "w:numFmt");
    const start = Number(childValue(props, "w:numStart"));
    if (format) this.formats[kind].format = format;
    if (Number.isInteger(start) && start > 0) this.formats[kind].start = this.limits.capStart(start, `${kind} start number`);
  }

  /** The label of a reference met in reading order: a custom mark, or the next number. */
  labelFor(kind: NoteKind, id: string, customMark: string | null): string {
    const known = this.labels[kind].get(id);
    if (known !== undefined) return known;
    let label: string;
    if (customMark !== null) {
      label = customMark;
      this.customMarks[kind].add(id);
    } else {
      const { format, start } = this.formats[kind];
      label = formatNumber(start + this.counters[kind], format);
      this.counters[kind]++;
    }
    this.labels[kind].set(id, label);
    return label;
  }
}
