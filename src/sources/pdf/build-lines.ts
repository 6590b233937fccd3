import type { InlineMark } from "../../blocks/index.js";
import type { PdfLine, PdfPage, PdfRun } from "./types.js";
import { charEdges } from "./char-edges.js";
import { wordsOfRun } from "./run-words.js";

/** Runs whose baselines differ by less than this share of the font size share a line. */
const BASELINE_TOLERANCE = 0.3;
/** A gap wider than this share of the font size between two runs is a word space. */
const SPACE_GAP = 0.2;
/** Runs overlapping by more than this share of the font size are separate things (a stamp on text). */
const OVERLAP_GAP = -0.3;
/** A run this much smaller than the line, raised or lowered, is a superscript or subscript. */
const SMALL_RATIO = 0.82;
const RAISE_MIN = 0.12;
/** A separate run group this short, just above or below a line, is that line's sup/sub. */
const SCRIPT_MAX_CHARS = 6;
const WHITESPACE = /\s+/gu;
/** A stamp that fills a blank of the page (số, ngày, tháng): it joins the line it sits on. */
const FILLING_STAMP = /^[\d\s./-]{1,12}$/u;

/**
 * Groups a page's runs into visual lines, in reading order within the page: top to bottom, and
 * left to right on a line, whatever order pdfjs returned them in (a font fallback can send the
 * accented capitals of a line to the end of the stream). Superscripts raised above a line are
 * attached to it and marked.
 */
export function buildLines(page: PdfPage): PdfLine[] {
  const horizontal: PdfRun[] = [];
  const overlay: PdfRun[] = [];
  const lines: PdfLine[] = [];
  for (const run of page.runs) {
    if (run.rotated) {
      if (!run.space) lines.push(composeLine(page.page, [run]));
    } else if (run.stamp && !FILLING_STAMP.test(run.text.trim())) {
      // The signing tool's own box ("Ký bởi: …", "Thời gian ký: …"): kept, out of the flow.
      overlay.push(run);
    } else {
      horizontal.push(run);
    }
  }
  const groups = attachScripts(groupByBaseline(horizontal.filter((r) => !r.stamp)));
  placeFillingStamps(groups, horizontal.filter((r) => r.stamp));
  for (const group of groups) {
    if (group.some((r) => !r.space)) lines.push(composeLine(page.page, group));
  }
  for (const group of groupByBaseline(overlay)) {
    const line = composeLine(page.page, group);
    line.role = "furniture";
    lines.push(line);
  }
  return lines.sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

function groupByBaseline(runs: PdfRun[]): PdfRun[][] {
  runs.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfRun[][] = [];
  let current: PdfRun[] = [];
  let baseline = 0;
  let maxSize = 0;
  for (const run of runs) {
    if (current.length > 0 && Math.abs(run.y - baseline) <= BASELINE_TOLERANCE * Math.max(run.size, maxSize)) {
      current.push(run);
      if (run.size > maxSize && !run.space) {
        maxSize = run.size;
        baseline = run.y;
      }
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    baseline = run.y;
    maxSize = run.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * A stamp sits a little off the line it fills (the signing tool's own baseline), so it is placed
 * after the lines are known: on the line whose baseline is nearest, when near enough.
 */
function placeFillingStamps(groups: PdfRun[][], stamps: PdfRun[]): void {
  for (const stamp of stamps) {
    let best: PdfRun[] | null = null;
    let bestDistance = stamp.size * 0.6;
    for (const group of groups) {
      const anchor = group.find((r) => !r.space);
      if (!anchor) continue;
      const distance = Math.abs(anchor.y - stamp.y);
      if (distance < bestDistance) {
        best = group;
        bestDistance = distance;
      }
    }
    if (best) best.push(stamp);
    else groups.push([stamp]);
  }
}

/** Merges short groups of small runs into the line they are the superscript (or subscript) of. */
function attachScripts(groups: PdfRun[][]): PdfRun[][] {
  const out: PdfRun[][] = [];
  const merged = new Set<number>();
  for (let i = 0; i < groups.length; i++) {
    if (merged.has(i)) continue;
    const group = groups[i];
    const host = scriptHost(group, groups[i + 1], "sup") ? i + 1 : scriptHost(group, out[out.length - 1], "sub") ? -1 : null;
    if (host === i + 1) {
      groups[i + 1] = [...groups[i + 1], ...group];
      continue;
    }
    if (host === -1) {
      out[out.length - 1] = [...out[out.length - 1], ...group];
      continue;
    }
    out.push(group);
  }
  return out;
}

function scriptHost(group: PdfRun[], host: PdfRun[] | undefined, kind: "sup" | "sub"): boolean {
  if (!host) return false;
  const solid = group.filter((r) => !r.space);
  const chars = solid.reduce((n, r) => n + r.text.trim().length, 0);
  if (chars === 0 || chars > SCRIPT_MAX_CHARS) return false;
  const hostRuns = host.filter((r) => !r.space);
  if (hostRuns.length === 0) return false;
  const hostSize = Math.max(...hostRuns.map((r) => r.size));
  const size = Math.max(...solid.map((r) => r.size));
  if (size > hostSize * SMALL_RATIO) return false;
  const hostY = hostRuns.find((r) => r.size === hostSize)!.y;
  const y = solid[0].y;
  const shift = kind === "sup" ? hostY - y : y - hostY;
  if (shift < hostSize * RAISE_MIN * 0.5 || shift > hostSize * (kind === "sup" ? 0.75 : 0.5)) return false;
  // It must touch a run of the host line: follow a word, or precede one (a note's label).
  const x0 = Math.min(...solid.map((r) => r.x));
  const x1 = Math.max(...solid.map((r) => r.x + r.width));
  return hostRuns.some((r) => Math.abs(x0 - (r.x + r.width)) < hostSize * 1.5 || Math.abs(r.x - x1) < hostSize);
}

/** Builds one line from runs: text with the right spaces, dominant style, sup/sub marks. */
export function composeLine(page: number, input: PdfRun[]): PdfLine {
  const runs = dropFakeBold(fillSlots(input).sort((a, b) => a.x - b.x));
  const solid = runs.filter((r) => !r.space);
  const size = dominantSize(solid);
  const main = solid.filter((r) => r.size >= size * SMALL_RATIO);
  const baseline = (main.length > 0 ? main : solid).reduce((best, r) => (r.text.length > best.text.length ? r : best)).y;
  let text = "";
  let pendingSpace = false;
  let prevEnd = -Infinity;
  let prevSize = size;
  let prevStamp = false;
  const marks: InlineMark[] = [];
  const spans: PdfLine["spans"] = [];
  let boldChars = 0;
  let italicChars = 0;
  let chars = 0;
  for (const run of runs) {
    if (run.space) {
      pendingSpace = text !== "";
      prevEnd = Math.max(prevEnd, run.x + run.width);
      continue;
    }
    let piece = run.text.replace(WHITESPACE, " ");
    const em = Math.min(prevSize, run.size);
    const gap = run.x - prevEnd;
    if (text === "" || text.endsWith(" ")) {
      piece = piece.replace(/^ /u, "");
    } else if (!piece.startsWith(" ") && (pendingSpace || prevStamp || run.stamp || gap > SPACE_GAP * em || gap < OVERLAP_GAP * em)) {
      text += " ";
    }
    const start = text.length + (piece.startsWith(" ") ? 1 : 0);
    text += piece;
    const end = text.length - (piece.endsWith(" ") && piece.length > 1 ? 1 : 0);
    spans.push({ start, end, run });
    const small = run.size <= size * SMALL_RATIO;
    if (small && end > start) {
      if (baseline - run.y > size * RAISE_MIN) marks.push({ start, end, kind: "sup" });
      else if (run.y - baseline > size * RAISE_MIN * 0.5) marks.push({ start, end, kind: "sub" });
    }
    const n = end - start;
    chars += n;
    if (run.bold) boldChars += n;
    if (run.italic) italicChars += n;
    pendingSpace = false;
    prevEnd = run.x + run.width;
    prevSize = run.size;
    prevStamp = run.stamp === true;
  }
  const trimmed = text.replace(/\s+$/u, "");
  return {
    page,
    text: trimmed,
    y: baseline,
    x0: solid.length > 0 ? Math.min(...solid.map((r) => r.x)) : 0,
    x1: solid.length > 0 ? Math.max(...solid.map((r) => r.x + r.width)) : 0,
    size,
    bold: chars > 0 && boldChars / chars > 0.6,
    italic: chars > 0 && italicChars / chars > 0.6,
    marks,
    runs,
    spans,
  };
}

/** The font size carrying most characters. */
export function dominantSize(runs: PdfRun[]): number {
  const bySize = new Map<number, number>();
  for (const r of runs) {
    const key = Math.round(r.size * 2) / 2;
    bySize.set(key, (bySize.get(key) ?? 0) + r.text.length);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of bySize) {
    if (count > bestCount || (count === bestCount && size > best)) {
      best = size;
      bestCount = count;
    }
  }
  return best || (runs[0]?.size ?? 0);
}

/** Some producers fake bold by drawing a run twice, a fraction of a point apart: keep one, bold. */
function dropFakeBold(runs: PdfRun[]): PdfRun[] {
  const out: PdfRun[] = [];
  for (const run of runs) {
    const twin = run.space
      ? undefined
      : out.find((o) => !o.space && o.text === run.text && Math.abs(o.x - run.x) < run.size * 0.15 && Math.abs(o.y - run.y) < run.size * 0.15);
    if (twin) {
      twin.bold = true;
      continue;
    }
    out.push(run);
  }
  return out;
}

/**
 * A font fallback draws the glyphs the main font lacks (Ỉ, ố, ị …) as separate runs, into slots
 * the main run skipped; pdfjs reports such a slot as a space ("T NH" + "Ỉ"). Each fallback run
 * lying inside another run takes its slot: the host run is cut there and the slot's space (or a
 * separate whitespace run over the slot) dropped, so the word reads whole ("TỈNH").
 */
function fillSlots(input: PdfRun[]): PdfRun[] {
  let runs = input.filter((r) => !r.space || !input.some((o) => !o.space && covers(o, r)));
  // Fallback glyphs for several slots come as one run ("ủ ị"): one piece per slot.
  runs = runs.flatMap((r) => (!r.space && r.text.includes(" ") && runs.some((o) => o !== r && !o.space && overlaps(o, r)) ? splitWords(r) : [r]));
  for (const guest of runs.filter((r) => !r.space && !r.stamp)) {
    const host = runs.find(
      (h) => h !== guest && !h.space && !h.stamp && guest.x > h.x + 0.5 && guest.x + guest.width < h.x + h.width - 0.5 && h.text.length > 1,
    );
    if (!host) continue;
    const pieces = cutAt(host, guest);
    if (pieces) runs = runs.flatMap((r) => (r === host ? pieces : [r]));
  }
  return runs;
}

function overlaps(a: PdfRun, b: PdfRun): boolean {
  return Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1;
}

/** Splits a run at its spaces; the first word keeps the run's start, the last its end. */
function splitWords(run: PdfRun): PdfRun[] {
  const out = wordsOfRun(run);
  if (out.length > 1) {
    const last = out[out.length - 1];
    const end = run.x + run.width;
    last.x = end - last.width;
  }
  return out;
}

/** A solid run covering most of a whitespace run: the space is a slot, not a word space. */
function covers(solid: PdfRun, space: PdfRun): boolean {
  const overlap = Math.min(solid.x + solid.width, space.x + space.width) - Math.max(solid.x, space.x);
  return space.width > 0 && overlap > space.width * 0.5 && Math.abs(solid.y - space.y) < solid.size * 0.3;
}

/** Cuts `host` where `guest` sits: at a space near the slot (dropped), else between two letters. */
function cutAt(host: PdfRun, guest: PdfRun): PdfRun[] | null {
  const chars = [...host.text];
  const edges = charEdges(host, chars);
  let best = -1;
  let bestDistance = host.size * 0.6;
  let dropSpace = false;
  for (let i = 0; i <= chars.length; i++) {
    const distance = Math.abs(edges[i] - guest.x);
    const isSpace = i < chars.length && chars[i] === " ";
    // Prefer a space at the slot: pdfjs put it there for the skipped glyph.
    const score = isSpace ? distance * 0.5 : distance;
    if (score < bestDistance) {
      best = i;
      bestDistance = score;
      dropSpace = isSpace;
    }
  }
  if (best <= 0 && !dropSpace) return null;
  const before = chars.slice(0, best).join("");
  const after = chars.slice(best + (dropSpace ? 1 : 0)).join("");
  const end = host.x + host.width;
  const afterX = Math.max(guest.x + guest.width, Math.min(end, edges[best + (dropSpace ? 1 : 0)]));
  const out: PdfRun[] = [];
  if (before !== "") out.push({ ...host, text: before, width: Math.max(0, guest.x - host.x) });
  if (after !== "") out.push({ ...host, text: after, x: afterX, width: Math.max(0, end - afterX) });
  return out;
}

