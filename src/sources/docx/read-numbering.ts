import { formatNumber } from "../word/format-number.js";
import type { ListLabel } from "../word/word-items.js";
import { childElement, childElements, childValue, type XmlElement } from "./parse-xml.js";
import type { LimitNotes } from "../word/file-limits.js";
import type { StyleSheet } from "./read-styles.js";

/** One level of a list definition (w:lvl). */
interface ListLevel {
  start: number;
  format: string;
  text: string;
  /** 1-based level after which this level restarts; 0 = never; undefined = after any higher level. */
  restartAfter?: number;
  legal: boolean;
  suffix: "tab" | "space" | "nothing";
}

interface ListInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, ListLevel>;
  used: boolean;
}

const LEVEL_PLACEHOLDER = /%(?<level>[1-9])/g;
/** Bullet glyphs kept as printed; other bullets (Symbol/Wingdings private-use glyphs, ●, ○, §, o …) print as "•". */
const PLAIN_BULLETS = new Set(["-", "–", "+", "*", "•"]);
const MAX_LEVELS = 9;

/**
 * List numbering (đánh số tự động) from numbering.xml: level counters and `lvlText` formats, so a
 * numbered paragraph gets its printed label ("1.", "a)", "II.", "-"). Counters are shared by all
 * list instances of one abstract definition, as Word does, unless an instance restarts a level.
 */
export class ListNumbering {
  private readonly abstracts = new Map<string, ListLevel[]>();
  private readonly instances = new Map<string, ListInstance>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly styleLinks = new Map<string, string>();

  constructor(root: XmlElement | null, private readonly styles: StyleSheet, limits: LimitNotes) {
    for (const abstract of childElements(root ?? undefined, "w:abstractNum")) {
      const id = abstract.attrs["w:abstractNumId"];
      if (id === undefined) continue;
      const levels: ListLevel[] = [];
      for (const lvl of childElements(abstract, "w:lvl")) {
        const ilvl = Number(lvl.attrs["w:ilvl"]);
        if (Number.isInteger(ilvl) && ilvl >= 0 && ilvl < MAX_LEVELS) levels[ilvl] = readLevel(lvl, limits);
      }
      this.abstracts.set(id, levels);
      const link = childValue(abstract, "w:numStyleLink");
      if (link) this.styleLinks.set(id, link);
    }
    for (const num of childElements(root ?? undefined, "w:num")) {
      const id = num.attrs["w:numId"];
      const abstractId = childValue(num, "w:abstractNumId");
      if (id === undefined || abstractId === undefined) continue;
      const instance: ListInstance = { abstractId, startOverrides: new Map(), levelOverrides: new Map(), used: false };
      for (const override of childElements(num, "w:lvlOverride")) {
        const ilvl = Number(override.attrs["w:ilvl"]);
        if (!Number.isInteger(ilvl) || ilvl < 0 || ilvl >= MAX_LEVELS) continue;
        const start = childValue(override, "w:startOverride");
        if (start !== undefined && Number.isFinite(Number(start))) instance.startOverrides.set(ilvl, limits.capStart(Number(start), "list start override"));
        const lvl = childElement(override, "w:lvl");
        if (lvl) instance.levelOverrides.set(ilvl, readLevel(lvl, limits));
      }
      this.instances.set(id, instance);
    }
  }

  /** Advances the counters for a paragraph of list `numId` at level `ilvl` and returns its label. */
  nextLabel(numId: string, ilvl: number): ListLabel | null {
    const instance = this.instances.get(numId);
    if (!instance) return null;
    const abstractId = this.resolveAbstract(instance.abstractId);
    const levels = (this.abstracts.get(abstractId) ?? []).slice();
    for (const [i, lvl] of instance.levelOverrides) levels[i] = lvl;
    const level = levels[ilvl];
    if (!level) return null;
    let counters = this.counters.get(abstractId);
    if (!counters) {
      counters = [];
      this.counters.set(abstractId, counters);
    }
    if (!instance.used) {
      // A list instance that restarts numbering (w:startOverride) resets those levels on first use.
      instance.used = true;
      for (const [i, start] of instance.startOverrides) counters[i] = start - 1;
    }
    counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < MAX_LEVELS; deeper++) {
      const restartAfter = levels[deeper]?.restartAfter ?? deeper;
      if (restartAfter !== 0 && ilvl + 1 <= restartAfter) counters[deeper] = undefined;
    }
    if (level.format === "bullet") {
      const glyph = level.text.trim();
      return { text: glyph === "" ? "" : PLAIN_BULLETS.has(glyph) ? glyph : "•", suffix: printSuffix(level.suffix) };
    }
    const text = level.text.replace(LEVEL_PLACEHOLDER, (_, n: string) => {
      const i = Number(n) - 1;
      const other = levels[i];
      const value = counters![i] ?? other?.start ?? 1;
      // Legal numbering (w:isLgl) prints the higher levels in decimal: "1.1" rather than "I.1".
      return formatNumber(value, level.legal && i < ilvl ? "decimal" : other?.format ?? "decimal");
    });
    return { text, suffix: printSuffix(level.suffix) };
  }

  /** A definition that only links to a numbering style (w:numStyleLink) takes that style's list. */
  private resolveAbstract(abstractId: string): string {
    let id = abstractId;
    for (let hops = 0; hops < 4; hops++) {
      const link = this.styleLinks.get(id);
      if (!link) return id;
      const numId = this.styles.numberingStyleNumId(link) ?? this.styles.paragraphStyle(link).para.numId;
      const target = numId ? this.instances.get(numId)?.abstractId : undefined;
      if (!target || target === id) return id;
      id = target;
    }
    return id;
  }
}

function readLevel(lvl: XmlElement, limits: LimitNotes): ListLevel {
  const start = Number(childValue(lvl, "w:start") ?? 1);
  const restart = childValue(lvl, "w:lvlRestart");
  const suffix = childValue(lvl, "w:suff");
  const legal = childElement(lvl, "w:isLgl");
  return {
    start: Number.isFinite(start) ? limits.capStart(start, "list start number") : 1,
    format: childValue(lvl, "w:numFmt") ?? "decimal",
    text: childValue(lvl, "w:lvlText") ?? "",
    restartAfter: restart !== undefined && Number.isFinite(Number(restart)) ? Number(restart) : undefined,
    legal: legal !== undefined && legal.attrs["w:val"] !== "0" && legal.attrs["w:val"] !== "false",
    suffix: suffix === "space" || suffix === "nothing" ? suffix : "tab",
  };
}

function printSuffix(suffix: ListLevel["suffix"]): string {
  // A tab after a label prints as a gap; in a block it is one space.
  return suffix === "nothing" ? "" : " ";
}
