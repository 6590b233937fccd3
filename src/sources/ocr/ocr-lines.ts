import type { InlineMark, SourceLine } from "../../blocks/index.js";
import { COPY_STAMP } from "../../lexicon/copy-stamps.js";
import { countLetters } from "../../text/count-letters.js";
import { cleanOcrText, LOW_CONFIDENCE, type OcrCorrection } from "./clean-ocr.js";
import { cleanSignatureLine } from "./clean-signature.js";
import { correctPlaces } from "./correct-places.js";
import { correctSyllables } from "./correct-syllables.js";
import {
  collectSegments,
  measurePage,
  orderByBands,
  weightedConfidence,
  type OcrBlock,
  type OcrBox,
  type OcrWord,
  type PageMetrics,
  type Segment,
} from "./ocr-segments.js";
import { headerRegionsOf, readClosingZone, readHeaderZone, readTitleZone, signatureRegionOf } from "./ocr-zones.js";
import type { SyllableModel } from "./syllable-model.js";

export type { OcrBlock, OcrBox, OcrLine, OcrParagraph, OcrWord } from "./ocr-segments.js";

/**
 * Turns what Tesseract saw on one page (blocks → paragraphs → lines → words with boxes) into
 * visual lines for `unwrapLines`, in reading order: the two-column thể thức header of the
 * first page (issuer and số on the left, quốc hiệu, tiêu ngữ and place-date on the right) and
 * the Nơi nhận | chữ ký closing come out column by column. Pure: no engine needed.
 */

export interface OcrPageInput {
  page: number;
  /** Image size in pixels and its resolution. */
  width: number;
  height: number;
  dpi: number;
  blocks: OcrBlock[];
  /** Look for the thể thức header (the document's first page). */
  findHeader: boolean;
  /**
   * A second reading of `signatureRegion` (Tesseract run on that rectangle only, red seal
   * faded out): its lines replace the closing's right column.
   */
  signatureBlocks?: OcrBlock[];
  /**
   * Closer readings of the first page's zones (each rectangle of `zoneRegions` read alone, as
   * one block, seals faded out): their lines replace the zone's lines of the page reading.
   */
  zoneBlocks?: ZoneReadings;
  /** The syllable model of the Vietnamese post-correction; without it words are kept as read. */
  model?: SyllableModel | null;
}

/** The first page's zones that are read again on their own (vùng đầu văn bản). */
export interface ZoneReadings<T = OcrBlock[]> {
  /** Header, left column: cơ quan ban hành, Số, V/v. */
  headerLeft?: T | null;
  /** Header, right column: quốc hiệu, tiêu ngữ, địa danh và ngày. */
  headerRight?: T | null;
  /** Title block: tên loại, trích yếu. */
  title?: T | null;
}

export interface OcrPageLines {
  lines: SourceLine[];
  /** Mean word confidence (0–100) weighted by length; null when nothing was read. */
  confidence: number | null;
  /** Lines kept with a confidence under `LOW_CONFIDENCE`. */
  lowConfidenceLines: number;
  corrections: OcrCorrection[];
  /** Where the signature column is (chức vụ, chữ ký, họ tên), for a second, closer reading. */
  signatureRegion: OcrBox | null;
  /** Where the first page's header columns and title block are, for a closer reading each. */
  zoneRegions: ZoneReadings<OcrBox>;
  /** Letters read with good confidence in the signature column: compares two readings. */
  signatureScore: number;
}

/** A page number alone on its line. */
const PAGE_NUMBER = /^[-–(]?\s*\d{1,3}\s*[-–)]?$/u;

type Group = { segments: Segment[]; column?: "left" | "right"; zone?: "header" | "closing"; furniture?: boolean };

/** Builds the page's visual lines from Tesseract's layout; see the module comment. */
export function buildOcrLines(input: OcrPageInput): OcrPageLines {
  const corrections: OcrCorrection[] = [];
  const collected = collectSegments(input.blocks, input.width, corrections);
  const metrics = measurePage(input, collected);
  const segments = dropSpecks(collected, metrics, corrections);
  const ordered = orderByBands(segments, metrics);
  const { groups, signatureRegion, zoneRegions } = arrangeZones(ordered, metrics, input, corrections);
  const lines: SourceLine[] = [];
  let lowConfidenceLines = 0;
  let prevGroup: Group | null = null;
  for (const group of groups) {
    let prev: Segment | null = null;
    // Entering or leaving a column zone is a hard boundary; furniture is told apart by its role.
    const newZone = prevGroup !== null && (prevGroup.zone !== group.zone || prevGroup.column !== group.column);
    for (const seg of group.segments) {
      let cleaned = cleanOcrText(seg.text);
      if (group.zone === "closing" && group.column === "right") {
        const signed = cleanSignatureLine(cleaned.text);
        cleaned = { text: signed.text, corrections: [...cleaned.corrections, ...signed.corrections] };
      }
      corrections.push(...cleaned.corrections);
      if (seg.confidence < LOW_CONFIDENCE) lowConfidenceLines++;
      // Words the model corrects travel as marks: the record warns with their final span.
      const syllables = input.model ? correctSyllables(cleaned.text, input.model) : { text: cleaned.text, corrections: [] };
      // Province names after the syllables: the model leaves capitalised words alone.
      const places = correctPlaces(syllables.text);
      const spelled = { text: places.text, corrections: [...syllables.corrections, ...places.corrections] };
      const line = toSourceLine(input.page, seg, spelled.text, prev, group, metrics, newZone);
      // The line's place on the page travels as a mark too: the record keeps it as a line box.
      line.marks = [boxMark(seg, spelled.text, input), ...spelled.corrections.map((c): InlineMark => ({ kind: "correction", start: c.start, end: c.end, original: c.from }))];
      lines.push(line);
      prev = seg;
    }
    prevGroup = group;
  }
  const signature = groups.find((g) => g.zone === "closing" && g.column === "right");
  const signatureScore = signature ? signature.segments.flatMap((seg) => seg.words).reduce((n, w) => n + wellReadLetters(w), 0) : 0;
  const kept = groups.flatMap((g) => g.segments);
  return { lines, confidence: meanConfidence(kept), lowConfidenceLines, corrections, signatureRegion, signatureScore, zoneRegions };
}

/**
 * Dust or a signature's stroke read as letters ("ì" alone between the title's lines, "- Ñ"
 * before the signer's name): letters in a box far lower than a letter of the page's print.
 * Rules and dotted lines (no letter) stay: they are ornaments the header reader knows.
 * Reported as stray marks.
 */
function dropSpecks(segments: Segment[], m: PageMetrics, corrections: OcrCorrection[]): Segment[] {
  return segments.filter((s) => {
    const height = s.box.y1 - s.box.y0;
    const short = [...s.text].length <= 2 && s.box.x1 - s.box.x0 < 0.6 * m.lineHeight;
    const tiny = /\p{L}/u.test(s.text) && (short ? height < 0.4 * m.lineHeight : height < 0.3 * m.lineHeight);
    if (tiny) corrections.push({ from: s.text, to: "", reason: "stray_mark" });
    return !tiny;
  });
}

/** The whole line's box in fractions of the page, 4 decimals (under a fifth of a pixel of an A4 page at 200 dpi). */
function boxMark(seg: Segment, text: string, input: OcrPageInput): InlineMark {
  const fraction = (v: number, size: number): number => Math.min(1, Math.max(0, v / size));
  const round = (v: number): number => Math.round(v * 10_000) / 10_000;
  const x0 = fraction(seg.box.x0, input.width);
  const y0 = fraction(seg.box.y0, input.height);
  const box = { x: round(x0), y: round(y0), w: round(fraction(seg.box.x1, input.width) - x0), h: round(fraction(seg.box.y1, input.height) - y0) };
  return { kind: "box", start: 0, end: text.length, box, confidence: Math.round(seg.confidence), page: input.page };
}

function wellReadLetters(word: OcrWord): number {
  return word.confidence >= 70 ? countLetters(word.text) : 0;
}

/** Splits the ordered segments into groups: pre-header, header columns, body, closing columns. */
function arrangeZones(
  ordered: Segment[],
  m: PageMetrics,
  input: OcrPageInput,
  corrections: OcrCorrection[],
): { groups: Group[]; signatureRegion: OcrBox | null; zoneRegions: ZoneReadings<OcrBox> } {
  const groups: Group[] = [];
  // Copy stamps are set apart before the zones are looked for: read into the header's left
  // column, "SAO Y; VĂN PHÒNG …" would become the issuer's parent body.
  const stamps = ordered.filter((s) => COPY_STAMP.test(s.text.trim()));
  if (stamps.length) groups.push({ segments: stamps, furniture: true });
  let rest = stamps.length ? ordered.filter((s) => !stamps.includes(s)) : ordered;
  let signatureRegion: OcrBox | null = null;
  const zoneRegions: ZoneReadings<OcrBox> = {};
  if (input.findHeader) {
    const header = readHeaderZone(rest, m);
    if (header) {
      const regions = headerRegionsOf(header, m);
      zoneRegions.headerLeft = regions.left;
      zoneRegions.headerRight = regions.right;
      const again = input.zoneBlocks ?? {};
      // A closer reading that found nothing (a blank rectangle, a failure) keeps the first one.
      const orFirst = (read: Segment[], first: Segment[]) => (read.length ? read : first);
      const left = again.headerLeft && regions.left ? orFirst(rereadSegments(again.headerLeft, regions.left, input, m, corrections, 200_000), header.left) : header.left;
      const right = again.headerRight && regions.right ? orFirst(rereadSegments(again.headerRight, regions.right, input, m, corrections, 300_000), header.right) : header.right;
      if (header.before.length) groups.push(...splitFurniture(header.before, m));
      if (left.length) groups.push({ segments: left, column: "left", zone: "header" });
      if (right.length) groups.push({ segments: right, column: "right", zone: "header" });
      rest = header.after;
      const title = readTitleZone(rest, m);
      if (title) {
        zoneRegions.title = title.box;
        const read = again.title ? rereadSegments(again.title, title.box, input, m, corrections, 400_000) : [];
        if (read.length) rest = [...read, ...rest.filter((s) => !title.segments.includes(s))];
      }
    }
  }
  const closing = readClosingZone(rest, m);
  if (closing) {
    signatureRegion = signatureRegionOf(closing, m);
    if (input.signatureBlocks) {
      // The closer reading of the signature column replaces the first one.
      // Paragraph numbers apart from the first reading's.
      const again = collectSegments(input.signatureBlocks, input.width, corrections, 100_000);
      closing.right = orderByBands(again, m).filter((s) => (s.box.x0 + s.box.x1) / 2 >= closing.splitX);
    }
    groups.push(...splitFurniture(closing.before, m));
    if (closing.left.length) groups.push({ segments: closing.left, column: "left", zone: "closing" });
    if (closing.right.length) groups.push({ segments: closing.right, column: "right", zone: "closing" });
    groups.push(...splitFurniture(closing.after, m));
  } else {
    groups.push(...splitFurniture(rest, m));
  }
  return { groups: groups.filter((g) => g.segments.length > 0), signatureRegion, zoneRegions };
}

/** The segments of a zone read again on its own, in reading order, inside its rectangle. */
function rereadSegments(blocks: OcrBlock[], region: OcrBox, input: OcrPageInput, m: PageMetrics, corrections: OcrCorrection[], firstParagraph: number): Segment[] {
  // Paragraph numbers apart from the page reading's.
  const segments = collectSegments(blocks, input.width, corrections, firstParagraph);
  const inside = (s: Segment) => {
    const x = (s.box.x0 + s.box.x1) / 2;
    const y = (s.box.y0 + s.box.y1) / 2;
    return x >= region.x0 && x <= region.x1 && y >= region.y0 && y <= region.y1;
  };
  return orderByBands(dropSpecks(segments.filter(inside), m, corrections), m);
}

/** Signing-stamp text in small print above the header and lone page numbers: furniture. */
function splitFurniture(segments: Segment[], m: PageMetrics): Group[] {
  const groups: Group[] = [];
  for (const seg of segments) {
    const furniture = isFurniture(seg, m);
    const last = groups[groups.length - 1];
    if (last && Boolean(last.furniture) === furniture) last.segments.push(seg);
    else groups.push({ segments: [seg], furniture });
  }
  return groups;
}

function isFurniture(seg: Segment, m: PageMetrics): boolean {
  // A copy stamp or e-copy line ("SAO Y; VĂN PHÒNG …; 25/07/2025 10:25:14 +07:00") anywhere.
  if (COPY_STAMP.test(seg.text.trim())) return true;
  if (PAGE_NUMBER.test(seg.text) && (seg.box.y0 > 0.9 * m.height || seg.box.y1 < 0.07 * m.height)) return true;
  // A signing tool's stamp ("Người ký: …, Thời gian ký: …") printed small in the top margin.
  return seg.box.y1 < 0.08 * m.height && seg.lineHeight < 0.7 * m.lineHeight;
}

function toSourceLine(page: number, seg: Segment, text: string, prev: Segment | null, group: Group, m: PageMetrics, newZone: boolean): SourceLine {
  const toPt = 72 / m.dpi;
  const line: SourceLine = {
    text,
    page,
    style: {
      fontSize: Math.round((group.column || seg.split ? seg.lineHeight : (m.paragraphHeights.get(seg.paragraph) ?? seg.lineHeight)) * toPt * 2) / 2,
      indent: Math.round(seg.box.x0 * toPt * 10) / 10,
    },
  };
  if (isCentered(seg, group, m)) line.style!.align = "center";
  if (group.column) line.column = group.column;
  if (group.zone) line.zone = group.zone;
  if (group.furniture) line.role = "furniture";
  if (prev) {
    const rise = seg.baseline - prev.baseline;
    const sideBySide = Math.abs(rise) < 0.45 * m.lineHeight;
    if (rise < -0.3 * m.lineHeight || sideBySide) line.breakBefore = true;
    const gap = Math.max(0, rise / m.pitch - 1);
    line.gapBefore = gap < 0.25 ? 0 : Math.round(gap * 10) / 10;
  } else if (newZone) {
    line.breakBefore = true;
  }
  return line;
}

function isCentered(seg: Segment, group: Group, m: PageMetrics): boolean {
  const center = (seg.box.x0 + seg.box.x1) / 2;
  const tol = 0.03 * m.width;
  if (group.zone === "closing" && group.column === "left") return false; // the Nơi nhận list
  if (group.column) {
    const x0 = Math.min(...group.segments.map((s) => s.box.x0));
    const x1 = Math.max(...group.segments.map((s) => s.box.x1));
    return group.segments.length > 1 && Math.abs(center - (x0 + x1) / 2) <= tol && seg.box.x0 > x0 + tol;
  }
  // Both margins wide and about equal: a first-line indent alone does not centre a line.
  const before = seg.box.x0 - m.left;
  const after = m.right - seg.box.x1;
  return Math.abs(before - after) <= 1.5 * tol && Math.min(before, after) >= 0.08 * m.width;
}

function meanConfidence(segments: Segment[]): number | null {
  const words = segments.flatMap((s) => s.words);
  if (words.length === 0) return null;
  return Math.round(weightedConfidence(words) * 10) / 10;
}
